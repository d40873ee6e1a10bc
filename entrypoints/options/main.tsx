import { render } from 'preact';
import { QuickReference } from '../../components/QuickReference';
import '../../components/ui.css';

render(<QuickReference title="Priority Guard settings" />, document.getElementById('app')!);

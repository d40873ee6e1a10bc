import { render } from 'preact';
import '../../components/popup/popup.css';
import { App } from './App';

// ?tabId=N names the tab to talk to instead of the active one (used by the end-to-end
// tests, which open popup.html in a tab of its own). See tab-bridge.ts.
render(<App search={location.search} />, document.getElementById('app')!);

import { render } from 'preact';
import '../../components/popup/popup.css';
import { App } from './App';
import { t, uiLocale } from '../../components/i18n';

// ?tabId=N names the tab to talk to instead of the active one (used by the end-to-end
// tests, which open popup.html in a tab of its own). See tab-bridge.ts.
// The page speaks the browser's UI language (the catalogue's choice).
document.documentElement.lang = uiLocale();
document.title = t('popup.title');
render(<App search={location.search} />, document.getElementById('app')!);

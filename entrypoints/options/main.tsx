import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp';
import '../../components/ui.css';
import '../../components/options/options.css';
import { t, uiLocale } from '../../components/i18n';

// The page speaks the browser's UI language (the catalogue's choice).
document.documentElement.lang = uiLocale();
document.title = t('options.title');
render(<OptionsApp />, document.getElementById('app')!);

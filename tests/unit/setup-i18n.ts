// The fake browser (WXT's) has no i18n: answer getMessage from the English catalogue, as the
// browser does with the built _locales/en/messages.json, so components render their English words.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { catalogueGetMessage } from '../support/i18n-catalogue';

fakeBrowser.i18n.getMessage = (await catalogueGetMessage('en')) as typeof fakeBrowser.i18n.getMessage;

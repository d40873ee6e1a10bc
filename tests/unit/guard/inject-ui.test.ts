import { describe, expect, it, vi } from 'vitest';
import { answerInjectUiRequest, type UiTarget } from '@/lib/guard/inject-ui';

const OWN_ID = 'hfhpnmcfbmnkleljegpbajcphgcanpho';
const REQUEST = { type: 'inject-guard-ui' };
const FROM_TAB = { id: OWN_ID, url: 'https://support.puppet.com/hc/en-us/requests/new', tab: { id: 7 }, frameId: 0 };

describe('answerInjectUiRequest (background)', () => {
  it('injects into exactly the frame that asked', async () => {
    const inject = vi.fn(async (_target: UiTarget) => undefined);
    expect(await answerInjectUiRequest(REQUEST, FROM_TAB, OWN_ID, inject)).toEqual({ type: 'inject-guard-ui-result', ok: true });
    expect(inject).toHaveBeenCalledWith({ tabId: 7, frameId: 0 });
  });

  it("targets the asking document when the browser names it (Chrome's documentId)", async () => {
    const inject = vi.fn(async (_target: UiTarget) => undefined);
    await answerInjectUiRequest(REQUEST, { ...FROM_TAB, frameId: 3, documentId: 'D0C' }, OWN_ID, inject);
    expect(inject).toHaveBeenCalledWith({ tabId: 7, frameId: 3, documentId: 'D0C' });
  });

  it.each<[string, unknown]>([
    ['a popup request', { type: 'get-status' }],
    ['the request with an extra property', { type: 'inject-guard-ui', file: '/evil.js' }],
    ['junk', 'inject-guard-ui'],
    ['nothing', undefined],
  ])('leaves %s unanswered, injecting nothing', (_name, message) => {
    const inject = vi.fn(async () => undefined);
    expect(answerInjectUiRequest(message, FROM_TAB, OWN_ID, inject)).toBeUndefined();
    expect(inject).not.toHaveBeenCalled();
  });

  it.each<[string, object]>([
    ['another extension', { ...FROM_TAB, id: 'abcdefghijklmnopabcdefghijklmnop' }],
    ['an extension page (no tab)', { id: OWN_ID, url: 'https://support.puppet.com/' }],
    ['an extension page in a tab', { ...FROM_TAB, url: `chrome-extension://${OWN_ID}/popup.html` }],
    ['a sender without a URL', { ...FROM_TAB, url: undefined }],
    ['a tab without an id', { ...FROM_TAB, tab: {} }],
    ['no frame', { ...FROM_TAB, frameId: undefined }],
  ])('refuses %s with a reason', async (_name, sender) => {
    const inject = vi.fn(async () => undefined);
    const answer = await answerInjectUiRequest(REQUEST, sender, OWN_ID, inject);
    expect(answer).toEqual({ type: 'inject-guard-ui-result', ok: false, reason: 'Only the guard in a portal tab can ask for its dialog.' });
    expect(inject).not.toHaveBeenCalled();
  });

  it("says plainly when the browser refuses to inject", async () => {
    const inject = vi.fn(async () => {
      throw new Error('Cannot access contents of the page.');
    });
    expect(await answerInjectUiRequest(REQUEST, FROM_TAB, OWN_ID, inject)).toEqual({
      type: 'inject-guard-ui-result',
      ok: false,
      reason: 'The browser refused to add it to the page (Cannot access contents of the page.)',
    });
  });
});

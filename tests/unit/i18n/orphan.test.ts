import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '#i18n';
import { t } from '@/components/i18n';

afterEach(() => vi.restoreAllMocks());

describe('t, once the extension is gone (an orphaned content script)', () => {
  it('answers with the words it gave before, whether the browser throws or answers nothing', () => {
    const before = t('dialog.back');
    expect(before).not.toBe('');
    vi.spyOn(i18n, 't').mockImplementation(() => {
      throw new Error('Extension context invalidated.');
    });
    expect(t('dialog.back')).toBe(before);
    vi.spyOn(i18n, 't').mockReturnValue('');
    expect(t('dialog.back')).toBe(before);
  });
});

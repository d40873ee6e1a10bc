import { afterEach, describe, expect, it, vi } from 'vitest';
import { nativeSelectControl } from '../../../lib/portal/adapters/native-select';
import { interceptSubmissions, type StoppedSubmission } from '../../../lib/portal/intercept';
import { RECOGNISED_LEVELS } from '../../../lib/portal/option-levels';
import { resetDocument } from './load-fixture';

function setUp(level: string) {
  document.body.innerHTML = `<form action="/hc/en-us/requests"><select name="request[priority]">
<option value="low">Low</option><option value="urgent">Urgent</option></select>
<input name="request[subject]" value="Down"><button type="submit">Submit</button></form>`;
  const form = document.querySelector('form')!;
  const select = form.querySelector('select')!;
  select.value = level;
  const control = nativeSelectControl(select, RECOGNISED_LEVELS);
  const portalSubmits = vi.fn((e: Event) => e.preventDefault());
  form.addEventListener('submit', portalSubmits);
  const stopped: StoppedSubmission[] = [];
  const controller = new AbortController();
  interceptSubmissions({
    control: () => control,
    shouldStop: (c) => c.read() === 1,
    onStopped: (s) => stopped.push(s),
    signal: controller.signal,
  });
  return { form, button: form.querySelector('button')!, portalSubmits, stopped, controller };
}

let current: AbortController | null = null;
afterEach(() => {
  current?.abort();
  resetDocument();
});

describe('interceptSubmissions', () => {
  it('never touches a submission below Priority 1', () => {
    const t = setUp('low');
    current = t.controller;
    t.button.click();
    expect(t.stopped).toHaveLength(0);
    expect(t.portalSubmits).toHaveBeenCalledTimes(1);
  });

  it('stops a P1 button click before the portal sees it, and resumes it exactly once', () => {
    const t = setUp('urgent');
    current = t.controller;
    t.button.click();
    expect(t.stopped).toHaveLength(1);
    expect(t.portalSubmits).not.toHaveBeenCalled();
    t.stopped[0]!.resume();
    t.stopped[0]!.resume();
    expect(t.portalSubmits).toHaveBeenCalledTimes(1);
    expect(t.stopped).toHaveLength(1);
  });

  it("stops the page's own requestSubmit() and resumes through requestSubmit", () => {
    const t = setUp('urgent');
    current = t.controller;
    t.form.requestSubmit();
    expect(t.stopped).toHaveLength(1);
    expect(t.portalSubmits).not.toHaveBeenCalled();
    t.stopped[0]!.resume();
    expect(t.portalSubmits).toHaveBeenCalledTimes(1);
  });

  it('stops a P1 again after a resumed one (each submission is asked about)', () => {
    const t = setUp('urgent');
    current = t.controller;
    t.button.click();
    t.stopped[0]!.resume();
    t.button.click();
    expect(t.stopped).toHaveLength(2);
    expect(t.portalSubmits).toHaveBeenCalledTimes(1);
  });

  it('stops nothing once aborted (extension unloaded)', () => {
    const t = setUp('urgent');
    t.controller.abort();
    t.button.click();
    expect(t.stopped).toHaveLength(0);
    expect(t.portalSubmits).toHaveBeenCalledTimes(1);
  });
});

describe('interceptSubmissions and the browser’s own validation', () => {
  it('lets an invalid form be refused by the browser first, then asks once it is valid', () => {
    const t = setUp('urgent');
    current = t.controller;
    const subject = t.form.querySelector<HTMLInputElement>('[name="request[subject]"]')!;
    subject.required = true;
    subject.value = '';
    t.button.click();
    expect(t.stopped).toHaveLength(0);
    subject.value = 'Down';
    t.button.click();
    expect(t.stopped).toHaveLength(1);
  });
});

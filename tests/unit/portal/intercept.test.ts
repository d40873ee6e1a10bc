import { afterEach, describe, expect, it, vi } from 'vitest';
import { nativeSelectControl } from '../../../lib/portal/adapters/native-select';
import { interceptSubmissions, type StoppedSubmission } from '../../../lib/portal/intercept';
import { RECOGNISED_LEVELS } from '../../../lib/portal/option-levels';
import { resetDocument } from './load-fixture';

function setUp(level: string, buttons = '<button type="submit">Submit</button>') {
  document.body.innerHTML = `<form action="/hc/en-us/requests"><select name="request[priority]">
<option value="low">Low</option><option value="urgent">Urgent</option></select>
<input name="request[subject]" value="Down">${buttons}</form>`;
  const form = document.querySelector('form')!;
  const select = form.querySelector('select')!;
  select.value = level;
  const control = nativeSelectControl(select, RECOGNISED_LEVELS);
  const portalSubmits = vi.fn((e: Event) => e.preventDefault());
  form.addEventListener('submit', portalSubmits);
  const stopped: StoppedSubmission[] = [];
  const passed = vi.fn();
  const controller = new AbortController();
  interceptSubmissions({
    control: () => control,
    isOwnUi: () => false,
    shouldStop: (c) => c.read() === 1,
    onStopped: (s) => stopped.push(s),
    onPassed: passed,
    signal: controller.signal,
  });
  return { form, select, button: form.querySelector('button')!, portalSubmits, stopped, passed, controller };
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
    expect(t.passed).toHaveBeenCalled(); // the guard drops anything it held
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

describe('interceptSubmissions and page buttons that do not submit', () => {
  it('never stops a button without type that the page handles itself, and its handler runs', () => {
    const t = setUp('urgent', '<button class="attach">Add attachment</button><button type="submit">Submit</button>');
    current = t.controller;
    const attach = t.form.querySelector<HTMLButtonElement>('button.attach')!;
    const pageHandler = vi.fn((e: Event) => e.preventDefault());
    attach.addEventListener('click', pageHandler);
    attach.click();
    expect(pageHandler).toHaveBeenCalledTimes(1);
    expect(t.stopped).toHaveLength(0);
    expect(t.portalSubmits).not.toHaveBeenCalled();
  });

  it('still stops a button without type that does submit the form: at its submit event', () => {
    const t = setUp('urgent', '<button class="go">Continue</button>');
    current = t.controller;
    t.form.querySelector<HTMLButtonElement>('button.go')!.click();
    expect(t.stopped).toHaveLength(1);
    expect(t.portalSubmits).not.toHaveBeenCalled();
    t.stopped[0]!.resume();
    expect(t.portalSubmits).toHaveBeenCalledTimes(1);
  });
});

describe('interceptSubmissions and portals that submit asynchronously', () => {
  it('lets the confirmed submission complete once when the page\u2019s click handler awaits, then calls requestSubmit()', async () => {
    const t = setUp('urgent');
    current = t.controller;
    let pending: Promise<void> | null = null;
    t.button.addEventListener('click', (event) => {
      event.preventDefault();
      pending = new Promise<void>((resolve) => setTimeout(resolve, 5)).then(() => t.form.requestSubmit());
    });
    t.button.click();
    expect(t.stopped).toHaveLength(1);
    t.stopped[0]!.resume();
    await pending;
    expect(t.stopped).toHaveLength(1); // no second question
    expect(t.portalSubmits).toHaveBeenCalledTimes(1);
    // A later submission of the same form is asked about again.
    t.form.requestSubmit();
    expect(t.stopped).toHaveLength(2);
    expect(t.portalSubmits).toHaveBeenCalledTimes(1);
  });

  it('lets it complete once when the page\u2019s submit handler cancels, awaits and submits again', async () => {
    const t = setUp('urgent');
    current = t.controller;
    let pending: Promise<void> | null = null;
    let validated = false;
    t.form.addEventListener('submit', (event) => {
      if (validated) return;
      event.preventDefault();
      pending = new Promise<void>((resolve) => setTimeout(resolve, 5)).then(() => {
        validated = true;
        t.form.requestSubmit();
      });
    });
    t.form.requestSubmit();
    expect(t.stopped).toHaveLength(1);
    t.stopped[0]!.resume();
    await pending;
    expect(t.stopped).toHaveLength(1);
    expect(t.portalSubmits).toHaveBeenCalledTimes(2); // the cancelled try and the real one
  });

  it('asks again when the user clicks Submit themselves after a confirmed submission', () => {
    const t = setUp('urgent');
    current = t.controller;
    t.button.click();
    t.stopped[0]!.resume();
    expect(t.portalSubmits).toHaveBeenCalledTimes(1);
    t.button.click();
    expect(t.stopped).toHaveLength(2);
    expect(t.portalSubmits).toHaveBeenCalledTimes(1);
  });
});

describe("interceptSubmissions and the guard's own UI", () => {
  it('never stops a click that comes from the guard\u2019s own elements, even one that says Submit', () => {
    // A page without a <form> (Salesforce): the guard's dialog sits in the same <body>.
    document.body.innerHTML = `<div class="form-field"><label for="p">Priority</label><select id="p" name="priority">
<option value="low">Low</option><option value="urgent" selected>Urgent</option></select></div>
<button class="page">Submit</button><div class="own"><button>Submit</button></div>`;
    const control = nativeSelectControl(document.querySelector('select')!, RECOGNISED_LEVELS);
    const own = document.querySelector('.own')!;
    const controller = new AbortController();
    current = controller;
    const stopped: StoppedSubmission[] = [];
    interceptSubmissions({
      control: () => control,
      isOwnUi: (target) => target === own,
      shouldStop: () => true,
      onStopped: (s) => stopped.push(s),
      onPassed: () => undefined,
      signal: controller.signal,
    });
    own.querySelector('button')!.click();
    expect(stopped).toHaveLength(0);
    document.querySelector<HTMLButtonElement>('button.page')!.click();
    expect(stopped).toHaveLength(1);
  });
});

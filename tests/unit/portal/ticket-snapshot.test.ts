import { afterEach, describe, expect, it } from 'vitest';
import type { PriorityControl } from '../../../lib/portal/control';
import { findPriorityControl } from '../../../lib/portal/find-control';
import { GENERIC_PROFILE, SALESFORCE_PROFILE, ZENDESK_PROFILE } from '../../../lib/portal/profiles';
import { READABLE_SELECTOR, READERS, visibleText } from '../../../lib/portal/snapshot/readers';
import { readTicketSnapshot, ticketFormParts } from '../../../lib/portal/ticket-snapshot';
import { judgeReadiness, type EssentialResult } from '../../../lib/rules/readiness';
// The replica widgets, shared with the end-to-end fixture pages (typed by their .d.ts).
import { mountCopenhagenRequestForm } from '../../fixtures/widgets/copenhagen-form.js';
import { enhanceAllNesty } from '../../fixtures/widgets/nesty.js';
import { mountReactSelect } from '../../fixtures/widgets/react-select.js';
import { mountSalesforceCaseForm } from '../../fixtures/widgets/lightning.js';
import { loadFixtureBody, resetDocument } from './load-fixture';

const SUPPORT_ARCHIVE = 'puppet_enterprise_support_pe-primary_20261206.tar.gz';

/** Types into a field the way a user does (value, then input and change events). */
function type(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

function attach(input: HTMLInputElement, ...names: string[]) {
  const transfer = new DataTransfer();
  for (const name of names) transfer.items.add(new File(['x'], name));
  input.files = transfer.files;
}

function states(results: EssentialResult[]): Record<string, string> {
  return Object.fromEntries(results.map((r) => [r.id, r.state]));
}

/** Reads the snapshot while recording every event the page sees: reading must fire none. */
function readQuietly(control: PriorityControl) {
  const seen: string[] = [];
  const types = ['input', 'change', 'focus', 'focusin', 'blur', 'click', 'keydown'];
  const record = (e: Event) => seen.push(e.type);
  for (const t of types) document.addEventListener(t, record, true);
  try {
    return readTicketSnapshot(control);
  } finally {
    for (const t of types) document.removeEventListener(t, record, true);
    expect(seen).toEqual([]);
  }
}

const byName = <T extends Element>(name: string) => document.querySelector<T>(`[name="${name}"]`)!;

afterEach(resetDocument);

describe('a plain textarea (Zendesk legacy form)', () => {
  it('reads subject, description, attached files and the other fields, never priority or hidden data', () => {
    loadFixtureBody('zendesk-select');
    const control = findPriorityControl(document, ZENDESK_PROFILE)!;
    byName<HTMLSelectElement>('request[priority]').value = 'urgent';
    type(byName('request[anonymous_requester_email]'), 'ana@example.com');
    type(byName('request[subject]'), '  Console down since 09:10 UTC ');
    type(byName('request[description]'), 'We upgraded yesterday.\nProduction: all 1,200 nodes fail.');
    byName<HTMLSelectElement>('request[custom_fields][360011111]').value = 'puppet_enterprise';
    type(byName('request[custom_fields][360022222]'), '2023.8.1');
    attach(byName('request[attachments][]'), SUPPORT_ARCHIVE, 'console.png');
    (document.querySelector('#query') as HTMLInputElement).value = 'search box text';

    const snapshot = readQuietly(control);
    expect(snapshot).toEqual({
      subject: 'Console down since 09:10 UTC',
      description: 'We upgraded yesterday.\nProduction: all 1,200 nodes fail.',
      attachments: [SUPPORT_ARCHIVE, 'console.png'],
      fields: [
        { label: 'Please choose your issue below', value: 'Technical issue' },
        { label: 'Your email address', value: 'ana@example.com' },
        { label: 'Product', value: 'Puppet Enterprise' },
        { label: 'Puppet Enterprise version', value: '2023.8.1' },
      ],
    });
    const parts = ticketFormParts(control);
    expect(parts.scope).toBe(control.form);
    expect(parts.description).toEqual({ kind: 'textarea', element: byName('request[description]'), textarea: byName('request[description]') });
    expect(parts.subject).toBe(byName('request[subject]'));

    expect(states(judgeReadiness(snapshot))).toEqual({
      'what-broke-since': 'found',
      'what-changed': 'found',
      'pe-version': 'found',
      'support-script': 'found',
      'business-impact': 'found',
    });
  });

  it('leaves out empty fields and the empty choice, and an empty form gives every essential missing', () => {
    loadFixtureBody('zendesk-select');
    const control = findPriorityControl(document, ZENDESK_PROFILE)!;
    const snapshot = readTicketSnapshot(control);
    expect(snapshot).toEqual({
      subject: '',
      description: '',
      attachments: [],
      fields: [{ label: 'Please choose your issue below', value: 'Technical issue' }],
    });
    expect(new Set(judgeReadiness(snapshot).map((r) => r.state))).toEqual(new Set(['missing']));
  });

  it('never reads the guard\u2019s own note, even inside the form', () => {
    loadFixtureBody('zendesk-select');
    const control = findPriorityControl(document, ZENDESK_PROFILE)!;
    const note = document.createElement('priority-guard-note');
    const root = note.attachShadow({ mode: 'open' });
    root.innerHTML = '<label for="n">Note</label><input id="n" value="PE 2023.8.1"><textarea>since 09:10</textarea>';
    control.field.after(note);
    const snapshot = readTicketSnapshot(control);
    expect(snapshot.fields.map((f) => f.label)).not.toContain('Note');
    expect(snapshot.description).toBe('');
  });

  it('reads a form-associated field outside the <form>, and a disabled one not at all', () => {
    loadFixtureBody('zendesk-select');
    const control = findPriorityControl(document, ZENDESK_PROFILE)!;
    const form = control.form!;
    form.id = 'new_request';
    const outside = document.createElement('div');
    outside.innerHTML =
      '<label for="env">Environment</label><input id="env" form="new_request" value="Production">' +
      '<label for="off">Old field</label><input id="off" form="new_request" value="x" disabled>';
    document.body.append(outside);
    const fields = readTicketSnapshot(control).fields;
    expect(fields).toContainEqual({ label: 'Environment', value: 'Production' });
    expect(fields.map((f) => f.label)).not.toContain('Old field');
  });
});

describe("Zendesk Copenhagen's rich description (CKEditor 5)", () => {
  function mount(options: Parameters<typeof mountCopenhagenRequestForm>[1] = {}) {
    loadFixtureBody('zendesk-copenhagen');
    const app = mountCopenhagenRequestForm(document.querySelector('#new-request-form')!, {
      rerenderInterval: 0,
      getToken: async () => 'token',
      nativeSubmit: () => {},
      richDescription: true,
      ...options,
    });
    const control = findPriorityControl(document, ZENDESK_PROFILE)!;
    return { app, control };
  }

  it('reads the text the user sees in the editor, line by line, not the HTML nor the hidden textarea', () => {
    const { app, control } = mount();
    const textarea = byName<HTMLTextAreaElement>('request[description]');
    expect(textarea.style.display).toBe('none');
    app.editor!.setData(
      '<p>Since <strong>09:10 UTC</strong> the console is down.</p>' +
        '<ul><li>We upgraded to 2023.8.1</li><li>All agents fail</li></ul>' +
        '<p>Line one<br>line two</p><p><span aria-hidden="true">HIDDEN</span>&lt;b&gt;not markup&lt;/b&gt;</p>' +
        '<pre>Error: a\n  b</pre><p><br data-cke-filler="true"></p>',
    );
    textarea.value = 'stale text the editor will overwrite on submit';

    const snapshot = readQuietly(control);
    expect(snapshot.description).toBe(
      'Since 09:10 UTC the console is down.\nWe upgraded to 2023.8.1\nAll agents fail\nLine one\nline two\n<b>not markup</b>\nError: a\nb',
    );
    const parts = ticketFormParts(control);
    expect(parts.description?.kind).toBe('rich-text');
    expect(parts.description?.element).toBe(app.editor!.editable);
    expect(parts.description?.textarea).toBe(textarea);

    // On submit the editor fills the textarea with HTML; what is read stays the visible text.
    app.editor!.updateSourceElement();
    expect(textarea.value).toContain('<p>');
    expect(readTicketSnapshot(control).description).toBe(snapshot.description);
  });

  it('reads the subject, the custom version field, the Product combobox and uploaded files; never Priority', () => {
    const { app, control } = mount({ uploadedFiles: [SUPPORT_ARCHIVE] });
    app.priority.setValue('urgent');
    type(byName('request[subject]'), 'PE console down');
    type(byName('request[custom_fields][360077]'), '2021.7.9');
    app.editor!.setText('Production down for all 300 users since 09:10.\nNothing changed.');

    let snapshot = readTicketSnapshot(control);
    expect(snapshot.subject).toBe('PE console down');
    expect(snapshot.attachments).toEqual([SUPPORT_ARCHIVE]);
    expect(snapshot.fields).toEqual([{ label: 'Puppet Enterprise version', value: '2021.7.9' }]);
    expect(JSON.stringify(snapshot)).not.toMatch(/Urgent|urgent|replica-upload/);
    expect(states(judgeReadiness(snapshot))).toEqual({
      'what-broke-since': 'found',
      'what-changed': 'found',
      'pe-version': 'found',
      'support-script': 'found',
      'business-impact': 'found',
    });

    app.product.setValue('puppet_enterprise');
    app.addUploadedFile('console.png');
    attach(document.querySelector<HTMLInputElement>('input[type=file]')!, 'local.log');
    snapshot = readTicketSnapshot(control);
    expect(snapshot.fields).toEqual([
      { label: 'Product', value: 'Puppet Enterprise' },
      { label: 'Puppet Enterprise version', value: '2021.7.9' },
    ]);
    expect(snapshot.attachments).toEqual(['local.log', SUPPORT_ARCHIVE, 'console.png']);
  });

  it('an empty editor is an empty description, whatever an old textarea value says', () => {
    const { control } = mount({ prefill: {} });
    byName<HTMLTextAreaElement>('request[description]').value = '<p>old</p>';
    expect(readTicketSnapshot(control).description).toBe('');
  });

  it('without the rich editor (the option is off by default) the textarea is the description', () => {
    const { control } = mount({ richDescription: false, prefill: { tf_description: 'Since yesterday, PE 2023.8.1' } });
    expect(document.querySelector('[contenteditable]')).toBeNull();
    expect(ticketFormParts(control).description?.kind).toBe('textarea');
    expect(readTicketSnapshot(control).description).toBe('Since yesterday, PE 2023.8.1');
  });
});

describe('other editors and widgets', () => {
  it('a contenteditable description without any textarea', () => {
    const form = document.createElement('form');
    form.innerHTML =
      '<label for="s">Summary</label><input id="s" name="summary" value="Agents failing">' +
      '<label for="p">Priority</label><select id="p" name="priority"><option value="1">P1 - Critical</option><option value="2">P2 - High</option></select>' +
      '<div class="form-field"><label id="d-label">Describe the problem</label><div contenteditable="true" aria-labelledby="d-label"><div>First line</div><div>Second <em>line</em></div></div></div>';
    document.body.append(form);
    const control = findPriorityControl(document, GENERIC_PROFILE)!;
    const snapshot = readTicketSnapshot(control);
    expect(snapshot.subject).toBe('Agents failing');
    expect(snapshot.description).toBe('First line\nSecond line');
    expect(snapshot.fields).toEqual([]);
  });

  it('radio buttons: the priority group is skipped, other groups read by their legend', () => {
    loadFixtureBody('radio-group');
    const control = findPriorityControl(document, GENERIC_PROFILE)!;
    document.querySelector<HTMLInputElement>('#severity_sev1')!.checked = true;
    const fieldset = document.createElement('fieldset');
    fieldset.innerHTML =
      '<legend>Environment</legend><input type="radio" id="e1" name="env" value="prod" checked><label for="e1">Production</label>' +
      '<input type="radio" id="e2" name="env" value="test"><label for="e2">Test</label>' +
      '<input type="checkbox" id="c1" name="agree" checked><label for="c1">Customer-facing</label><input type="password" name="pw" value="secret">';
    control.form!.append(fieldset);
    type(byName('request[custom_fields][360022222]'), 'PE 2019.8.12');
    const snapshot = readTicketSnapshot(control);
    expect(snapshot.fields).toEqual([
      { label: 'Puppet Enterprise version', value: 'PE 2019.8.12' },
      { label: 'Environment', value: 'Production' },
      { label: 'Customer-facing', value: 'Yes' },
    ]);
    expect(JSON.stringify(snapshot)).not.toMatch(/Sev 1|secret/);
  });

  it('Zendesk nesty: the chosen option of a nested drop-down, not the priority', () => {
    loadFixtureBody('zendesk-nesty');
    enhanceAllNesty(document);
    const control = findPriorityControl(document, ZENDESK_PROFILE)!;
    byName<HTMLInputElement>('request[priority]').value = 'urgent';
    byName<HTMLInputElement>('request[custom_fields][360011111]').value = 'puppet_enterprise_2023';
    const fields = readTicketSnapshot(control).fields;
    expect(fields).toContainEqual({ label: 'Product', value: 'Puppet Enterprise 2023.x' });
    expect(JSON.stringify(fields)).not.toMatch(/Urgent/);
  });

  it('react-select (Jira-like): the shown value, none while the placeholder shows', () => {
    loadFixtureBody('aria-combobox');
    const form = document.querySelector('form')!;
    mountReactSelect(form.querySelector('[data-test-id="request-field-priority"]')!, {
      name: 'priority',
      label: 'Priority',
      options: ['Blocker', 'Critical', 'Major', 'Minor'].map((label, i) => ({ label, value: String(10000 + i) })),
      placeholder: 'Select priority',
    });
    const product = mountReactSelect(form.querySelector('[data-test-id="request-field-customfield_10050"]')!, {
      name: 'customfield_10050',
      label: 'Product',
      options: [{ label: 'Puppet Enterprise', value: '10100' }],
    });
    const control = findPriorityControl(document, GENERIC_PROFILE)!;
    type(byName('request[subject]'), 'Summary text');
    expect(readTicketSnapshot(control).fields).toEqual([]);
    product.setValue('10100');
    const snapshot = readTicketSnapshot(control);
    expect(snapshot.subject).toBe('Summary text');
    expect(snapshot.fields).toEqual([{ label: 'Product', value: 'Puppet Enterprise' }]);
  });
});

describe('Salesforce: no <form>, fields in nested shadow roots', () => {
  async function mountCase(container: Element | DocumentFragment) {
    const app = mountSalesforceCaseForm(container as Element);
    await new Promise((r) => setTimeout(r, 0));
    const shadow = app.element.shadowRoot as ShadowRoot;
    const inner = <T extends Element>(name: string, selector = 'input, textarea') =>
      shadow.querySelector(`[name="${name}"]`)!.shadowRoot!.querySelector<T>(selector)!;
    return { app, shadow, inner };
  }

  it('reads the case form around the priority field, not the rest of the page', async () => {
    loadFixtureBody('salesforce-bare');
    const slot = document.createDocumentFragment();
    const { app, shadow, inner } = await mountCase(slot);
    document.querySelector('.bare-intro')!.after(slot);
    // Page parts that are not the case: a chat box and the community post composer.
    const chat = document.querySelector('#chat-window')!;
    chat.insertAdjacentHTML('beforeend', '<label for="chat-text">Message</label><textarea id="chat-text">since 09:10, PE 2023.8.1</textarea>');
    (document.querySelector('#post-title') as HTMLInputElement).value = 'Post title text';

    app.setPriorityWithoutEvents('1');
    type(inner('SuppliedEmail'), 'ana@example.com');
    type(inner('Subject'), 'Builds failing');
    type(inner('Description'), 'Production is down since 09:10 UTC for all 40 build agents.');
    type(inner('Version__c'), '2023.8.1');
    (shadow.querySelector('lightning-combobox[name="Product__c"]') as unknown as { value: string }).value = 'Puppet Enterprise';
    attach(inner<HTMLInputElement>('Attachments', 'input[type=file]'), SUPPORT_ARCHIVE);

    const control = findPriorityControl(document, SALESFORCE_PROFILE)!;
    expect(control.form).toBeNull();
    const snapshot = readQuietly(control);
    expect(snapshot).toEqual({
      subject: 'Builds failing',
      description: 'Production is down since 09:10 UTC for all 40 build agents.',
      attachments: [SUPPORT_ARCHIVE],
      fields: [
        { label: 'Email', value: 'ana@example.com' },
        { label: 'Product', value: 'Puppet Enterprise' },
        { label: 'Product version', value: '2023.8.1' },
      ],
    });
    expect(ticketFormParts(control).scope).not.toBe(document);
    expect(states(judgeReadiness(snapshot))).toEqual({
      'what-broke-since': 'found',
      'what-changed': 'missing',
      'pe-version': 'found',
      'support-script': 'found',
      'business-impact': 'found',
    });
  });

  it('an unchosen Salesforce combobox shows its placeholder: not read', async () => {
    const { app } = await mountCase(document.body);
    app.setPriorityWithoutEvents('2');
    const control = findPriorityControl(document, SALESFORCE_PROFILE)!;
    expect(readTicketSnapshot(control).fields).toEqual([]);
  });
});

describe('the readers', () => {
  it('one selector covers every reader', () => {
    const parts = new Set(READABLE_SELECTOR.split(', '));
    for (const reader of READERS) for (const selector of reader.selector.split(', ')) expect(parts.has(selector), selector).toBe(true);
  });
});

describe('visibleText', () => {
  it('gives the lines a person sees, without markup, hidden parts or scripts', () => {
    const el = document.createElement('div');
    el.innerHTML =
      '<h2>Title</h2><p>One   two\nthree</p><script>alert(1)</script><p hidden>gone</p><div style="display: none">gone too</div>' +
      '<ol><li>a</li><li>b</li></ol><table><tr><td>c</td><td>d</td></tr></table><p></p><p>end</p>';
    expect(visibleText(el)).toBe('Title\nOne two three\na\nb\nc d\nend');
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { findPriorityControl } from '../../../lib/portal/find-control';
import { GENERIC_PROFILE, profileFor, SALESFORCE_PROFILE, ZENDESK_PROFILE } from '../../../lib/portal/profiles';
// The replica widgets, shared with the end-to-end fixture pages (typed by their .d.ts).
import { mountGardenCombobox } from '../../fixtures/widgets/garden-combobox.js';
import { mountNesty } from '../../fixtures/widgets/nesty.js';
import { mountReactSelect } from '../../fixtures/widgets/react-select.js';
import { mountSalesforceCaseForm } from '../../fixtures/widgets/lightning.js';
import { loadFixtureBody, resetDocument } from './load-fixture';

const ZENDESK_PRIORITIES = [
  { label: '-', value: '' },
  { label: 'Low', value: 'low' },
  { label: 'Normal', value: 'normal' },
  { label: 'High', value: 'high' },
  { label: 'Urgent', value: 'urgent' },
];

function newForm(): HTMLFormElement {
  const form = document.createElement('form');
  form.action = '/hc/en-us/requests';
  document.body.append(form);
  return form;
}

afterEach(resetDocument);

describe('native <select>', () => {
  it("finds Zendesk's system priority field, reads, sets and sees silent changes", async () => {
    loadFixtureBody('zendesk-select');
    const control = findPriorityControl(document, ZENDESK_PROFILE)!;
    const select = document.querySelector<HTMLSelectElement>('select[name="request[priority]"]')!;
    expect(control.kind).toBe('select');
    expect(control.form).toBe(select.form);
    expect(control.read()).toBeNull();

    const changes: string[] = [];
    select.addEventListener('change', () => changes.push(select.value));
    expect(await control.set(1)).toBe(true);
    expect(select.value).toBe('urgent');
    expect(changes).toEqual(['urgent']);

    select.value = 'normal'; // the page, without any event
    expect(control.read()).toBe(3);
  });

  it('follows the choice by its events alone: nothing in the page is observed', async () => {
    loadFixtureBody('zendesk-select');
    const control = findPriorityControl(document, ZENDESK_PROFILE)!;
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    let changes = 0;
    const stop = control.watch(() => changes++);
    expect(await control.set(1)).toBe(true); // input + change: one notification
    await Promise.resolve();
    expect(changes).toBe(1);
    expect(observe).not.toHaveBeenCalled();
    stop();
    observe.mockRestore();
  });

  it('finds a custom drop-down labelled Priority by its label and P1–P4 options', async () => {
    loadFixtureBody('zendesk-custom-select');
    const control = findPriorityControl(document, ZENDESK_PROFILE)!;
    expect(control.kind).toBe('select');
    expect((control.focusTarget as HTMLSelectElement).name).toMatch(/custom_fields/);
    expect(await control.set(2)).toBe(true);
    expect(control.read()).toBe(2);
  });

  it('ignores a drop-down that is not a priority (Product) and a page without a form', () => {
    loadFixtureBody('article');
    expect(findPriorityControl(document, ZENDESK_PROFILE)).toBeNull();
    const form = newForm();
    form.innerHTML = '<label for="p">Product</label><select id="p"><option>Puppet Enterprise</option><option>Bolt</option></select>';
    expect(findPriorityControl(document, GENERIC_PROFILE)).toBeNull();
  });

  it('does not take a field called Priority whose options are no priority scale', () => {
    const form = newForm();
    form.innerHTML = '<label for="b">Business priority?</label><select id="b"><option>Yes</option><option>No</option></select>';
    expect(findPriorityControl(document, GENERIC_PROFILE)).toBeNull();
  });
});

describe('Zendesk nesty', () => {
  it('reads the hidden input, sets it with a change event and updates the shown label', async () => {
    const form = newForm();
    const nesty = mountNesty(form, {
      name: 'request[priority]',
      id: 'request_priority',
      label: 'Priority',
      options: ZENDESK_PRIORITIES,
    });
    const control = findPriorityControl(document, ZENDESK_PROFILE)!;
    expect(control.kind).toBe('nesty');
    expect(control.options().map((o) => o.value)).toEqual(['', 'low', 'normal', 'high', 'urgent']);
    let changed = 0;
    nesty.input.addEventListener('change', () => changed++);
    expect(await control.set(3)).toBe(true);
    expect(nesty.input.value).toBe('normal');
    expect(nesty.anchor.textContent).toBe('Normal');
    expect(changed).toBe(1);
    nesty.setValue('urgent');
    expect(control.read()).toBe(1);
  });
});

describe('radio group', () => {
  it('is found by its legend and set by clicking the radio', async () => {
    loadFixtureBody('radio-group');
    const control = findPriorityControl(document, GENERIC_PROFILE)!;
    expect(control.kind).toBe('radio');
    expect(control.read()).toBeNull();
    expect(await control.set(2)).toBe(true);
    expect(document.querySelector<HTMLInputElement>('input[type=radio]:checked')!.value).toBe('sev2');
    expect(control.read()).toBe(2);
  });
});

describe('Zendesk Garden combobox (Copenhagen)', () => {
  it('reads the value React wrote without events, and sets a level by picking the option', async () => {
    const form = newForm();
    const product = mountGardenCombobox(form, {
      name: 'request[custom_fields][360099]',
      label: 'Product',
      options: [{ label: 'Bolt', value: 'bolt' }],
      rerenderInterval: 0,
    });
    const garden = mountGardenCombobox(form, {
      name: 'request[priority]',
      label: 'Priority',
      options: ZENDESK_PRIORITIES,
      rerenderInterval: 0,
    });
    const control = findPriorityControl(document, ZENDESK_PROFILE)!;
    expect(control.kind).toBe('combobox');
    expect(control.focusTarget).toBe(garden.trigger);
    expect(control.focusTarget).not.toBe(product.trigger);
    expect(control.read()).toBeNull();

    garden.setValue('urgent'); // a React state update: no DOM event
    expect(control.read()).toBe(1);

    expect(await control.set(3)).toBe(true);
    expect(garden.getValue()).toBe('normal');
    expect(garden.input.value).toBe('normal');
    expect(control.form).toBe(form);
  });
});

describe('react-select (Jira-like)', () => {
  it('uses the Blocker scheme once it has seen the options, so Critical is Priority 2', async () => {
    const form = newForm();
    const wrapper = document.createElement('div');
    wrapper.setAttribute('data-test-id', 'request-field-priority');
    form.append(wrapper);
    const select = mountReactSelect(wrapper, {
      name: 'priority',
      label: 'Priority',
      options: ['Blocker', 'Critical', 'Major', 'Minor'].map((label, i) => ({ label, value: String(10000 + i) })),
    });
    const control = findPriorityControl(document, GENERIC_PROFILE)!;
    expect(control.kind).toBe('combobox');
    expect(await control.set(2)).toBe(true);
    expect(select.getValue()).toBe('10001');
    expect(control.read()).toBe(2);
    expect(await control.set(1)).toBe(true);
    expect(select.getValue()).toBe('10000');
  });
});

describe('Salesforce lightning-combobox in nested shadow roots', () => {
  it('is found only when the profile looks into shadow roots, and set by picking the option', async () => {
    const app = mountSalesforceCaseForm(document.body);
    await new Promise((r) => setTimeout(r, 0));
    expect(findPriorityControl(document, ZENDESK_PROFILE)).toBeNull();
    const control = findPriorityControl(document, SALESFORCE_PROFILE)!;
    expect(control).not.toBeNull();
    expect(control.kind).toBe('combobox');
    expect(control.form).toBeNull();
    expect(await control.set(1)).toBe(true);
    expect(control.read()).toBe(1);
    app.setPriorityWithoutEvents('3');
    expect(control.read()).toBe(3);
  });
});

describe("an admin's portal settings", () => {
  it('finds the field by the configured selector and maps its own labels', async () => {
    const form = newForm();
    form.innerHTML = `<label for="u">Impact class</label><select id="u" name="impact">
<option value="">Choose</option><option value="a">Class A - outage</option><option value="b">Class B</option></select>`;
    expect(findPriorityControl(document, GENERIC_PROFILE)).toBeNull();
    const profile = profileFor('support.example.com', { fieldSelector: '#u', labels: { 'Class A - outage': 1, 'Class B': 3 } });
    const control = findPriorityControl(document, profile)!;
    expect(control.kind).toBe('select');
    expect(await control.set(1)).toBe(true);
    expect((control.focusTarget as HTMLSelectElement).value).toBe('a');
    expect(control.read()).toBe(1);
  });

  it('survives a selector that does not parse by falling back to the heuristics', () => {
    loadFixtureBody('zendesk-select');
    const profile = profileFor('support.puppet.com', { fieldSelector: 'select[name=' });
    expect(findPriorityControl(document, profile)?.kind).toBe('select');
  });
});

// A custom priority field, labelled in one of the catalogues' languages and named by nothing
// else (no "priority" in its name attribute), is found by its label and options; a field with
// the same options under another label is not.
import { afterEach, describe, expect, it } from 'vitest';
import { findPriorityControl } from '@/lib/portal/find-control';
import { GENERIC_PROFILE } from '@/lib/portal/profiles';

afterEach(() => {
  document.body.replaceChildren();
});

function form(label: string, options: string[]): void {
  const wrapper = document.createElement('div');
  const labelEl = document.createElement('label');
  labelEl.htmlFor = 'custom_field_360012';
  labelEl.textContent = label;
  const select = document.createElement('select');
  select.id = 'custom_field_360012';
  select.name = 'request[custom_fields][360012]';
  for (const text of ['-', ...options]) {
    const option = document.createElement('option');
    option.value = text.toLowerCase();
    option.textContent = text;
    select.append(option);
  }
  wrapper.append(labelEl, select);
  document.body.append(wrapper);
}

describe('custom priority fields in other languages', () => {
  it.each([
    ['Schweregrad', ['Kritisch', 'Hoch', 'Mittel', 'Niedrig']],
    ['Dringlichkeit', ['Dringend', 'Hoch', 'Normal', 'Niedrig']],
    ['Gravité', ['Critique', 'Élevée', 'Moyenne', 'Faible']],
    ['Gravedad', ['Crítica', 'Alta', 'Media', 'Baja']],
    ['Severidade', ['Crítica', 'Alta', 'Média', 'Baixa']],
    ['重大度', ['緊急', '高', '普通', '低']],
  ])('%s (%j) is found, and reads and sets its levels', (label, options) => {
    form(label, options);
    const control = findPriorityControl(document, GENERIC_PROFILE);
    expect(control).not.toBeNull();
    expect(control!.offers(1)).toBe(true);
    expect(control!.offers(4)).toBe(true);
  });

  it.each([
    ['Produkt', ['Kritisch', 'Hoch', 'Mittel', 'Niedrig']],
    ['件名', ['緊急', '高', '普通', '低']],
  ])('%s with the same options is not a priority field', (label, options) => {
    form(label, options);
    expect(findPriorityControl(document, GENERIC_PROFILE)).toBeNull();
  });
});

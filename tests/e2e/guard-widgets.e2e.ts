// The guard on every priority widget, in both browsers, with levels chosen as a user does
// (real clicks and keys on the widget):
// - it arms; a Priority 3 goes through at once, untouched and without a dialog;
// - a Priority 1 shows the note, and the dialog stops it before anything reaches the server;
//   "Change to Priority N" then sets the widget (read back from the page), closes the
//   dialog without submitting and puts focus on the field; the user's next submit sends
//   exactly one ticket at level N with every other field as it was.
import { describe, expect, it } from 'vitest';
import { BROWSERS, usePortal } from './harness/setup';
import {
  ariaCombobox,
  expectedData,
  radioGroup,
  salesforceLwr,
  submittedData,
  until,
  useGuardBrowser,
  watchServer,
  zendeskCopenhagen,
  zendeskCustomSelect,
  zendeskNesty,
  zendeskSelect,
  type Level,
  type Widget,
} from './guard-helpers';

const portal = usePortal();

/** Per widget, how the dialog is left: what is ticked first, and which level is chosen. */
const CASES: { w: Widget; tick: string[]; level: Level; how: 'suggestion' | 'other level' }[] = [
  { w: zendeskSelect(), tick: [], level: 3, how: 'suggestion' },
  { w: zendeskCustomSelect, tick: ['production', 'no-workaround'], level: 2, how: 'suggestion' },
  { w: zendeskNesty, tick: [], level: 3, how: 'suggestion' },
  { w: zendeskCopenhagen(), tick: ['production', 'critical'], level: 2, how: 'suggestion' },
  { w: radioGroup, tick: [], level: 4, how: 'other level' },
  { w: ariaCombobox, tick: ['production'], level: 3, how: 'suggestion' },
  { w: salesforceLwr, tick: [], level: 4, how: 'other level' },
];

describe.each(BROWSERS)('guard widgets: %s', (name) => {
  const { browser, sharedPage } = useGuardBrowser(name, portal);

  describe.each(CASES.map((c) => [c.w.fixture, c] as const))('%s', (_fixture, { w, tick, level, how }) => {
    it('arms; Priority 3 is submitted at once, with its data untouched and no dialog', async () => {
      const g = await sharedPage();
      await g.openForm(w);
      expect(await g.mark()).toBe('armed');
      await w.choose(g, 3);
      expect((await g.note()).present).toBe(false);
      const before = await g.fields();
      expect(before[w.priorityName]).toBe(w.values[3]);

      const server = watchServer(browser());
      const clicked = Date.now();
      await g.clickSubmit(w);
      const [sub] = await server.expect(1);
      expect(sub!.at - clicked, 'a P3 submission is not delayed').toBeLessThan(2_000);
      expect(submittedData(sub!)).toEqual(expectedData(w, before, 'button'));
      expect(await g.dialogEverSeen()).toBe(false);
      expect(g.page.errors).toEqual([]);
    });

    it(`Priority 1: note, dialog stops it; "Change to Priority ${level}" (${how}${tick.length ? ` after ticking ${tick.join(' + ')}` : ''}) sets the field without submitting; then one submission at P${level}`, async () => {
      const g = await sharedPage();
      await g.openForm(w);
      await w.choose(g, 1);
      const note = await until(async () => {
        const n = await g.note(w.wrapper);
        return n.present ? n : null;
      }, 'the P1 note');
      expect(note.afterWrapper, `the note sits right after ${w.wrapper}`).toBe(true);
      expect(note.role).toBe('status');
      expect(note.text).toMatch(/Priority 1/);
      const before = await g.fields();

      // Stopped: the dialog opens and nothing reaches the portal.
      const server = watchServer(browser());
      await g.clickSubmit(w);
      await g.waitDialog();
      const state = await g.dialog();
      expect(state).toMatchObject({ open: true, modal: true, title: 'Is this really a Priority 1?', confirmDisabled: true });
      expect(state.checks).toEqual({ production: false, critical: false, 'no-workaround': false });
      expect(state.changes[0]).toMatchObject({ level: '3', text: 'Change to Priority 3' });
      await server.expect(0);
      expect(await g.submitCount()).toBe(0);
      expect(await g.priorityValue()).toBe(w.values[1]);

      // Change to Priority N.
      await g.tick(...tick);
      const changes = (await g.dialog()).changes;
      if (how === 'suggestion') expect(changes[0]).toMatchObject({ level: String(level), text: `Change to Priority ${level}` });
      else expect(changes).toContainEqual({ level: String(level), text: `Priority ${level}`, label: `Change to Priority ${level}` });
      await g.clickChange(level);
      await g.waitNoDialog();
      await g.expectPriority(w, level);
      expect(await g.domPriority(w), 'the widget shows the new level').toEqual({ value: w.values[level], shown: w.labels[level] });
      expect(await g.isFocused(w.focusAfterChange(level)), `focus on the field, not: ${(await g.focused()).path.join(' > ')}`).toBe(true);
      await until(async () => !(await g.note()).present, 'the P1 note to go once P1 is no longer selected', 3_000);
      expect(await g.fields()).toEqual({ ...before, [w.priorityName]: w.values[level] });
      await server.expect(0);
      expect(await g.submitCount()).toBe(0);

      // The user submits: it goes through at once, at the new level, nothing lost.
      await g.clickSubmit(w);
      const [sub] = await server.expect(1);
      expect(submittedData(sub!)).toEqual(expectedData(w, before, 'button', w.values[level]));
      expect(g.page.errors).toEqual([]);
    });
  });
});

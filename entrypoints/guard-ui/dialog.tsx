import { render } from 'preact';
import { GuardDialog } from '../../components/GuardDialog';
import { formatNumber, t, uiLocale } from '../../components/i18n';
import type { EffectiveConfig } from '../../lib/config/effective';
import { trapTab } from '../../lib/guard/focus';
import type { DialogActions, DialogStopReason, OpenDialog } from '../../lib/guard/ui';
import type { PriorityControl } from '../../lib/portal/control';
import { appendToTextarea } from '../../lib/portal/description-input';
import { descriptionText } from '../../lib/portal/ticket-snapshot';
import { headingsToAppend, missingHeadings } from '../../lib/rules/readiness';
import { missingSummary } from '../../components/readiness-text';
import { suggest, type ChecklistId, type Level } from '../../lib/rules';
import type { CopyState, HeadingsHelp } from '../../components/GuardDialog';
import { readTicket } from './readiness';
import { createShadowHost, keepIntact } from './shadow-host';
import css from './guard.css?inline';

interface DialogState {
  ticked: ReadonlySet<ChecklistId>;
  error: string | null;
  busy: boolean;
  stopped: DialogStopReason | null;
  copied: CopyState;
}

/** How often the live guard restarts the CSS delay that would reveal "the guard stopped" (guard.css). */
const HEARTBEAT_MS = 1_000;
const GONE_ANIMATIONS = new Set(['pg-reveal', 'pg-conceal']);

/**
 * Keeps the "guard stopped" notice hidden while this script runs and the guard is alive.
 * Once it stops (the script was unloaded, or isAlive() says the extension is gone), the CSS
 * delay runs out and the notice shows by itself.
 */
function startHeartbeat(dialog: HTMLDialogElement, isAlive: () => boolean, onGone: () => void): () => void {
  const beat = () => {
    if (!isAlive()) {
      stop();
      onGone();
      return;
    }
    if (typeof dialog.getAnimations !== 'function') return;
    for (const animation of dialog.getAnimations({ subtree: true })) {
      if (GONE_ANIMATIONS.has((animation as CSSAnimation).animationName)) animation.currentTime = 0;
    }
  };
  const timer = setInterval(beat, HEARTBEAT_MS);
  // A background tab's timers are throttled: beat as soon as it is shown again.
  const onVisible = () => dialog.ownerDocument.visibilityState === 'visible' && beat();
  dialog.ownerDocument.addEventListener('visibilitychange', onVisible);
  function stop() {
    clearInterval(timer);
    dialog.ownerDocument.removeEventListener('visibilitychange', onVisible);
  }
  return stop;
}

/**
 * Shows the Priority 1 check as a modal dialog in its own shadow root. Only trusted
 * (real user) events tick, confirm, change or go back: the page cannot press for the user.
 * Nor can it take the dialog away or change what it says: removed from the page or closed by
 * a script, it comes back at once, and reworded or restyled, it is rebuilt (keepIntact);
 * only the user (or the guard) closes it.
 */
export function openGuardDialog(doc: Document, config: EffectiveConfig, actions: DialogActions, control: PriorityControl): OpenDialog {
  // What the ticket tells Support, read once, now: the form as it was submitted. Never stored.
  const reading = readTicket(control, config);
  const ticket = { results: reading.results, summary: missingSummary(reading.results) };
  const description = reading.description;
  const headings = missingHeadings(reading.results);
  // Help to fill the gap: typed into a plain textarea (undoable); a rich editor is never written to.
  const help: HeadingsHelp | null =
    headings && description ? { kind: description.kind === 'textarea' ? 'add' : 'copy', headings } : null;
  const shadow = createShadowHost(doc, 'priority-guard-dialog', css, { position: 'fixed', 'z-index': '2147483647' });
  const dialog = doc.createElement('dialog');
  let open = true;
  let state: DialogState = { ticked: new Set(), error: null, busy: false, stopped: null, copied: 'idle' };
  /** Set once rebuilt: the dialog comes back as it was, without its opening animation. */
  let rebuilt = false;
  /** The dialog element's own attributes, as the guard sets them (besides `open`). */
  const setAttributes = () => {
    for (const name of dialog.getAttributeNames()) if (name !== 'open') dialog.removeAttribute(name);
    dialog.className = rebuilt ? 'pg-dialog pg-rebuilt' : 'pg-dialog';
    dialog.setAttribute('aria-labelledby', 'pg-dialog-title');
    dialog.setAttribute('aria-modal', 'true');
    // The dialog speaks the browser's UI language, whatever the portal page's language.
    dialog.setAttribute('lang', uiLocale());
    dialog.dataset.state = state.stopped ?? 'ask';
  };
  setAttributes();
  shadow.root.append(dialog);

  const isModal = () => {
    try {
      return dialog.matches(':modal');
    } catch {
      return dialog.open; // no :modal support (test DOMs)
    }
  };
  const attach = () =>
    intact.ours(() => {
      if (!shadow.host.isConnected) (doc.body ?? doc.documentElement).append(shadow.host);
      // A dialog taken out of the page leaves the top layer but keeps its open attribute.
      if (dialog.open && !isModal()) dialog.removeAttribute('open');
      if (!dialog.open) dialog.showModal();
      shadow.root.getElementById('pg-dialog-title')?.focus();
    });
  /** After a page script changed what the dialog shows: the same dialog again, from the guard's state. */
  const rebuild = () => {
    rebuilt = true;
    setAttributes();
    render(null, dialog);
    dialog.replaceChildren();
    shadow.root.append(dialog);
    render(view(), dialog);
    attach();
  };
  const intact = keepIntact(shadow, rebuild);
  // While open: put the dialog back if the page removes it, and tell the guard the page changed.
  const pageWatch = new MutationObserver(() => {
    if (!open) return;
    if (!shadow.host.isConnected) attach();
    actions.pageChanged();
  });
  const onClosedBehindOurBack = () => {
    if (open) attach();
  };
  const stopHeartbeat = startHeartbeat(dialog, () => {
    intact.check();
    return actions.isAlive();
  }, () => stop('extension-gone'));

  const close = () => {
    if (!open) return;
    open = false;
    stopHeartbeat();
    pageWatch.disconnect();
    intact.stop();
    render(null, dialog);
    if (dialog.open) dialog.close();
    shadow.remove();
  };
  const leave = (changed: boolean) => {
    close();
    // Back to a ticket that lacks something: the caret goes to the end of its description.
    actions.dismissed(changed, !changed && headings && description ? description.element : undefined);
  };
  const update = (patch: Partial<DialogState>) => {
    state = { ...state, ...patch };
    if (open) intact.ours(() => render(view(), dialog));
  };
  function stop(reason: DialogStopReason) {
    if (!open || state.stopped) return;
    if (reason === 'extension-gone') {
      // From now on it behaves as a dialog whose script is gone: closed only by the user, natively.
      stopHeartbeat();
      pageWatch.disconnect();
      intact.stop();
      dialog.removeEventListener('close', onClosedBehindOurBack);
    }
    update({ stopped: reason, busy: false, error: null });
    intact.ours(setAttributes);
    shadow.root.querySelector<HTMLElement>('button[data-action="back"]')?.focus();
  }
  const toggle = (id: ChecklistId, event: Event) => {
    const box = event.currentTarget as HTMLInputElement;
    if (!event.isTrusted) {
      box.checked = state.ticked.has(id);
      return;
    }
    const ticked = new Set(state.ticked);
    if (box.checked) ticked.add(id);
    else ticked.delete(id);
    update({ ticked });
  };
  const changeLevel = async (level: Level, event: Event) => {
    if (!event.isTrusted || state.stopped) return;
    update({ busy: true, error: null });
    if (await actions.changeLevel(level)) return leave(true);
    update({
      busy: false,
      error: t('dialog.changeFailed', { level: formatNumber(level) }),
    });
  };
  const addHeadings = (event: Event) => {
    if (!event.isTrusted || state.stopped || help?.kind !== 'add' || !description) return;
    const textarea = description.element as HTMLTextAreaElement;
    if (!textarea.isConnected || textarea.disabled || textarea.readOnly) {
      update({ error: t('dialog.headings.cannotWrite') });
      return;
    }
    leave(false);
    appendToTextarea(textarea, headingsToAppend(textarea.value, help.headings));
  };
  const copyHeadings = (event: Event) => {
    if (!event.isTrusted || help?.kind !== 'copy') return;
    const copied = (ok: boolean) => update({ copied: ok ? 'copied' : 'failed' });
    try {
      // Pasted at the end of the description, they start on a line of their own.
      const text = description ? headingsToAppend(descriptionText(description), help.headings) : help.headings;
      doc.defaultView!.navigator.clipboard.writeText(text).then(() => copied(true), () => copied(false));
    } catch {
      copied(false);
    }
  };
  const view = () => (
    <GuardDialog
      definitions={config.definitions}
      replaced={config.replacedDefinitions}
      plan={config.plan}
      p1Phone={config.p1Phone}
      checklist={config.checklist}
      ticked={state.ticked}
      suggestion={suggest(state.ticked)}
      readiness={ticket}
      headingsHelp={help}
      copied={state.copied}
      onAddHeadings={addHeadings}
      onCopyHeadings={copyHeadings}
      reassurance={config.reassurance}
      error={state.error}
      busy={state.busy}
      stopped={state.stopped}
      onToggle={toggle}
      onConfirm={(event) => {
        if (!event.isTrusted || state.stopped || !config.checklist.every((item) => state.ticked.has(item.id))) return;
        actions.confirm();
      }}
      onChangeLevel={changeLevel}
      onBack={(event) => {
        // The button submits a method="dialog" form: that is only for when this script is gone.
        event.preventDefault();
        if (event.isTrusted) leave(false);
      }}
    />
  );

  dialog.addEventListener('keydown', (event) => trapTab(dialog, event));
  // A page's synthetic click on a checkbox (or its label) toggles it, and the change event
  // the browser then fires is trusted: so refuse untrusted clicks before they act.
  dialog.addEventListener(
    'click',
    (event) => {
      if (event.isTrusted) return;
      event.preventDefault();
      event.stopImmediatePropagation();
    },
    true,
  );
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    if (event.isTrusted) leave(false);
  });
  dialog.addEventListener('close', onClosedBehindOurBack);
  intact.ours(() => render(view(), dialog));
  attach();
  pageWatch.observe(doc, { childList: true, subtree: true });
  return { close, isOpen: () => open, stop };
}

import { render } from 'preact';
import { GuardDialog } from '../../components/GuardDialog';
import type { EffectiveConfig } from '../config/effective';
import { suggest, type ChecklistId, type Level } from '../rules';
import { trapTab } from './focus';
import { createShadowHost } from './shadow-host';
import css from './guard.css?inline';

export interface DialogActions {
  /** The user confirmed P1 with a real gesture. */
  confirm(): void;
  /** The user chose another level; resolves false when the field could not be set. */
  changeLevel(level: Level): Promise<boolean>;
  /** The dialog closed without submitting; focus goes back. */
  dismissed(changed: boolean): void;
}

export interface OpenDialog {
  close(): void;
  /** False once closed, also when the page removed or closed it behind our back. */
  isOpen(): boolean;
}

interface DialogState {
  ticked: ReadonlySet<ChecklistId>;
  error: string | null;
  busy: boolean;
}

/**
 * Shows the Priority 1 check as a modal dialog in its own shadow root. Only trusted
 * (real user) events tick, confirm, change or go back: the page cannot press for the user.
 */
export function openGuardDialog(doc: Document, config: EffectiveConfig, actions: DialogActions): OpenDialog {
  const shadow = createShadowHost(doc, 'priority-guard-dialog', css, { position: 'fixed', 'z-index': '2147483647' });
  const dialog = doc.createElement('dialog');
  dialog.className = 'pg-dialog';
  dialog.setAttribute('aria-labelledby', 'pg-dialog-title');
  dialog.setAttribute('aria-modal', 'true');
  shadow.root.append(dialog);
  let open = true;
  let state: DialogState = { ticked: new Set(), error: null, busy: false };

  const close = () => {
    if (!open) return;
    open = false;
    render(null, dialog);
    if (dialog.open) dialog.close();
    shadow.remove();
  };
  const leave = (changed: boolean) => {
    close();
    actions.dismissed(changed);
  };
  const update = (patch: Partial<DialogState>) => {
    state = { ...state, ...patch };
    if (open) render(view(), dialog);
  };
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
    if (!event.isTrusted) return;
    update({ busy: true, error: null });
    if (await actions.changeLevel(level)) return leave(true);
    update({
      busy: false,
      error: `The form's priority field could not be changed. Choose Priority ${level} in the form yourself, then submit.`,
    });
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
      essentials={config.ticketEssentials}
      reassurance={config.reassurance}
      error={state.error}
      busy={state.busy}
      onToggle={toggle}
      onConfirm={(event) => {
        if (!event.isTrusted || !config.checklist.every((item) => state.ticked.has(item.id))) return;
        close();
        actions.confirm();
      }}
      onChangeLevel={changeLevel}
      onBack={(event) => {
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
  (doc.body ?? doc.documentElement).append(shadow.host);
  render(view(), dialog);
  dialog.showModal();
  shadow.root.getElementById('pg-dialog-title')?.focus();
  return { close, isOpen: () => open && shadow.host.isConnected && dialog.open };
}

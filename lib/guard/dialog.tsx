import { render } from 'preact';
import { useState } from 'preact/hooks';
import { GuardDialog } from '../../components/GuardDialog';
import type { EffectiveConfig } from '../config/effective';
import type { PriorityControl } from '../portal/control';
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

function DialogState({ config, actions, close }: { config: EffectiveConfig; actions: DialogActions; close: () => void }) {
  const [ticked, setTicked] = useState<ReadonlySet<ChecklistId>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <GuardDialog
      definitions={config.definitions}
      replaced={config.replacedDefinitions}
      plan={config.plan}
      p1Phone={config.p1Phone}
      checklist={config.checklist}
      ticked={ticked}
      suggestion={suggest(ticked)}
      essentials={config.ticketEssentials}
      reassurance={config.reassurance}
      error={error}
      busy={busy}
      onToggle={(id, event) => {
        if (!event.isTrusted) {
          (event.currentTarget as HTMLInputElement).checked = ticked.has(id);
          return;
        }
        const next = new Set(ticked);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        setTicked(next);
      }}
      onConfirm={(event) => {
        if (!event.isTrusted || !config.checklist.every((item) => ticked.has(item.id))) return;
        close();
        actions.confirm();
      }}
      onChangeLevel={async (level, event) => {
        if (!event.isTrusted) return;
        setBusy(true);
        setError(null);
        const ok = await actions.changeLevel(level);
        setBusy(false);
        if (ok) {
          close();
          actions.dismissed(true);
        } else {
          setError(`The form's priority field could not be changed. Choose Priority ${level} in the form yourself, then submit.`);
        }
      }}
      onBack={(event) => {
        if (!event.isTrusted) return;
        close();
        actions.dismissed(false);
      }}
    />
  );
}

export interface OpenDialog {
  close(): void;
  /** False once closed, also when the page removed or closed it behind our back. */
  isOpen(): boolean;
}

/** Shows the Priority 1 check as a modal dialog in its own shadow root. */
export function openGuardDialog(doc: Document, config: EffectiveConfig, actions: DialogActions): OpenDialog {
  const shadow = createShadowHost(doc, 'priority-guard-dialog', css, { position: 'fixed', 'z-index': '2147483647' });
  const dialog = doc.createElement('dialog');
  dialog.className = 'pg-dialog';
  dialog.setAttribute('aria-labelledby', 'pg-dialog-title');
  dialog.setAttribute('aria-modal', 'true');
  shadow.root.append(dialog);
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    render(null, dialog);
    if (dialog.open) dialog.close();
    shadow.remove();
  };
  dialog.addEventListener('keydown', (event) => trapTab(dialog, event));
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    if (!event.isTrusted) return;
    close();
    actions.dismissed(false);
  });
  (doc.body ?? doc.documentElement).append(shadow.host);
  render(<DialogState config={config} actions={actions} close={close} />, dialog);
  dialog.showModal();
  shadow.root.getElementById('pg-dialog-title')?.focus();
  return { close, isOpen: () => open && shadow.host.isConnected && dialog.open };
}

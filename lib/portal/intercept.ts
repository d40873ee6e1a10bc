import type { PriorityControl } from './control';
import { textOf } from './dom';

/** A stopped submission. resume() lets it continue through the portal's own path, once. */
export interface StoppedSubmission {
  control: PriorityControl;
  resume(): void;
}

export interface InterceptOptions {
  /** The armed control, if any. */
  control(): PriorityControl | null;
  /** Whether this submission must be stopped (read the level here, at submit time). */
  shouldStop(control: PriorityControl): boolean;
  onStopped(stopped: StoppedSubmission): void;
  signal: AbortSignal;
}

const SUBMIT_BUTTON = 'button:not([type]), button[type="submit"], input[type="submit"], input[type="image"]';
/** Without a <form> (Salesforce), the submit control is a button that says so. */
const SUBMIT_WORDS = /^(submit|send|create|open)\b/i;

function submitButtonAt(path: EventTarget[], control: PriorityControl): HTMLElement | null {
  for (const target of path) {
    if (!(target instanceof Element)) continue;
    if (target === control.scope) return null;
    if (control.form) {
      if (target.matches(SUBMIT_BUTTON) && (target as HTMLButtonElement).form === control.form) {
        return target as HTMLElement;
      }
    } else if ((target.localName === 'button' || target.getAttribute('role') === 'button') && SUBMIT_WORDS.test(textOf(target))) {
      return path.includes(control.scope) ? (target as HTMLElement) : null;
    }
  }
  return null;
}

/** The browser will refuse an invalid form by itself: let it say so before we ask anything. */
function browserWillBlock(form: HTMLFormElement | null, button: HTMLElement | null): boolean {
  if (!form || form.noValidate || (button as HTMLButtonElement | null)?.formNoValidate) return false;
  return !form.checkValidity();
}

/**
 * Stops submissions of the guarded form before the portal's own handlers see them:
 * listeners on window in the capture phase run before any listener on the form.
 * Catches a submit-button click (also the one Enter in a text field synthesises), and the
 * submit event (requestSubmit(), forms without a button). resume() replays the same
 * gesture while letting it through, so the portal's own submit logic (tokens) runs.
 */
export function interceptSubmissions(options: InterceptOptions): void {
  let passing = false;
  const letThrough = (replay: () => void) => {
    passing = true;
    try {
      replay();
    } finally {
      passing = false;
    }
  };
  const once = (replay: () => void) => {
    let used = false;
    return () => {
      if (used) return;
      used = true;
      letThrough(replay);
    };
  };
  const stop = (event: Event, control: PriorityControl, resume: () => void) => {
    event.preventDefault();
    event.stopImmediatePropagation();
    options.onStopped({ control, resume });
  };

  const onClick = (event: MouseEvent) => {
    if (passing || event.button !== 0) return;
    const control = options.control();
    if (!control) return;
    const button = submitButtonAt(event.composedPath(), control);
    if (!button || !options.shouldStop(control) || browserWillBlock(control.form, button)) return;
    stop(event, control, once(() => button.click()));
  };

  const onSubmit = (event: SubmitEvent) => {
    if (passing) return;
    const control = options.control();
    if (!control?.form || event.target !== control.form) return;
    if (!options.shouldStop(control)) return;
    const form = control.form;
    const submitter = event.submitter;
    stop(
      event,
      control,
      once(() => {
        if (submitter?.isConnected && (submitter as HTMLButtonElement).form === form) form.requestSubmit(submitter);
        else form.requestSubmit();
      }),
    );
  };

  window.addEventListener('click', onClick, { capture: true, signal: options.signal });
  window.addEventListener('submit', onSubmit, { capture: true, signal: options.signal });
}

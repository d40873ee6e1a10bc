import type { PriorityControl } from './control';
import { clickedSubmitter, isTicketSubmitEvent } from './submission';

/** A stopped submission. resume() lets it continue through the portal's own path, once. */
export interface StoppedSubmission {
  control: PriorityControl;
  /** The form it submits, or (without a form) the button that was pressed. */
  owner: Element;
  resume(): void;
}

export interface InterceptOptions {
  /** The armed control, if any. */
  control(): PriorityControl | null;
  /** The guard's own elements: their events are never a submission. */
  isOwnUi(target: EventTarget): boolean;
  /** Whether this submission must be stopped (read the level here, at submit time). */
  shouldStop(control: PriorityControl): boolean;
  onStopped(stopped: StoppedSubmission): void;
  /** A submission of the guarded ticket went ahead without being stopped (not a resumed one). */
  onPassed(control: PriorityControl): void;
  signal: AbortSignal;
}

/** How long after a confirmed submission resumed the portal may take to submit its form. */
export const CONFIRMED_SUBMIT_WINDOW_MS = 60_000;

/** The browser will refuse an invalid form by itself: let it say so before we ask anything. */
function browserWillBlock(form: HTMLFormElement | null, button: HTMLElement | null): boolean {
  if (!form || form.noValidate || (button as HTMLButtonElement | null)?.formNoValidate) return false;
  return !form.checkValidity();
}

/**
 * Stops submissions of the guarded ticket before the portal's own handlers see them:
 * listeners on window in the capture phase run before any listener on the page.
 * What counts as a submission is decided in ./submission.ts. resume() replays the same
 * gesture while letting it through, so the portal's own submit logic (tokens) runs.
 *
 * After a resumed submission, the portal may submit its form again later, asynchronously (a
 * click handler that awaits validation or a captcha, then calls requestSubmit(); a submit
 * handler that cancels, awaits, and submits again): the first submit event of that form
 * within CONFIRMED_SUBMIT_WINDOW_MS is that same submission and goes ahead once, without a
 * second question. A user's own click on a submit button is always asked about again.
 */
export function interceptSubmissions(options: InterceptOptions): void {
  let passing = false;
  /** The form whose resumed submission may still arrive as a submit event. */
  let confirmed: { form: HTMLFormElement; until: number } | null = null;

  const letThrough = (replay: () => void) => {
    passing = true;
    try {
      replay();
    } finally {
      passing = false;
    }
  };
  const once = (replay: () => void, form: HTMLFormElement | null) => {
    let used = false;
    return () => {
      if (used) return;
      used = true;
      confirmed = form ? { form, until: Date.now() + CONFIRMED_SUBMIT_WINDOW_MS } : null;
      letThrough(replay);
    };
  };
  const stop = (event: Event, control: PriorityControl, owner: Element, resume: () => void) => {
    event.preventDefault();
    event.stopImmediatePropagation();
    confirmed = null;
    options.onStopped({ control, owner, resume });
  };

  const passed = (control: PriorityControl) => {
    confirmed = null;
    options.onPassed(control);
  };

  const onClick = (event: MouseEvent) => {
    if (passing || event.button !== 0) return;
    const control = options.control();
    if (!control) return;
    const button = clickedSubmitter(event.composedPath(), control, options.isOwnUi);
    if (!button) return;
    if (!options.shouldStop(control) || browserWillBlock(control.form, button)) return passed(control);
    stop(event, control, control.form ?? button, once(() => button.click(), control.form));
  };

  const onSubmit = (event: SubmitEvent) => {
    const control = options.control();
    if (!control || !isTicketSubmitEvent(event, control)) return;
    if (passing) return;
    const form = control.form!;
    if (confirmed?.form === form && Date.now() <= confirmed.until) {
      confirmed = null; // the confirmed submission, arriving late: it goes ahead, once
      return;
    }
    if (!options.shouldStop(control)) return passed(control);
    const submitter = event.submitter;
    stop(
      event,
      control,
      form,
      once(() => {
        if (submitter?.isConnected && (submitter as HTMLButtonElement).form === form) form.requestSubmit(submitter);
        else form.requestSubmit();
      }, form),
    );
  };

  window.addEventListener('click', onClick, { capture: true, signal: options.signal });
  window.addEventListener('submit', onSubmit, { capture: true, signal: options.signal });
}

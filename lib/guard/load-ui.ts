import { parseInjectUiResult } from '../messages';
import { withTimeout } from '../timeout';
import { injectedGuardUi, type GuardUi } from './ui';

export interface GuardUiLoader {
  /** The UI if it is already here (null: not yet, or it could not be loaded). */
  current(): GuardUi | null;
  /**
   * Loads it, once; later calls share the same attempt. Rejects when it could not be
   * loaded; the next call tries again.
   */
  load(): Promise<GuardUi>;
}

const TIMED_OUT = Symbol('timed out');

/** Why the UI is not here, from the background's answer. */
function whyNot(answer: unknown): string {
  const checked = parseInjectUiResult(answer);
  if (!checked.ok) return checked.reason;
  if (checked.message.ok) return 'it did not arrive';
  return checked.message.reason || 'the extension did not say why';
}

/**
 * The content script's side of the lazily injected UI (lib/guard/ui.ts).
 * `askToInject` sends the inject-guard-ui request and resolves with the background's answer.
 */
export function createGuardUiLoader(askToInject: () => Promise<unknown>, timeoutMs = 3_000): GuardUiLoader {
  let attempt: Promise<GuardUi> | null = null;
  const inject = async (): Promise<GuardUi> => {
    const answer = await withTimeout<unknown>(askToInject(), timeoutMs, TIMED_OUT);
    const ui = injectedGuardUi();
    if (ui) return ui;
    throw new Error(`The guard's dialog could not be loaded: ${answer === TIMED_OUT ? `no answer within ${timeoutMs} ms` : whyNot(answer)}.`);
  };
  return {
    current: injectedGuardUi,
    load() {
      const ui = injectedGuardUi();
      if (ui) return Promise.resolve(ui);
      attempt ??= inject().finally(() => (attempt = null));
      return attempt;
    },
  };
}

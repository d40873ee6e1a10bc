import { parseStatus } from '../messages';

export interface UpdateWhenIdleOptions {
  /** Ids of the open tabs. */
  tabIds(): Promise<number[]>;
  /** The guard's get-status answer in one tab (rejects where no guard runs). */
  statusOf(tabId: number): Promise<unknown>;
  /** Applies the waiting update (runtime.reload()). */
  apply(): void;
  /** How long to wait before asking again while a guard is asking about a P1. */
  retryMs?: number;
}

export const UPDATE_RETRY_MS = 15_000;

/** Whether a guard in any tab is asking the user about a Priority 1 right now. */
export async function anyGuardAsking(options: Pick<UpdateWhenIdleOptions, 'tabIds' | 'statusOf'>): Promise<boolean> {
  const ids = await options.tabIds().catch(() => []);
  const answers = await Promise.all(ids.map((id) => options.statusOf(id).catch(() => undefined)));
  return answers.some((answer) => {
    const status = parseStatus(answer);
    return status.ok && status.message.asking === true;
  });
}

/**
 * Firefox unloads an extension's content scripts the moment it updates, without running
 * any of their code. The update waits while a guard dialog is open in some tab (the user
 * is deciding about a P1), and is applied as soon as none is: it is never held longer,
 * security fixes included.
 */
export function applyUpdateWhenIdle(options: UpdateWhenIdleOptions): Promise<void> {
  const retryMs = options.retryMs ?? UPDATE_RETRY_MS;
  return new Promise((resolve) => {
    const attempt = async () => {
      if (await anyGuardAsking(options)) {
        setTimeout(() => void attempt(), retryMs);
        return;
      }
      options.apply();
      resolve();
    };
    void attempt();
  });
}

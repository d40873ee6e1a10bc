/** Resolves as `promise` does, or with `onTimeout` after `ms`, whichever comes first. */
export function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(onTimeout), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

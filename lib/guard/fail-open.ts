/** Errors inside the guard must never reach the portal: log once, then carry on as if absent. */
let logged = false;

export function reportGuardError(error: unknown) {
  if (logged) return;
  logged = true;
  console.error('[Priority Guard] The guard hit an error and stepped aside; the form works as usual.', error);
}

export function failOpen<A extends unknown[], R>(fn: (...args: A) => R, fallback: R): (...args: A) => R {
  return (...args) => {
    try {
      return fn(...args);
    } catch (error) {
      reportGuardError(error);
      return fallback;
    }
  };
}

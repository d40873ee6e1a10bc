// Every policy file the measurement writes, so that an interrupted run still removes them.

const removers = new Set<() => void>();

/** Registers a file's remover; call the returned function once the file is gone. */
export function trackPolicyFile(remove: () => void): () => void {
  removers.add(remove);
  return () => removers.delete(remove);
}

/** Removes every policy file still on disk (an interrupted run). */
export function removeWrittenPolicies(): void {
  for (const remove of [...removers]) {
    try {
      remove();
    } catch {
      // keep going: the others must go too
    }
  }
  removers.clear();
}

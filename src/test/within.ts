/**
 * Asks until `answered` holds, every `everyMs`; fails after `ms` with the last answer. For what another
 * instance (or connection) hears a few milliseconds after a commit.
 */
export async function within<T>(
  ms: number,
  ask: () => Promise<T> | T,
  answered: (value: T) => boolean,
  everyMs = 5,
): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  let last = await ask();
  while (!answered(last)) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, everyMs));
    last = await ask();
  }
  return { value: last, ms: Date.now() - started };
}

// Waiting for what a user would see, with generous deadlines: the machine is shared and slow
// under load, so tests poll for a condition rather than sleeping a fixed time.
export async function waitFor<T>(
  what: string, probe: () => T | Promise<T>, opts: { timeoutMs?: number; everyMs?: number } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v as NonNullable<T>;
      last = v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, opts.everyMs ?? 50));
  }
}

export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

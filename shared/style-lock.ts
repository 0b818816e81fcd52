// A project's style lock ("35mm film, muted teal") ends every prompt of the project. The core
// applies it to each job it is given (so a job from the CLI, the HTTP API or an edit gets it too)
// and the renderer applies the same rule to show "Prompt as sent"; being idempotent, the two never
// add it twice. The job keeps the lock it applied (spec.styleLock), so a prompt sent then can be
// taken back to the user's words when the project's lock has changed since.

/**
 * The prompt as sent: the user's words, then the project's style lock. Idempotent: a prompt that
 * already ends with the lock (a take being edited or rerolled) does not get it twice.
 */
export function withStyleLock(prompt: string, lock: string): string {
  const l = lock.trim();
  const p = prompt.trim();
  if (!l) return prompt;
  if (!p) return l;
  if (endsWithLock(p, l)) return p;
  return `${p.replace(/[.,;]+$/, '')}. ${l}`;
}

function endsWithLock(prompt: string, lock: string): boolean {
  return prompt.trim().toLowerCase().endsWith(lock.trim().toLowerCase());
}

/**
 * The user's words of a prompt as sent: the prompt without the lock that was applied to it (the
 * one the job recorded; not the project's lock today, which may have changed since). A prompt
 * that does not end with that lock is returned as it is.
 */
export function withoutStyleLock(prompt: string, applied: string | undefined): string {
  const l = applied?.trim() ?? '';
  const p = prompt.trim();
  if (!l || !endsWithLock(p, l)) return prompt;
  // withStyleLock joined them with ". " after dropping the words' own trailing punctuation.
  return p.slice(0, p.length - l.length).trimEnd().replace(/[.,;]+$/, '');
}

/**
 * A prompt sent earlier with the lock `applied`, as it is sent with the project's `lock` now: a
 * prompt already ending with today's lock is kept as it is (a reroll under an unchanged lock sends
 * the very same words); otherwise the lock applied then is replaced, never followed.
 */
export function relockPrompt(prompt: string, applied: string | undefined, lock: string): string {
  if (lock.trim() && endsWithLock(prompt, lock)) return withStyleLock(prompt, lock);
  return withStyleLock(withoutStyleLock(prompt, applied), lock);
}

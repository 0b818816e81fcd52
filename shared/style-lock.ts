// A project's style lock ("35mm film, muted teal") ends every prompt of the project. The core
// applies it to each job it is given (so a job from the CLI, the HTTP API or an edit gets it too)
// and the renderer applies the same rule to show "Prompt as sent"; being idempotent, the two never
// add it twice.

/**
 * The prompt as sent: the user's words, then the project's style lock. Idempotent: a prompt that
 * already ends with the lock (a take being edited or rerolled) does not get it twice.
 */
export function withStyleLock(prompt: string, lock: string): string {
  const l = lock.trim();
  const p = prompt.trim();
  if (!l) return prompt;
  if (!p) return l;
  if (p.toLowerCase().endsWith(l.toLowerCase())) return p;
  return `${p.replace(/[.,;]+$/, '')}. ${l}`;
}

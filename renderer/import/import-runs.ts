// What the UI knows about each import it started: the newest progress event and, once it has
// ended, its summary. Events are kept by import id as they arrive, even before `import.folder`
// has answered with that id (over HTTP the event stream and the call reply race each other).
import type { ImportSummary } from '../../shared/domain.js';
import type { RunningImport } from '../../shared/channels/library.js';
import type { CoreEvent } from '../../shared/events.js';

export type ProgressEvent = Extract<CoreEvent, { type: 'import.progress' }>;

export interface ImportRun {
  progress?: ProgressEvent;
  /** Set once the import has finished (or could not run at all). */
  summary?: ImportSummary;
}

export type ImportRuns = Readonly<Record<string, ImportRun>>;

function doneOf(p: Pick<ProgressEvent, 'imported' | 'duplicates' | 'failed' | 'ignored'>): number {
  return p.imported + p.duplicates + p.failed + p.ignored;
}

/** A summary fetched with `import.get` (or `import.running`) while running, seen as progress. */
function progressFromSummary(s: RunningImport): ProgressEvent {
  return {
    type: 'import.progress', importId: s.importId, folder: s.folder, total: s.total, done: doneOf(s),
    imported: s.imported, duplicates: s.duplicates, failed: s.failed, ignored: s.ignored, current: null,
  };
}

export function applyEvent(runs: ImportRuns, event: CoreEvent): ImportRuns {
  if (event.type === 'import.progress') {
    const run = runs[event.importId] ?? {};
    if (run.summary || (run.progress && run.progress.done > event.done)) return runs;
    return { ...runs, [event.importId]: { ...run, progress: event } };
  }
  if (event.type === 'import.finished') return applySummary(runs, event.summary);
  return runs;
}

/** Merges the answer of `import.get` (used after starting and after a resync). */
export function applySummary(runs: ImportRuns, summary: ImportSummary): ImportRuns {
  const run = runs[summary.importId] ?? {};
  if (summary.finishedAt !== null || summary.error) return { ...runs, [summary.importId]: { ...run, summary } };
  if (run.summary || (run.progress && run.progress.done >= doneOf(summary))) return runs;
  return { ...runs, [summary.importId]: { ...run, progress: progressFromSummary(summary) } };
}

/** Merges the answer of `import.running`: imports this window may not have heard of (opened mid-import). */
export function applyRunning(runs: ImportRuns, list: readonly RunningImport[]): ImportRuns {
  let next = runs;
  for (const r of list) {
    const run = next[r.importId] ?? {};
    if (run.summary || (run.progress && run.progress.done >= doneOf(r))) continue;
    next = { ...next, [r.importId]: { ...run, progress: progressFromSummary(r) } };
  }
  return next;
}

/** Imports still running, as their newest progress. */
export function activeRuns(runs: ImportRuns): ProgressEvent[] {
  return Object.values(runs).flatMap((r) => (r.progress && !r.summary ? [r.progress] : []));
}

export function forgetRun(runs: ImportRuns, importId: string): ImportRuns {
  if (!(importId in runs)) return runs;
  const { [importId]: _gone, ...rest } = runs;
  return rest;
}

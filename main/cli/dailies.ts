#!/usr/bin/env node
// `dailies`: the bundle, hand-off and import paths from a terminal, for pipelines. The same core
// code as the app, without Electron. Exit codes and --json output are documented in docs/cli.md.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import path from 'node:path';
import { exportBundle } from '../bundles/export.js';
import { BundleError } from '../bundles/errors.js';
import { importBundle, previewBundle } from '../bundles/import.js';
import type { BundleProgress } from '../bundles/progress.js';
import { HANDOFF_FORMATS, writeHandoff, type HandoffFormat } from '../handoff/handoff.js';
import { FolderImports } from '../import/folder-import.js';
import { makeSprites } from '../import/sprites.js';
import { PreviewWork } from '../import/preview-work.js';
import type { PreviewFailure } from '../../shared/channels/media.js';
import { checkLibrary, checkPassed, type CheckReport } from '../library/check.js';
import { LibraryLockedError } from '../library/lock.js';
import { resolveLibraryDir } from '../library/user-data.js';
import type { CoreEvent } from '../../shared/events.js';
import { formatBytes, plural } from '../../shared/format.js';
import type { ImportSummary } from '../../shared/domain.js';
import { NoLibraryError, openLibrary, type LibrarySession } from './library-session.js';

export const EXIT = { ok: 0, failed: 1, usage: 2, locked: 3, cancelled: 130 } as const;

export const HELP = `dailies — Dailies from the command line

Usage:
  dailies bundle export (--project <id|name> | --renders <id,id,…>) --out <file.dailies|folder>
                        [--picks] [--no-references] [--folder]
  dailies bundle import <bundle> [--dry-run]
  dailies handoff <otio|otioz|edl|fcpxml|csv> (--project <id|name> | --renders <id,id,…>) --out <file>
  dailies import <folder> [--project <id|name>]
  dailies check [--fix]

Options (every command):
  --library <dir>   the library (else DAILIES_LIBRARY, else the app's default library)
  --json            print one JSON object with the result (or the error) on stdout
  --quiet           no progress on stderr
  -h, --help        this text

Exit codes: 0 done · 1 failed (the error says why; a refused bundle names the entry) ·
2 wrong usage · 3 the library is open in Dailies (a command that writes waits for no one) ·
130 interrupted (nothing was changed).

Reading commands (bundle export, handoff) work while the app has the library open; writing
commands (bundle import, import) need it closed, and so does check (it judges files that a
running app may be writing). check exits 1 while anything it found is still wrong; --fix removes
only files no take or reference names and work files nothing will read.
`;

class UsageError extends Error {}

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const OPTIONS = {
  library: { type: 'string' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  project: { type: 'string' },
  renders: { type: 'string' },
  out: { type: 'string', short: 'o' },
  picks: { type: 'boolean' },
  'no-references': { type: 'boolean' },
  folder: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  fix: { type: 'boolean' },
} as const;

function projectId(s: LibrarySession, value: string): number {
  if (/^\d+$/.test(value)) {
    if (s.db.prepare('SELECT 1 FROM projects WHERE id = ?').get(Number(value))) return Number(value);
  }
  const ids = s.db.prepare('SELECT id FROM projects WHERE name = ? COLLATE NOCASE').pluck().all(value) as number[];
  if (ids.length === 1) return ids[0]!;
  if (ids.length > 1) throw new UsageError(`${ids.length} projects are named "${value}"; give its id instead (${ids.join(', ')}).`);
  throw new UsageError(`There is no project "${value}" in this library.`);
}

function renderIds(value: string): number[] {
  const ids = value.split(',').map((v) => v.trim()).filter(Boolean);
  if (!ids.length || ids.some((v) => !/^\d+$/.test(v))) throw new UsageError('--renders needs a comma-separated list of take ids, e.g. --renders 12,15,9');
  return ids.map(Number);
}

function selection(s: LibrarySession, v: { project?: string; renders?: string }): { projectId: number } | { renderIds: number[] } {
  if (v.project && v.renders) throw new UsageError('Give --project or --renders, not both.');
  if (v.project) return { projectId: projectId(s, v.project) };
  if (v.renders) return { renderIds: renderIds(v.renders) };
  throw new UsageError('Say what to export: --project <id|name> or --renders <id,id,…>.');
}

function progressPrinter(io: Io, quiet: boolean): ((p: BundleProgress) => void) | undefined {
  if (quiet) return undefined;
  return (p) => {
    const pct = p.bytesTotal ? Math.floor((p.bytesDone / p.bytesTotal) * 100) : 100;
    io.err(`${p.phase}: ${pct}% (${p.filesDone}/${p.filesTotal} files)\n`);
  };
}

/** Runs one command line; returns the exit code. Never calls process.exit (tests call it in-process). */
export async function runCli(argv: readonly string[], io: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }, signal?: AbortSignal): Promise<number> {
  let json = argv.includes('--json');
  const fail = (code: number, error: { code: string; message: string; entry?: string }) => {
    if (json) io.out(`${JSON.stringify({ ok: false, error })}\n`);
    else io.err(`dailies: ${error.message}\n`);
    return code;
  };
  let session: LibrarySession | null = null;
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
    json = values.json ?? false;
    if (values.help || positionals.length === 0) {
      io.out(HELP);
      return positionals.length === 0 && !values.help ? EXIT.usage : EXIT.ok;
    }
    const libraryDir = resolveLibraryDir(values.library ? ['--library', values.library] : []);
    const done = (result: unknown, text: string) => {
      io.out(json ? `${JSON.stringify({ ok: true, ...(result as object) })}\n` : `${text}\n`);
      return EXIT.ok;
    };
    const onProgress = progressPrinter(io, (values.quiet ?? false) || json);
    const [cmd, sub, arg] = positionals;

    if (cmd === 'bundle' && sub === 'export') {
      if (!values.out) throw new UsageError('bundle export needs --out <file.dailies|folder>.');
      session = openLibrary(libraryDir, 'read');
      const sel = selection(session, values);
      const res = await exportBundle(session, {
        ...('projectId' in sel ? { projectIds: [sel.projectId] } : { renderIds: sel.renderIds }),
        renders: values.picks ? 'picks' : 'all', references: !values['no-references'], layout: values.folder ? 'folder' : 'zip',
        destination: path.resolve(values.out), ...(signal ? { signal } : {}), ...(onProgress ? { onProgress } : {}),
      });
      const m = res.manifest;
      return done(
        { destination: res.destination, layout: res.layout, exportId: m.exportId, files: res.files, bytes: res.bytes,
          projects: m.projects.length, renders: m.renders.length, references: m.references.length, jobs: m.jobs.length },
        `Exported ${m.renders.length} takes, ${m.references.length} references (${res.files} files, ${res.bytes} bytes) to ${res.destination}`,
      );
    }
    if (cmd === 'bundle' && sub === 'import') {
      if (!arg) throw new UsageError('bundle import needs the bundle: dailies bundle import <file.dailies|folder>.');
      session = openLibrary(libraryDir, 'write');
      if (values['dry-run']) {
        const p = await previewBundle(session, path.resolve(arg));
        return done({ dryRun: true, ...p }, `${summarise(p.plan)}\n(dry run: nothing was changed)`);
      }
      const res = await importBundle(session, path.resolve(arg), { ...(signal ? { signal } : {}), ...(onProgress ? { onProgress } : {}) });
      // Hover-scrub strips are made before the command returns, so the app opens a finished library.
      const previews = new PrintedPreviews(json || (values.quiet ?? false) ? null : io);
      await makeSprites({ ...session, previews }, res.sprites, () => {}, () => {});
      const previewFailures = previews.finish();
      const { sprites: _s, ...result } = res;
      return done({ ...result, previewFailures }, summarise(res.plan) + describePreviewFailures(previewFailures));
    }
    if (cmd === 'handoff') {
      if (!sub || !(HANDOFF_FORMATS as readonly string[]).includes(sub)) throw new UsageError(`handoff needs a format: ${HANDOFF_FORMATS.join(', ')}.`);
      if (!values.out) throw new UsageError('handoff needs --out <file>.');
      session = openLibrary(libraryDir, 'read');
      const res = await writeHandoff(session, sub as HandoffFormat, selection(session, values), values.out, signal);
      return done(res, `Wrote ${res.format} with ${res.clips} clips (${res.totalCostCredits} credits) to ${res.destination}`);
    }
    if (cmd === 'import') {
      if (!sub) throw new UsageError('import needs a folder: dailies import <folder>.');
      session = openLibrary(libraryDir, 'write');
      const pid = values.project ? projectId(session, values.project) : undefined;
      const summary = await importFolderOnce(session, path.resolve(sub), pid, json || (values.quiet ?? false) ? null : io);
      if (summary.error) return fail(EXIT.failed, { code: 'import_failed', message: summary.error });
      const { files, ...counts } = summary;
      return done({ ...counts, files }, `Imported ${summary.imported}, duplicates ${summary.duplicates}, failed ${summary.failed}, ignored ${summary.ignored} (of ${summary.total}).` +
        files.filter((f) => f.status === 'failed').map((f) => `\n  failed: ${f.path}: ${f.reason}`).join('') +
        describePreviewFailures(summary.previewFailures));
    }
    if (cmd === 'check') {
      session = openLibrary(libraryDir, 'write');
      const report = checkLibrary(session, { fix: values.fix ?? false, log: (m) => io.err(`${m}\n`) });
      const text = describeCheck(report);
      if (json) io.out(`${JSON.stringify({ ok: checkPassed(report), ...report })}\n`);
      else io.out(`${text}\n`);
      return checkPassed(report) ? EXIT.ok : EXIT.failed;
    }
    throw new UsageError(`Unknown command "${positionals.join(' ')}". Run dailies --help.`);
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      if (!json) io.err(`${HELP}\n`);
      return fail(EXIT.usage, { code: 'usage', message: (err as Error).message });
    }
    if (err instanceof LibraryLockedError) return fail(EXIT.locked, { code: 'library_locked', message: err.message });
    if (err instanceof NoLibraryError) return fail(EXIT.failed, { code: 'no_library', message: err.message });
    if (err instanceof BundleError) return fail(err.code === 'cancelled' ? EXIT.cancelled : EXIT.failed, err.toJSON());
    return fail(EXIT.failed, { code: 'failed', message: (err as Error).message });
  } finally {
    session?.close();
  }
}

function describeCheck(r: CheckReport): string {
  const lines: string[] = [];
  lines.push(r.catalogue === 'ok' ? 'Catalogue: whole.' : `Catalogue: damaged (SQLite quick_check):\n${r.catalogue.map((m) => `  ${m}`).join('\n')}`);
  lines.push(`Stored files: ${r.storedFiles - r.damaged.length} of ${r.storedFiles} present and whole.`);
  for (const d of r.damaged) {
    lines.push(`  ${d.actualBytes === null ? 'missing' : `cut short or changed (${formatBytes(d.actualBytes)} of ${formatBytes(d.expectedBytes)})`}: ${d.name} (${d.sha256})`);
  }
  const size = (l: readonly { bytes: number }[]) => formatBytes(l.reduce((n, x) => n + x.bytes, 0));
  lines.push(`Files no take or reference names: ${plural(r.strays.length, 'file')} (${size(r.strays)}).`);
  lines.push(`Work files left in tmp/: ${plural(r.leftovers.length, 'file')} (${size(r.leftovers)}).`);
  if (r.unknown.length) lines.push(`Not Dailies' files, left alone: ${plural(r.unknown.length, 'file')} (e.g. ${r.unknown[0]}).`);
  if (r.removed) lines.push(`Removed ${plural(r.removed.files, 'file')} (${formatBytes(r.removed.bytes)}).`);
  else if (r.strays.length || r.leftovers.length) lines.push('Run `dailies check --fix` to remove them.');
  if (r.damaged.length) lines.push('A missing or damaged stored file is not repaired here: import the same file again (from wherever a copy is) and it is put back.');
  return lines.join('\n');
}

function summarise(plan: import('../bundles/merge.js').MergePlan): string {
  const c = plan.counts;
  const lines = [
    `Takes: ${c.renders.added} new, ${c.renders.unchanged} already here; references: ${c.references.added} new; ` +
      `projects: ${c.projects.added} new, ${c.projects.updated} updated; reviews updated: ${c.ratings.updated}.`,
    ...plan.updates.map((u) => `  updated ${u.entity}: ${u.label}: ${u.detail}`),
    ...plan.conflicts.map((x) => `  conflict ${x.entity}: ${x.label}: ${x.detail}`),
  ];
  return lines.join('\n');
}

async function importFolderOnce(
  s: LibrarySession, folder: string, projectId: number | undefined, io: Io | null,
): Promise<ImportSummary & { previewFailures: PreviewFailure[] }> {
  let finished: ImportSummary | null = null;
  const previews = new PrintedPreviews(io);
  const imports = new FolderImports({ db: s.db, layout: s.layout, tools: s.tools, pool: s.pool, previews }, (e: CoreEvent) => {
    if (e.type === 'import.finished') finished = e.summary;
    else if (e.type === 'import.progress' && io) io.err(`import: ${e.done}/${e.total}\n`);
  });
  imports.start(folder, projectId);
  await imports.idle();
  return { ...finished!, previewFailures: previews.finish() };
}

/**
 * The strips a command makes before it returns, counted on stderr as the app's bar shows them
 * (nothing printed with io null); finish() sends the last count and hands back what failed.
 */
class PrintedPreviews extends PreviewWork {
  constructor(io: Io | null) {
    super((e) => {
      if (e.type !== 'media.progress' || !io) return;
      const { pending, done, failed } = e.progress;
      io.err(`previews: ${done + failed}/${pending + done + failed}${failed ? ` (${failed} failed)` : ''}\n`);
    });
  }

  finish(): PreviewFailure[] {
    this.flush();
    const failures = this.state().failures;
    this.close();
    return failures;
  }
}

function describePreviewFailures(failures: readonly PreviewFailure[]): string {
  return failures.map((f) => `\n  preview failed: ${f.path ?? f.name}: ${f.reason}`).join('');
}

// Through npm's bin link argv[1] is the link, so compare real paths.
const invokedDirectly = process.argv[1] && realpathSync(fileURLToPath(import.meta.url)) === realpathSync(path.resolve(process.argv[1]));
if (invokedDirectly) {
  const ac = new AbortController();
  // The first Ctrl+C cancels cleanly (nothing half-written is left); a second one quits at once.
  process.once('SIGINT', () => {
    ac.abort();
    process.once('SIGINT', () => process.exit(EXIT.cancelled));
  });
  runCli(process.argv.slice(2), undefined, ac.signal).then((code) => {
    process.exitCode = code;
  });
}

// Whether an imported picture decodes, found out by making its poster. Probing no longer starts
// ffmpeg (main/store/fast-probe), so a file whose header reads well but whose frames do not —
// cut off mid-download, damaged on disk — is caught here, after it was catalogued: it is taken
// out of the catalogue again (and out of the store) and reported as refused, with the reason,
// on the same summary line or arrival notice an import-time refusal had.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { CoreEvent } from '../../shared/events.js';
import { assetLabel, assetsAwaitingPoster, removeUndecodable, setHasPoster } from '../catalogue/assets.js';
import { externalPathFor } from '../catalogue/locations.js';
import { mediaPath, thumbPath } from '../store/layout.js';
import { ToolError } from '../store/run-tool.js';
import { makePoster } from '../store/thumbnails.js';
import type { ImportContext } from './import-file.js';
import type { PreviewContext } from './sprites.js';

export interface DecodeCheck {
  sha256: string;
  ext: string;
  durationMs: number | null;
  /** Where the file is when it was catalogued in place; else it is in the store. */
  externalPath: string | null;
}

export type DecodeResult =
  | { ok: true }
  /** It does not decode: its catalogue rows are gone (ids listed), `reason` is for the user. */
  | { ok: false; reason: string; renders: number[]; references: number[] }
  /** Not known now (closing, the in-place file moved away, ffmpeg timed out): tried again at the next start. */
  | { ok: null };

/** Where the picture is now: an in-place file may have moved since it was catalogued. */
function fileToCheck(ctx: Pick<ImportContext, 'db' | 'layout'>, job: DecodeCheck): string {
  return job.externalPath ? externalPathFor(ctx.db, job.sha256, job.ext) ?? job.externalPath : mediaPath(ctx.layout, job.sha256, job.ext);
}

export async function checkDecodes(
  ctx: Pick<ImportContext, 'db' | 'layout' | 'tools' | 'pool'>,
  job: DecodeCheck,
  emit: (e: CoreEvent) => void,
  opts: { cancelled?: () => boolean; log?: (msg: string) => void; onStart?: () => void } = {},
): Promise<DecodeResult> {
  return ctx.pool(async (): Promise<DecodeResult> => {
    if (opts.cancelled?.() || !ctx.db.open) return { ok: null };
    const file = fileToCheck(ctx, job);
    if (!existsSync(file)) return { ok: null };
    opts.onStart?.();
    try {
      await makePoster(ctx.tools.ffmpeg, file, thumbPath(ctx.layout, job.sha256, 'poster'), ctx.layout.tmp, job.durationMs);
    } catch (err) {
      if (!existsSync(file) || !ctx.db.open) return { ok: null };
      // ffmpeg can also end "successfully" having written no picture: the rename then finds nothing.
      const noPicture = (err as NodeJS.ErrnoException).code === 'ENOENT';
      if (!noPicture && (!(err instanceof ToolError) || /timed out$/.test(err.message))) return { ok: null };
      const why = noPicture ? 'no picture came out' : (err as Error).message;
      return refuse(ctx, job, `Could not decode a frame (${why}); the file looks damaged.`, emit, opts.log);
    }
    if (!ctx.db.open) return { ok: null };
    setHasPoster(ctx.db, job.sha256);
    emit({ type: 'asset.thumbnails', sha256: job.sha256, hasPoster: true, spriteFrames: 0 });
    return { ok: true };
  });
}

async function refuse(
  ctx: Pick<ImportContext, 'db' | 'layout'>, job: DecodeCheck, reason: string, emit: (e: CoreEvent) => void,
  log: (msg: string) => void = (m) => console.warn(m),
): Promise<DecodeResult> {
  let removed: ReturnType<typeof removeUndecodable>;
  try {
    removed = removeUndecodable(ctx.db, job.sha256);
  } catch (err) {
    // Something newer refers to it (a foreign key): keep it, without a poster.
    log(`could not take undecodable ${job.sha256} out of the catalogue: ${(err as Error).message}`);
    return { ok: null };
  }
  if (!removed) return { ok: null };
  if (removed.storage === 'store') await rm(mediaPath(ctx.layout, job.sha256, job.ext), { force: true });
  if (removed.renders.length) emit({ type: 'catalogue.changed', entity: 'renders', ids: removed.renders });
  if (removed.references.length) emit({ type: 'catalogue.changed', entity: 'references', ids: removed.references });
  return { ok: false, reason, renders: removed.renders, references: removed.references };
}

/**
 * At start: pictures an earlier run catalogued but closed before checking (posters not made).
 * Ones that do not decode are taken out as an import would have; the log says which, and so does
 * the status bar's list of previews that could not be made (each poster is counted there).
 */
export async function checkAwaitingPosters(
  ctx: PreviewContext,
  emit: (e: CoreEvent) => void,
  opts: { cancelled: () => boolean; log: (msg: string) => void },
): Promise<void> {
  // A page at a time, so a large backlog neither holds every row in memory nor queues every
  // check at once ahead of the user's own work.
  for (let after = 0; !opts.cancelled() && ctx.db.open; ) {
    const page = assetsAwaitingPoster(ctx.db, after);
    if (page.length === 0) break;
    after = page[page.length - 1]!.id;
    await Promise.all(
      page.map(async (a) => {
        // A file that is away (a disk not mounted) is not checked now, so not counted as work:
        // the status bar would otherwise show previews that never come.
        if (!existsSync(fileToCheck(ctx, a))) return;
        const ticket = ctx.previews.begin('poster');
        // Named before the check: a file that does not decode has no take left to name it by.
        let label: ReturnType<typeof assetLabel> | null = null;
        try {
          const r = await checkDecodes(ctx, a, emit, {
            ...opts,
            onStart: () => {
              label = assetLabel(ctx.db, a.sha256);
              ticket.start(label.name);
            },
          });
          if (r.ok === true) ticket.done();
          if (r.ok === false) {
            opts.log(`${a.externalPath ?? a.sha256} was taken out of the library: ${r.reason}`);
            ticket.fail(label ?? { name: a.sha256, path: a.externalPath }, `Taken out of the library: ${r.reason}`);
          }
        } finally {
          ticket.drop();
        }
      }),
    );
    // Back to the event loop between pages: a page whose checks all end at once (files away)
    // settles in microtasks alone, and a long backlog would hold the core's thread, and the
    // calls waiting on it (a search's grid page), until the last page.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

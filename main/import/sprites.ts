// Hover-scrub sprite strips are made after the import has reported: the grid is usable at once
// with posters, and each strip appears (asset.thumbnails event) as soon as it is ready. Each strip
// is counted in the library's preview work from the moment it is queued (preview-work.ts), so
// the status bar shows how many are left whichever import, job or bundle queued them.
import type { CoreEvent } from '../../shared/events.js';
import { assetLabel, setThumbnails } from '../catalogue/assets.js';
import { externalPathFor } from '../catalogue/locations.js';
import { mediaPath, thumbPath } from '../store/layout.js';
import { makeSprite } from '../store/thumbnails.js';
import type { ImportContext } from './import-file.js';
import type { PreviewWork } from './preview-work.js';

/** What background preview work needs: the library, the media pool and the one count of it. */
export type PreviewContext = Pick<ImportContext, 'db' | 'layout' | 'tools' | 'pool'> & { previews: PreviewWork };

export interface SpriteJob {
  sha256: string;
  ext: string;
  durationMs: number;
  /** The file to read when it is not in the store (catalogued in place). */
  source?: string;
}

export async function makeSprites(
  ctx: PreviewContext,
  jobs: SpriteJob[],
  emit: (e: CoreEvent) => void,
  log: (msg: string) => void = (m) => console.warn(m),
  /** True once the library is closing: strips not started yet are left for the next start. */
  cancelled: () => boolean = () => false,
): Promise<void> {
  await Promise.all(
    jobs.map((job) => {
      const ticket = ctx.previews.begin('sprite');
      return ctx
        .pool(async () => {
          if (cancelled() || !ctx.db.open) return ticket.drop();
          const label = assetLabel(ctx.db, job.sha256);
          ticket.start(label.name);
          try {
            const frames = await makeSprite(
              ctx.tools.ffmpeg,
              // An in-place file may have moved since it was imported: read it where it is now.
              job.source ? (externalPathFor(ctx.db, job.sha256, job.ext) ?? job.source) : mediaPath(ctx.layout, job.sha256, job.ext), thumbPath(ctx.layout, job.sha256, 'sprite'),
              ctx.layout.tmp, job.durationMs,
            );
            if (!ctx.db.open) return ticket.drop();
            setThumbnails(ctx.db, job.sha256, { hasPoster: true, spriteFrames: frames });
            emit({ type: 'asset.thumbnails', sha256: job.sha256, hasPoster: true, spriteFrames: frames });
            ticket.done();
          } catch (err) {
            // A missing strip only costs hover-scrub for that tile; the poster still shows.
            log(`sprite for ${label.path ?? job.sha256} failed: ${(err as Error).message}`);
            ticket.fail(label, `The hover-scrub strip could not be made: ${(err as Error).message}`);
          }
        })
        .finally(() => ticket.drop());
    }),
  );
}

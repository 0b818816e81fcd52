// Which file on disk serves an asset catalogued in place (reference-in-place watched folders):
// the one path the catalogue holds for that hash, only while the asset is not missing, only if
// it is still a regular file of the catalogued size (a file overwritten with other content is
// not served under the old hash). A request never names a path; both media hosts (the serve
// host and Electron's media protocol, through the core process) ask this.
import { stat } from 'node:fs/promises';
import { z } from 'zod';
import type { Db } from '../catalogue/open.js';
import { SHA256_RE } from '../../shared/media-types.js';

/** What the Electron shell may ask the core: a content hash and extension, never a path. */
export const ExternalMediaQuery = z.object({
  sha256: z.string().regex(SHA256_RE, 'expected a sha256 (64 lower-case hex digits)'),
  ext: z.string().regex(/^[a-z0-9]{1,8}$/, 'expected a media extension'),
});
export type ExternalMediaQuery = z.infer<typeof ExternalMediaQuery>;

export async function externalMediaFile(db: Db, query: ExternalMediaQuery): Promise<string | null> {
  const row = db
    .prepare(`SELECT external_path AS path, size FROM assets WHERE sha256 = ? AND ext = ? AND storage = 'external' AND missing = 0`)
    .get(query.sha256, query.ext) as { path: string; size: number } | undefined;
  if (!row) return null;
  const st = await stat(row.path).catch(() => null);
  return st?.isFile() && st.size === row.size ? row.path : null;
}

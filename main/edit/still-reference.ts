// A still made inside the library (a frame pulled from a clip, a painted mask) becomes a reference
// the same way an imported image does: staged into the store under its content hash, probed,
// given a poster, catalogued in one transaction. The same content is one asset and one reference.
import type { Core } from '../core.js';
import type { ReferenceRole } from '../../shared/domain.js';
import { findAssetBySha, insertAsset, recordLocation } from '../catalogue/assets.js';
import { insertReference, referenceIdForAsset } from '../catalogue/references.js';
import { commitStaged, discardStaged, stageFile } from '../store/ingest.js';
import { probe } from '../store/probe.js';
import { makePoster } from '../store/thumbnails.js';
import { thumbPath } from '../store/layout.js';

export interface StillReference {
  refId: number;
  sha256: string;
  width: number;
  height: number;
}

export async function addStillReference(
  core: Core, file: string, r: { title: string; origin: string; role: ReferenceRole; projectId: number | null },
): Promise<StillReference> {
  const staged = await stageFile(core.layout, file, 'png');
  let probed;
  try {
    probed = await core.pool(() => probe(core.tools.ffprobe, staged.tmpPath, 'image'));
    await core.pool(() => makePoster(core.tools.ffmpeg, staged.tmpPath, thumbPath(core.layout, staged.sha256, 'poster'), core.layout.tmp, null));
  } catch (err) {
    await discardStaged(staged);
    throw err;
  }
  await commitStaged(core.layout, staged, 'png');
  const refId = core.db.transaction(() => {
    const known = findAssetBySha(core.db, staged.sha256);
    const assetId = known?.id ?? insertAsset(core.db, { sha256: staged.sha256, ext: 'png', size: staged.size, probe: probed, hasPoster: true });
    recordLocation(core.db, assetId, r.origin);
    return referenceIdForAsset(core.db, assetId) ?? insertReference(core.db, { assetId, title: r.title, origin: r.origin, projectId: r.projectId, role: r.role });
  })();
  core.emit({ type: 'catalogue.changed', entity: 'references', ids: [refId] });
  return { refId, sha256: staged.sha256, width: probed.width ?? 0, height: probed.height ?? 0 };
}

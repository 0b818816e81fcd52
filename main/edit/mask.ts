// Masks painted in the editor arrive as PNG bytes. A mask only means something laid over the
// frame it was painted on, so it must be exactly that frame's size; it is then kept as a library
// reference (role mask) that specs name by id, like any other input.
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { imageSize } from 'image-size';
import type { Core } from '../core.js';
import { ContractError } from '../../shared/errors.js';
import { addStillReference } from './still-reference.js';

function sizeOf(bytes: Uint8Array, type: 'png' | 'jpg'): { width: number; height: number } | null {
  try {
    const s = imageSize(bytes);
    return s.type === type && s.width && s.height ? { width: s.width, height: s.height } : null;
  } catch {
    return null;
  }
}

export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  return sizeOf(bytes, 'png');
}

export function jpegSize(bytes: Uint8Array): { width: number; height: number } | null {
  return sizeOf(bytes, 'jpg');
}

export async function saveMask(core: Core, frameRefId: number, pngBase64: string, label: string): Promise<{ refId: number; width: number; height: number }> {
  const frame = core.db
    .prepare('SELECT f.title, f.project_id, a.width, a.height FROM refs f JOIN assets a ON a.id = f.asset_id WHERE f.id = ?')
    .get(frameRefId) as { title: string; project_id: number | null; width: number | null; height: number | null } | undefined;
  if (!frame) throw new ContractError('not_found', `There is no reference ${frameRefId} to paint a mask over.`, [{ field: 'frameRefId', message: 'no such reference' }]);
  const bytes = Buffer.from(pngBase64, 'base64');
  const size = pngSize(bytes);
  if (!size) throw new ContractError('validation', 'The mask is not a PNG image.', [{ field: 'png', message: 'not a PNG' }]);
  if (size.width !== frame.width || size.height !== frame.height) {
    throw new ContractError(
      'validation',
      `The mask is ${size.width}×${size.height} px but the frame it covers is ${frame.width}×${frame.height} px; paint it over that frame again.`,
      [{ field: 'png', message: 'not the size of the frame' }],
    );
  }
  const file = path.join(core.layout.tmp, `mask-${randomBytes(8).toString('hex')}.png`);
  try {
    await writeFile(file, bytes, { flag: 'wx' });
    const still = await addStillReference(core, file, { title: `${label} over ${frame.title}`, origin: `mask painted over reference ${frameRefId}`, role: 'mask', projectId: frame.project_id });
    return { refId: still.refId, width: still.width, height: still.height };
  } finally {
    await rm(file, { force: true });
  }
}

// Where things live inside a library folder. Pure path arithmetic, shared by the core and the
// Electron media protocol, so both resolve a content hash to the same file.
import path from 'node:path';
import { SHA256_RE } from '../../shared/media-types.js';

export const CATALOGUE_FILE = 'catalogue.sqlite';
export const LOCK_FILE = 'library.lock';

export interface LibraryLayout {
  root: string;
  catalogue: string;
  media: string;
  thumbs: string;
  tmp: string;
  lock: string;
}

export function libraryLayout(root: string): LibraryLayout {
  const abs = path.resolve(root);
  return {
    root: abs,
    catalogue: path.join(abs, CATALOGUE_FILE),
    media: path.join(abs, 'media'),
    thumbs: path.join(abs, 'thumbs'),
    tmp: path.join(abs, 'tmp'),
    lock: path.join(abs, LOCK_FILE),
  };
}

function checkSha(sha256: string): void {
  if (!SHA256_RE.test(sha256)) throw new Error(`not a sha256: ${JSON.stringify(sha256).slice(0, 80)}`);
}

const EXT_RE = /^[a-z0-9]{1,8}$/;

/** media/ab/cd/<sha>.<ext>: two levels of fan-out keep directories small at 100k files. */
export function mediaPath(layout: LibraryLayout, sha256: string, ext: string): string {
  checkSha(sha256);
  if (!EXT_RE.test(ext)) throw new Error(`not a media extension: ${JSON.stringify(ext).slice(0, 20)}`);
  return path.join(layout.media, sha256.slice(0, 2), sha256.slice(2, 4), `${sha256}.${ext}`);
}

export type ThumbKind = 'poster' | 'sprite';

export function thumbPath(layout: LibraryLayout, sha256: string, kind: ThumbKind): string {
  checkSha(sha256);
  return path.join(layout.thumbs, sha256.slice(0, 2), `${sha256}.${kind}.jpg`);
}

/** True when `candidate` is `dir` itself or inside it, judged on resolved paths, never by prefix. */
export function isInside(dir: string, candidate: string): boolean {
  const rel = path.relative(path.resolve(dir), path.resolve(candidate));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

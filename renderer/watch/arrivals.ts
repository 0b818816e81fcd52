// What the "files arrived" notice says: one notice per watched folder, batches added together
// while it is on screen. Pure, so the wording is easy to read and to change.
import type { CoreEvent } from '../../shared/events.js';
import { MEDIA_TYPES, extensionOf } from '../../shared/media-types.js';

export type ArrivedEvent = Extract<CoreEvent, { type: 'watch.arrived' }>;

export type Arrival = Omit<ArrivedEvent, 'type'> & {
  /** Bumped on every batch, so the auto-hide timer starts again. */
  version: number;
};

const MAX_NAMES = 5;
const MAX_ERRORS = 20;

export function addArrival(list: Arrival[], e: ArrivedEvent): Arrival[] {
  const prev = list.find((a) => a.folderId === e.folderId);
  const next: Arrival = prev
    ? {
        ...prev,
        imported: prev.imported + e.imported,
        duplicates: prev.duplicates + e.duplicates,
        moved: prev.moved + e.moved,
        failed: prev.failed + e.failed,
        names: [...prev.names, ...e.names].slice(0, MAX_NAMES),
        errors: [...prev.errors, ...e.errors].slice(0, MAX_ERRORS),
        version: prev.version + 1,
      }
    : { ...e, names: e.names.slice(0, MAX_NAMES), errors: e.errors.slice(0, MAX_ERRORS), version: 0 };
  return [...list.filter((a) => a.folderId !== e.folderId), next];
}

/** The folder's last name ("Downloads"), for a short headline. */
export function folderName(folder: string): string {
  const parts = folder.split(/[\\/]+/).filter(Boolean);
  return parts[parts.length - 1] ?? folder;
}

function noun(names: string[]): [string, string] {
  const kinds = new Set(names.map((n) => MEDIA_TYPES[extensionOf(n)]?.kind));
  if (kinds.size === 1 && kinds.has('video')) return ['clip', 'clips'];
  if (kinds.size === 1 && kinds.has('image')) return ['image', 'images'];
  return ['file', 'files'];
}

const count = (n: number, [one, many]: [string, string]) => `${n} ${n === 1 ? one : many}`;

type Counted = 'imported' | 'moved' | 'failed' | 'duplicates';

/** Which count the headline is about: the first of these that is not zero. */
function lead(a: Arrival): Counted {
  return a.imported > 0 ? 'imported' : a.moved > 0 ? 'moved' : a.failed > 0 ? 'failed' : 'duplicates';
}

/** "3 new clips from Downloads" — or, when nothing new came, what did happen. */
export function headline(a: Arrival): string {
  const from = folderName(a.folder);
  switch (lead(a)) {
    case 'imported': {
      const [one, many] = noun(a.names);
      return `${a.imported} new ${a.imported === 1 ? one : many} from ${from}`;
    }
    case 'moved':
      return `${count(a.moved, ['file', 'files'])} moved or renamed in ${from}`;
    case 'failed':
      return `${count(a.failed, ['file', 'files'])} from ${from} could not be imported`;
    case 'duplicates':
      return `${count(a.duplicates, ['file', 'files'])} from ${from} already in the library`;
  }
}

/** The other counts: "1 already in the library", "2 moved or renamed", "1 failed". */
export function details(a: Arrival): string[] {
  const skip = lead(a);
  const parts: string[] = [];
  if (skip !== 'duplicates' && a.duplicates > 0) parts.push(`${a.duplicates} already in the library`);
  if (skip !== 'moved' && a.moved > 0) parts.push(`${a.moved} moved or renamed`);
  if (skip !== 'failed' && a.failed > 0) parts.push(`${a.failed} failed`);
  return parts;
}

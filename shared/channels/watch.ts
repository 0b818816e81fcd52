// Channels of watched folders (issue 7): folders Dailies imports from without being asked, and
// relinking files that were catalogued in place and then went missing.
import { z } from 'zod';
import { channel, Empty, Id } from './channel.js';
import { SHA256_RE } from '../media-types.js';

export const WATCH_MODES = ['copy', 'in_place'] as const;
/** copy: the file is copied into the library; in_place: catalogued where it is (may go missing). */
export type WatchMode = (typeof WATCH_MODES)[number];

export const IMAGES_AS = ['reference', 'render'] as const;
export type ImagesAs = (typeof IMAGES_AS)[number];

export const WATCH_STATUSES = ['starting', 'scanning', 'watching', 'paused', 'error'] as const;
export type WatchStatus = (typeof WATCH_STATUSES)[number];

export interface WatchFolder {
  id: number;
  path: string;
  mode: WatchMode;
  projectId: number | null;
  /** Glob patterns relative to the folder; a pattern without "/" matches file names at any depth. */
  include: string[];
  exclude: string[];
  recursive: boolean;
  paused: boolean;
  imagesAs: ImagesAs;
  status: WatchStatus;
  /** Media files currently present in the folder that Dailies has catalogued or is cataloguing. */
  filesSeen: number;
  lastError: string | null;
  /** Set while the folder's initial scan (or a rescan) is running. */
  scan: { total: number; done: number } | null;
  createdAt: number;
}

export interface LocateResult {
  sha256: string;
  path: string;
  /** Other missing files relinked from the same folder (only when `relinkFolder` was asked). */
  relinked: { sha256: string; path: string }[];
  /** Files still missing that used to live in the same folder as this one: worth offering to relink. */
  othersMissingInFolder: number;
}

const Pattern = z.string().trim().min(1).max(256);
const Patterns = z.array(Pattern).max(64);
const FolderPath = z.string().min(1).max(4096);

export const WatchAddInput = z
  .object({
    path: FolderPath,
    mode: z.enum(WATCH_MODES).default('copy'),
    projectId: Id.nullish(),
    include: Patterns.default([]),
    exclude: Patterns.default([]),
    recursive: z.boolean().default(true),
    imagesAs: z.enum(IMAGES_AS).default('reference'),
  })
  .strict();

export const WatchUpdateInput = z
  .object({
    id: Id,
    paused: z.boolean().optional(),
    mode: z.enum(WATCH_MODES).optional(),
    projectId: Id.nullable().optional(),
    include: Patterns.optional(),
    exclude: Patterns.optional(),
    recursive: z.boolean().optional(),
    imagesAs: z.enum(IMAGES_AS).optional(),
  })
  .strict();

export const watchChannels = {
  'watch.list': channel(Empty).returns<WatchFolder[]>(),
  /** Starts watching a folder; files already in it are imported in the background (watch.status events). */
  'watch.add': channel(WatchAddInput).returns<WatchFolder>(),
  /** Stops watching; everything already catalogued stays. */
  'watch.remove': channel(z.object({ id: Id }).strict()).returns<{ id: number }>(),
  /** Pause/resume, patterns, mode, project, recursion; the watcher restarts with the new settings. */
  'watch.update': channel(WatchUpdateInput).returns<WatchFolder>(),
  /** Walks the folder again: imports what was missed, marks what is gone. */
  'watch.rescan': channel(z.object({ id: Id }).strict()).returns<WatchFolder>(),
  /** Content hashes of assets catalogued in place whose file is missing (for the tiles' badge). */
  'assets.missing': channel(Empty).returns<{ sha256s: string[] }>(),
  /**
   * Relinks a missing file to `path`, which must have the same content. With `relinkFolder`, also
   * looks in the new file's folder for the other files missing from the old one, by content hash.
   */
  'assets.locate': channel(
    z
      .object({
        sha256: z.string().regex(SHA256_RE, 'must be a sha256 (64 lower-case hex digits)'),
        path: FolderPath,
        relinkFolder: z.boolean().default(false),
      })
      .strict(),
  ).returns<LocateResult>(),
};

import type { ImagesAs, WatchFolder, WatchMode, WatchStatus } from '../../../shared/channels/watch.js';

// The Records make a new mode or status a compile error here until it has words; reading the
// contract's own lists would pull zod into the renderer bundle.
export const MODE_LABELS: Record<WatchMode, string> = {
  copy: 'Copy into the library',
  in_place: 'Reference in place',
};

export const WATCH_MODE_VALUES = Object.keys(MODE_LABELS) as WatchMode[];

export const MODE_HINTS: Record<WatchMode, string> = {
  copy: 'Files are copied into the library; the originals can be deleted afterwards.',
  in_place: 'Files stay where they are and are played from there; if one disappears its take is marked missing.',
};

export const IMAGES_AS_LABELS: Record<ImagesAs, string> = {
  reference: 'References',
  render: 'Takes',
};

export const IMAGES_AS_VALUES = Object.keys(IMAGES_AS_LABELS) as ImagesAs[];

export const STATUS_LABELS: Record<WatchStatus, string> = {
  starting: 'Starting',
  scanning: 'Scanning',
  watching: 'Watching',
  paused: 'Paused',
  error: 'Error',
};

/** Patterns as the text fields show them: one a line. */
export const patternsText = (patterns: string[]) => patterns.join('\n');

export function parsePatterns(text: string): string[] {
  return text
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean);
}

export function patternsSummary(folder: Pick<WatchFolder, 'include' | 'exclude'>): string {
  const inc = folder.include.length ? folder.include.join(', ') : 'every media file';
  return folder.exclude.length ? `${inc}; not ${folder.exclude.join(', ')}` : inc;
}

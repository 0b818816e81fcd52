import { useState } from 'react';
import { useCoreEvents } from '../client/client-context.js';

export interface ThumbState {
  hasPoster: boolean;
  spriteFrames: number;
}

/**
 * Thumbnails announced by `asset.thumbnails` events, by sha256. Kept apart from the pages
 * rather than patched into them: a page fetched a moment before the event would otherwise
 * overwrite the news with its older copy.
 */
export function useThumbnailUpdates(): ReadonlyMap<string, ThumbState> {
  const [updates, setUpdates] = useState<ReadonlyMap<string, ThumbState>>(new Map());
  useCoreEvents((event) => {
    if (event.type !== 'asset.thumbnails') return;
    setUpdates((prev) => new Map(prev).set(event.sha256, { hasPoster: event.hasPoster, spriteFrames: event.spriteFrames }));
  });
  return updates;
}

export function thumbsOf(card: ThumbState & { sha256: string }, updates: ReadonlyMap<string, ThumbState>): ThumbState {
  const update = updates.get(card.sha256);
  return {
    hasPoster: card.hasPoster || (update?.hasPoster ?? false),
    spriteFrames: Math.max(card.spriteFrames, update?.spriteFrames ?? 0),
  };
}

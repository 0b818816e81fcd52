import type { ImportSummary } from './domain.js';

/** Events pushed from the core to every window; transports carry them unchanged. */
export type CoreEvent =
  | {
      type: 'import.progress';
      importId: string;
      folder: string;
      total: number;
      done: number;
      imported: number;
      duplicates: number;
      failed: number;
      ignored: number;
      current: string | null;
    }
  | { type: 'import.finished'; summary: ImportSummary }
  | { type: 'catalogue.changed'; entity: 'renders' | 'references' | 'projects'; ids: number[] }
  | { type: 'asset.thumbnails'; sha256: string; hasPoster: boolean; spriteFrames: number };

export type CoreEventType = CoreEvent['type'];

// Channels of the library itself: projects, the render grid and detail, references, folder import.
import { z } from 'zod';
import { MEDIA_KINDS, RENDER_FLAGS, RENDER_SORTS } from '../domain.js';
import type {
  ImportSummary, LibraryInfo, Project, ProjectCost, ReferenceCard, RenderCard, RenderDetail, Shot,
} from '../domain.js';
import { channel, Empty, Id } from './channel.js';

/** A folder import still running: its counts so far (import.running). */
export type RunningImport = Pick<ImportSummary, 'importId' | 'folder' | 'total' | 'imported' | 'duplicates' | 'failed' | 'ignored'>;

/** A numeric interval (any bound may be absent); for dates, epoch milliseconds. */
export const NumRange = z
  .object({ gt: z.number().finite().optional(), gte: z.number().finite().optional(), lt: z.number().finite().optional(), lte: z.number().finite().optional() })
  .strict();

export const RenderFilter = z
  .object({
    /**
     * What the user typed: free text over titles (file names) and prompts (words match as
     * prefixes, "quoted phrases" exactly) plus `field:value` filters (main/catalogue/query-syntax.ts).
     */
    text: z.string().trim().max(500).default(''),
    projectId: Id.optional(),
    shotId: Id.optional(),
    provider: z.string().min(1).max(64).optional(),
    model: z.string().min(1).max(128).optional(),
    taskType: z.string().min(1).max(64).optional(),
    kind: z.enum(MEDIA_KINDS).optional(),
    tag: z.string().min(1).max(128).optional(),
    ratingMin: z.number().int().min(0).max(5).optional(),
    flag: z.enum([...RENDER_FLAGS, 'none']).optional(),
    ratingMax: z.number().int().min(0).max(5).optional(),
    /** Credits (renders.cost_credits). */
    cost: NumRange.optional(),
    /** When added to the library (epoch ms). */
    created: NumRange.optional(),
    /** Length in milliseconds. */
    duration: NumRange.optional(),
    /** Renders that other renders were made from (lineage parents), or (false) those that none were. */
    hasChildren: z.boolean().optional(),
  })
  .strict();
export type RenderFilter = z.input<typeof RenderFilter>;

export const RendersPageInput = z
  .object({
    filter: RenderFilter.default({ text: '' }),
    sort: z.enum(RENDER_SORTS).default('newest'),
    /** Opaque keyset cursor from the previous page's `nextCursor`; absent for the first page. */
    cursor: z.string().max(512).nullish(),
    limit: z.number().int().min(1).max(500).default(120),
  })
  .strict();

export interface RendersPage {
  items: RenderCard[];
  nextCursor: string | null;
}

export interface ReferencesPage {
  items: ReferenceCard[];
  nextCursor: string | null;
}

export const libraryChannels = {
  'library.info': channel(Empty).returns<LibraryInfo>(),

  'projects.list': channel(Empty).returns<Project[]>(),
  'projects.create': channel(z.object({ name: z.string().trim().min(1).max(200) }).strict()).returns<Project>(),
  /**
   * Every project's credits, spent or in flight (actual charges net of refunds, else the estimate
   * of a job still running). Projects with no jobs are absent. A channel of its own so
   * projects.list stays a cheap read with no ledger join.
   */
  'projects.costs': channel(Empty).returns<ProjectCost[]>(),
  /** A project's shot list, in order. */
  'shots.list': channel(z.object({ projectId: Id }).strict()).returns<Shot[]>(),

  'renders.page': channel(RendersPageInput).returns<RendersPage>(),
  'renders.count': channel(z.object({ filter: RenderFilter.default({ text: '' }) }).strict()).returns<{ count: number }>(),
  'renders.get': channel(z.object({ id: Id }).strict()).returns<RenderDetail>(),

  'references.page': channel(
    z.object({ cursor: z.string().max(512).nullish(), limit: z.number().int().min(1).max(500).default(120) }).strict(),
  ).returns<ReferencesPage>(),

  /**
   * Starts importing a folder (recursively) in the background; follow it with import.* events.
   * `asReferences`: into the reference library, videos as source videos (else videos become takes).
   */
  'import.folder': channel(
    z.object({ path: z.string().min(1).max(4096), projectId: Id.optional(), asReferences: z.boolean().optional() }).strict(),
  ).returns<{ importId: string }>(),
  /** The latest state of an import, for a window that opened after it began. */
  'import.get': channel(z.object({ importId: z.string().min(1).max(64) }).strict()).returns<ImportSummary>(),
  /** Imports still running (counts, not their file lines), for a window that opened after they began. */
  'import.running': channel(Empty).returns<RunningImport[]>(),
};

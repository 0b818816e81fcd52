// The sidecar file `<file>.dailies.json`: what a tool (or a person) tells Dailies about a media
// file beside it. Versioned: a reader refuses a version it does not know rather than guessing.
// Documented in docs/sidecar.md; keep the two in step.
import { z } from 'zod';
import { REFERENCE_ROLES, TASK_TYPES } from './domain.js';
import { SHA256_RE } from './media-types.js';

export const SIDECAR_SUFFIX = '.dailies.json';
export const SIDECAR_VERSION = 1;

const Text = z.string().max(20_000);
const Sha = z.string().regex(SHA256_RE, 'must be a sha256 (64 lower-case hex digits)');
const Params = z.record(z.string(), z.unknown());

/** A file referred to by content hash or by a path (relative paths are relative to the sidecar's folder). */
const FileRef = z
  .object({ sha256: Sha.optional(), path: z.string().min(1).max(4096).optional() })
  .refine((r) => r.sha256 !== undefined || r.path !== undefined, 'give sha256 or path');

export const SidecarV1 = z.object({
  schema: z.literal('dailies.sidecar'),
  version: z.literal(1),
  title: z.string().trim().min(1).max(500).optional(),
  prompt: Text.optional(),
  negativePrompt: Text.optional(),
  /** Structured fields the prompt was composed from (subject, camera, style…). */
  promptFields: Params.optional(),
  provider: z.string().trim().min(1).max(64).optional(),
  model: z.string().trim().min(1).max(128).optional(),
  task: z.enum(TASK_TYPES).optional(),
  params: Params.optional(),
  references: z.array(FileRef.and(z.object({ role: z.enum(REFERENCE_ROLES) }))).max(64).optional(),
  cost: z.object({ credits: z.number().nonnegative().max(1e9) }).optional(),
  parent: FileRef.and(z.object({ operation: z.string().trim().min(1).max(64).default('edit') })).optional(),
  /** For a reference file: its role (identity, style, first_frame…). */
  role: z.enum(REFERENCE_ROLES).optional(),
  tags: z.array(z.string().trim().min(1).max(128)).max(64).optional(),
});
export type Sidecar = z.output<typeof SidecarV1>;

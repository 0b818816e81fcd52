// The bundle manifest: what a `.dailies` bundle holds, as one zod schema. The JSON Schema in
// docs/bundle-manifest.schema.json is generated from it (`npm run bundle:schema`) and a test fails
// when the two differ, so the documented format is always the one the code reads and writes.
//
// Rows are named by identities that survive a move between libraries: `uid` for projects, shots,
// references, jobs and renders; the content hash for prompts and assets; the name for tags.
// Local row ids never appear. Jobs carry no account, no result URL and no request log: a bundle
// may be handed to a stranger.
import { z } from 'zod';
import { CHARGE_KINDS, JOB_STATES, MEDIA_KINDS, REFERENCE_ROLES, RENDER_FLAGS, RENDER_SOURCES } from '../../shared/domain.js';

export const BUNDLE_FORMAT = 'dailies-bundle';
export const BUNDLE_VERSION = 1;
export const MANIFEST_NAME = 'manifest.json';

const Uid = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only');
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a lower-case hex sha256');
const Time = z.number().int().min(0).describe('milliseconds since the epoch');
const Text = (max: number) => z.string().max(max);
const Json = z.record(z.string(), z.unknown()).describe('free-form JSON object');

export const ManifestProject = z.strictObject({
  uid: Uid,
  name: z.string().min(1).max(200),
  styleLock: Text(20_000),
  budgetCredits: z.number().min(0).nullable(),
  createdAt: Time,
  updatedAt: Time,
});

export const ManifestShot = z.strictObject({
  uid: Uid,
  projectUid: Uid,
  position: z.number().finite().describe('order within the project (storyboard order)'),
  name: Text(500),
  subject: Text(5000),
  action: Text(5000),
  framing: Text(5000),
  camera: Text(5000),
  lighting: Text(5000),
  style: Text(5000),
  createdAt: Time,
  updatedAt: Time,
});

export const ManifestPrompt = z.strictObject({
  hash: Sha256.describe('sha256 of the canonical {text, negative, fields}'),
  text: Text(100_000),
  negative: Text(100_000),
  fields: Json,
  createdAt: Time,
});

export const ManifestAsset = z.strictObject({
  sha256: Sha256,
  kind: z.enum(MEDIA_KINDS),
  ext: z.string().regex(/^[a-z0-9]{1,8}$/),
  size: z.number().int().min(0),
  container: Text(200),
  durationMs: z.number().int().min(0).nullable(),
  width: z.number().int().min(0).nullable(),
  height: z.number().int().min(0).nullable(),
  fps: z.number().min(0).nullable(),
  videoCodec: Text(100).nullable(),
  audioCodec: Text(100).nullable(),
});

const RefLink = z.strictObject({ refUid: Uid, role: Text(64), position: z.number().int() });

export const ManifestReference = z.strictObject({
  uid: Uid,
  assetSha256: Sha256,
  projectUid: Uid.nullable(),
  role: z.enum(REFERENCE_ROLES).nullable(),
  title: Text(1000),
  origin: Text(4096).nullable(),
  providerIds: Json,
  createdAt: Time,
});

export const ManifestJob = z.strictObject({
  uid: Uid,
  idempotencyKey: z.string().min(1).max(128),
  provider: Text(64),
  model: Text(128),
  taskType: Text(64),
  state: z.enum(JOB_STATES),
  projectUid: Uid.nullable(),
  shotUid: Uid.nullable(),
  promptHash: Sha256.nullable(),
  parentRenderUid: Uid.nullable(),
  params: Json,
  providerTaskId: Text(256).nullable(),
  attempts: z.number().int().min(0),
  errorClass: Text(64).nullable(),
  lastError: Text(10_000).nullable(),
  estimateCredits: z.number().min(0),
  resultVideoId: Text(256).nullable(),
  refs: z.array(RefLink),
  createdAt: Time,
  updatedAt: Time,
});

export const ManifestRender = z.strictObject({
  uid: Uid,
  assetSha256: Sha256,
  projectUid: Uid.nullable(),
  shotUid: Uid.nullable(),
  promptHash: Sha256.nullable(),
  jobUid: Uid.nullable(),
  title: Text(1000),
  source: z.enum(RENDER_SOURCES),
  origin: Text(4096).nullable(),
  provider: Text(64).nullable(),
  model: Text(128).nullable(),
  taskType: Text(64).nullable(),
  params: Json,
  refs: z.array(RefLink),
  createdAt: Time,
});

export const ManifestLineage = z.strictObject({
  childUid: Uid,
  parentUid: Uid,
  operation: Text(64),
  params: Json,
});

export const ManifestCharge = z.strictObject({
  jobUid: Uid,
  kind: z.enum(CHARGE_KINDS),
  credits: z.number().min(0),
  provider: Text(64),
  note: Text(1000),
  createdAt: Time,
});

/** Review state of a render: what people change after the take exists. */
export const ManifestRating = z.strictObject({
  renderUid: Uid,
  rating: z.number().int().min(0).max(5),
  flag: z.enum(RENDER_FLAGS).nullable(),
  notes: Text(20_000),
});

export const ManifestTag = z.strictObject({
  renderUid: Uid,
  name: z.string().min(1).max(128),
});

export const ManifestFile = z.strictObject({
  path: z.string().regex(/^media\/[0-9a-f]{64}\.[a-z0-9]{1,8}$/, 'media/<sha256>.<ext>'),
  sha256: Sha256,
  size: z.number().int().min(0),
});

export const Manifest = z
  .strictObject({
    format: z.literal(BUNDLE_FORMAT),
    version: z.literal(BUNDLE_VERSION),
    /** When this export was made; a later export of the same project updates what an earlier one brought. */
    exportedAt: Time,
    exportId: Uid.describe('unique per export'),
    app: z.strictObject({ name: z.literal('Dailies'), version: Text(64) }),
    scope: z.strictObject({
      renders: z.enum(['all', 'picks', 'selection']),
      references: z.boolean(),
    }),
    projects: z.array(ManifestProject),
    shots: z.array(ManifestShot),
    prompts: z.array(ManifestPrompt),
    assets: z.array(ManifestAsset),
    references: z.array(ManifestReference),
    jobs: z.array(ManifestJob),
    renders: z.array(ManifestRender),
    lineage: z.array(ManifestLineage),
    charges: z.array(ManifestCharge),
    ratings: z.array(ManifestRating),
    tags: z.array(ManifestTag),
    /** Every file in the bundle besides the manifest, with its sha256, checked before anything is imported. */
    files: z.array(ManifestFile),
  })
  .describe('Dailies bundle manifest (manifest.json at the root of a .dailies zip or bundle folder)');

export type Manifest = z.infer<typeof Manifest>;
export type ManifestRender = z.infer<typeof ManifestRender>;
export type ManifestJob = z.infer<typeof ManifestJob>;

/** The JSON Schema kept in docs/; regenerated by scripts/bundle-schema.ts. */
export function manifestJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://dailies.app/schemas/bundle-manifest-v1.json',
    ...z.toJSONSchema(Manifest, { target: 'draft-2020-12' }),
  };
}

export const MANIFEST_SCHEMA_FILE = 'docs/bundle-manifest.schema.json';

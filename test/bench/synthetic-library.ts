// A synthetic but realistic Dailies catalogue for the benchmarks: projects and shots, prompts
// composed from a cinematic vocabulary (so some words are everywhere and some are rare), jobs with
// their credit charges, renders with ratings, picks, rejects, tags, references and lineage.
//
// Everything is written through the real schema (openCatalogue runs the migrations), so the FTS
// triggers and the charges → renders.cost_credits trigger do their real work. Every random choice
// comes from one seeded PRNG, so two builds with the same version and size are identical and
// benchmark runs are comparable.
import { createHash } from 'node:crypto';
import { openCatalogue } from '../../main/catalogue/open.js';
import { mulberry32 } from '../../shared/seeded-random.js';

/** Bump when anything below changes what gets generated; it is part of the cache key. */
export const GENERATOR_VERSION = 1;

export interface LibrarySpec {
  renders: number;
  projects: number;
  shotsPerProject: number;
  prompts: number;
  tags: number;
  references: number;
  seed: number;
}

export const DEFAULT_SPEC: LibrarySpec = {
  renders: 100_000,
  projects: 20,
  shotsPerProject: 15,
  prompts: 25_000,
  tags: 50,
  references: 2_000,
  seed: 20260401,
};

// ---------------------------------------------------------------------------------------------
// Seeded randomness

export type Rng = () => number;

/** Same seed → same library everywhere (mulberry32). */
export function makeRng(seed: number): Rng {
  return mulberry32(seed);
}

export function int(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]!;
}

/** Weighted choice; build once, draw many times. */
export function weighted<T>(entries: ReadonlyArray<readonly [T, number]>): (rng: Rng) => T {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const [, w] of entries) cumulative.push((acc += w / total));
  return (rng) => {
    const x = rng();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return entries[lo]![0];
  };
}

/** Zipf-like weights: the first items are common, the tail is rare. */
function zipf<T>(items: readonly T[], s = 1): Array<readonly [T, number]> {
  return items.map((item, i) => [item, 1 / Math.pow(i + 1, s)] as const);
}

function hex(rng: Rng, chars: number): string {
  let out = '';
  while (out.length < chars) out += Math.floor(rng() * 0x100000000).toString(16).padStart(8, '0');
  return out.slice(0, chars);
}

function fakeUid(rng: Rng): string {
  const h = hex(rng, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary. Order matters for the Zipf-weighted lists: earlier entries are more common.

const SUBJECTS = [
  'a weathered fisherman', 'a young woman in a red raincoat', 'a lone astronaut', 'a vintage convertible',
  'a golden retriever', 'a samurai warrior', 'a ballerina', 'a street musician', 'a lighthouse keeper',
  'a cyberpunk courier', 'a desert nomad', 'two children', 'a chef', 'a surfer', 'a mountain climber',
  'a jazz singer', 'a detective in a trench coat', 'a humanoid robot', 'a red fox', 'a herd of wild horses',
  'a steam locomotive', 'a hot air balloon', 'a sailboat', 'a sports car', 'a perfume bottle', 'a sneaker',
  'a wristwatch', 'a cup of coffee', 'a city skyline', 'a medieval knight', 'a flamenco dancer', 'a skateboarder',
  'a boxer', 'a grandmother', 'a black cat', 'a snowy owl', 'a humpback whale', 'a monarch butterfly',
  'a buddhist monk', 'a fighter pilot', 'a scientist', 'an elderly violinist', 'a florist', 'a drummer',
];
const ACTIONS = [
  'walking slowly', 'turning to face the camera', 'looking out the window', 'running', 'dancing', 'laughing',
  'standing still', 'reaching out', 'crying softly', 'pouring tea', 'playing the violin', 'drifting', 'floating',
  'spinning', 'climbing', 'jumping', 'reading a letter', 'opening a door', 'smiling', 'waving goodbye',
  'kneeling', 'sprinting', 'diving', 'gliding', 'sleeping', 'exploding into particles', 'emerging from the mist',
];
const SETTINGS = [
  'on a foggy pier', 'in a neon-lit alley', 'in a rain-soaked street', 'across a desert canyon',
  'on a rooftop at night', 'inside a gothic cathedral', 'on a snowy mountain ridge', 'in a bamboo forest',
  'on a crowded subway platform', 'in a sunflower field', 'on the surface of Mars', 'in an abandoned warehouse',
  'by a quiet lake', 'in a Tokyo back street', 'in a 1970s diner', 'underwater', 'in a space station corridor',
  'in a Parisian café', 'on a windswept beach', 'in a misty jungle', 'in an old library', 'in a boxing gym',
  'on a racetrack', 'in a glass greenhouse', 'at a night market', 'on a frozen lake', 'in a wheat field',
  'in a Victorian mansion', 'on a cliff edge', 'in a lavender field', 'under a stone bridge',
  'in a candlelit chapel', 'in a laundromat', 'on a ferry deck', 'on a mountain road', 'in the Arctic tundra',
];
const FRAMINGS = [
  'wide shot', 'medium shot', 'close-up', 'medium close-up', 'extreme wide shot', 'extreme close-up',
  'over-the-shoulder shot', 'low angle shot', 'high angle shot', "bird's-eye view",
];
const CAMERAS = [
  'slow dolly in', 'tracking shot', 'handheld camera', 'static camera', 'dolly out', 'crane up',
  'orbit around the subject', 'push in', 'drone flyover', 'steadicam follow', 'whip pan', 'rack focus',
  'dolly zoom', 'tilt up',
];
// "golden hour" is given ~5% of the lighting choices (about 5% of prompted renders carry it).
const LIGHTING: Array<readonly [string, number]> = [
  ['soft overcast light', 14], ['neon glow', 10], ['moonlight', 8], ['hard noon sun', 7], ['rim light', 7],
  ['volumetric fog and god rays', 7], ['blue hour', 6], ['candlelight', 6], ['golden hour', 5.5],
  ['practical lights', 6], ['backlit silhouette', 5], ['chiaroscuro', 4], ['fluorescent flicker', 4],
  ['firelight', 3], ['studio softbox lighting', 3],
];
const STYLES = [
  '35mm film grain', 'anamorphic lens flares', 'shot on ARRI Alexa', 'Kodak Portra palette', 'documentary style',
  'symmetrical composition', 'film noir', 'hyperreal', 'hand-painted animation', 'music video aesthetic',
  'commercial product look', 'teal and orange grade', 'black and white', 'vaporwave colors', '16mm home movie',
  'IMAX nature documentary',
];
const EXTRAS = [
  'cinematic', 'shallow depth of field', 'slow motion', '4k', 'highly detailed', 'natural skin texture',
  'subtle motion', 'consistent character', 'smooth camera movement', 'realistic physics',
];
/** Each appears in only a handful of prompts: the "rare word" searches. */
const RARE_WORDS = [
  'axolotl', 'zeppelin', 'narwhal', 'marionette', 'origami', 'kaleidoscope', 'obsidian', 'quicksilver',
  'tessellated', 'phosphorescent', 'gramophone', 'sextant', 'chandelier', 'periscope', 'armadillo', 'monolith',
  'harpsichord', 'terrarium', 'astrolabe', 'dirigible', 'pangolin', 'samovar', 'filigree', 'verdigris',
  'zoetrope', 'calliope', 'metronome', 'hourglass', 'weathervane', 'abacus',
];
const NEGATIVES = [
  'blurry', 'low resolution', 'watermark', 'text overlay', 'distorted hands', 'extra limbs', 'flicker',
  'oversaturated', 'cartoonish', 'jpeg artifacts', 'morphing faces', 'warped background',
];
const TAGS_BASE = [
  'hero', 'client-review', 'needs-fix', 'approved', 'alt', 'broll', 'temp', 'final', 'favorite', 'color-check',
  'identity-drift', 'hands', 'lip-sync-off', 'motion-good', 'reshoot', 'storyboard', 'teaser', 'social-cut',
  'vertical', 'v2', 'v3', 'director-pick', 'legal-check', 'music-sync', 'slowmo', 'night', 'day', 'interior',
  'exterior', 'product', 'character', 'wide', 'tight', 'transition', 'opening', 'closing', 'logo', 'vfx',
  'cleanup', 'upscale', 'extend-me', 'restyle-me', 'policy-rewrite', 'budget', 'archive', 'moodboard',
  'pitch', 'spot-30s', 'spot-15s', 'bumper',
];
const PROJECT_NAMES = [
  'Nightfall Perfume Spot', 'Harbor Lights', 'Mars Colony Teaser', 'Sneaker Drop Q3', 'The Last Lighthouse',
  'Coffee Ritual', 'Neon Samurai', 'Wild Horses Doc', 'Summer Festival Promo', 'Velvet Jazz Club',
  'Arctic Expedition', 'Watchmaker', 'Tokyo After Dark', 'Grandma’s Kitchen', 'Balloon Over Cappadocia',
  'Robot Lullaby', 'Desert Crossing', 'Ballet in the Rain', 'Detective Noir Pilot', 'Electric Roadster Launch',
];

// Providers, their models and the task types they take, with rough credit prices per second.
export const PROVIDERS = [
  { name: 'kling', weight: 40, models: ['kling-o1', 'kling-v2-1-master', 'kling-v2-5-turbo'], perSecond: 7,
    tasks: ['text_to_video', 'image_to_video', 'multi_reference', 'restyle', 'inpaint', 'outpaint', 'motion_brush', 'camera_control', 'extend', 'lip_sync'] },
  { name: 'veo', weight: 20, models: ['veo-3', 'veo-3-fast'], perSecond: 12, tasks: ['text_to_video', 'image_to_video', 'extend'] },
  { name: 'runway', weight: 15, models: ['gen4_turbo', 'gen4_aleph'], perSecond: 5, tasks: ['image_to_video', 'restyle', 'text_to_video'] },
  { name: 'hailuo', weight: 10, models: ['MiniMax-Hailuo-02'], perSecond: 4, tasks: ['text_to_video', 'image_to_video'] },
  { name: 'pika', weight: 8, models: ['pika-2.2'], perSecond: 3, tasks: ['text_to_video', 'image_to_video', 'inpaint'] },
  { name: 'sora', weight: 7, models: ['sora-2', 'sora-2-pro'], perSecond: 10, tasks: ['text_to_video', 'image_to_video'] },
] as const;
type Provider = (typeof PROVIDERS)[number];

const EDIT_OPERATIONS = ['extend', 'restyle', 'inpaint', 'outpaint', 'lip_sync', 'camera_control', 'reroll'] as const;
const TASKS_NEEDING_REFS = new Set(['image_to_video', 'multi_reference', 'restyle', 'lip_sync']);
const REF_ROLES = ['identity', 'product', 'style', 'first_frame', 'end_frame'] as const;
const RESOLUTIONS = [[1920, 1080], [1280, 720], [1080, 1920], [3840, 2160], [1080, 1080]] as const;

// ---------------------------------------------------------------------------------------------

export interface BuildStats {
  renders: number;
  prompts: number;
  jobs: number;
  charges: number;
  tags: number;
  renderTags: number;
  lineage: number;
  picks: number;
  references: number;
  seconds: number;
}

interface ShotRow {
  id: number;
  projectIndex: number;
  code: string;
  subject: string;
  action: string;
  setting: string;
  framing: string;
  camera: string;
  lighting: string;
  style: string;
  prompts: number[];
  renders: number[];
  takes: number;
}

/** Builds the library in the catalogue file `file` (which must not exist yet). */
export function buildSyntheticLibrary(file: string, spec: LibrarySpec = DEFAULT_SPEC, progress?: (msg: string) => void): BuildStats {
  const t0 = performance.now();
  const rng = makeRng(spec.seed);
  const db = openCatalogue(file);
  // Build-time speed only: the finished file is checkpointed and closed normally, so the library
  // that gets benchmarked is an ordinary WAL catalogue exactly as the app leaves one.
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');

  const YEAR = 365 * 24 * 3600 * 1000;
  const T0 = Date.UTC(2025, 3, 1);
  const lighting = weighted(LIGHTING);
  const subject = weighted(zipf(SUBJECTS, 0.7));
  const action = weighted(zipf(ACTIONS, 0.7));
  const setting = weighted(zipf(SETTINGS, 0.7));
  const framing = weighted(zipf(FRAMINGS, 0.8));
  const camera = weighted(zipf(CAMERAS, 0.8));
  const style = weighted(zipf(STYLES, 0.8));
  const provider = weighted(PROVIDERS.map((p) => [p, p.weight] as const));
  const tagOf = weighted(zipf(TAGS_BASE.slice(0, spec.tags).map((_, i) => i + 1), 0.9));
  const tagCount = weighted([[0, 35], [1, 35], [2, 20], [3, 10]] as const);
  const rating = weighted([[0, 55], [1, 4], [2, 8], [3, 13], [4, 12], [5, 8]] as const);
  const resolution = weighted(RESOLUTIONS.map((r, i) => [r, [45, 20, 20, 5, 10][i]!] as const));

  const stats: BuildStats = {
    renders: 0, prompts: 0, jobs: 0, charges: 0, tags: 0, renderTags: 0, lineage: 0, picks: 0, references: 0, seconds: 0,
  };

  // --- projects and shots -------------------------------------------------------------------
  const insProject = db.prepare('INSERT INTO projects (uid, name, style_lock, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
  const insShot = db.prepare(
    `INSERT INTO shots (uid, project_id, position, name, subject, action, framing, camera, lighting, style, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const projectIds: number[] = [];
  const shotsByProject: ShotRow[][] = [];
  // Each project is active for about three months of the year the library spans; renders made
  // at a time belong to the projects active then, as in a studio's real history.
  const projectWindow: Array<[number, number]> = [];
  db.transaction(() => {
    for (let p = 0; p < spec.projects; p++) {
      const start = T0 + (p / spec.projects) * YEAR * 0.8;
      projectWindow.push([start, start + YEAR * (0.15 + rng() * 0.15)]);
      const name = PROJECT_NAMES[p % PROJECT_NAMES.length]! + (p >= PROJECT_NAMES.length ? ` ${Math.floor(p / PROJECT_NAMES.length) + 1}` : '');
      const projectStyle = style(rng);
      const id = Number(insProject.run(fakeUid(rng), name, projectStyle, start, start).lastInsertRowid);
      projectIds.push(id);
      const shots: ShotRow[] = [];
      const count = Math.max(1, spec.shotsPerProject + int(rng, -4, 4));
      for (let s = 0; s < count; s++) {
        const shot: ShotRow = {
          id: 0, projectIndex: p, code: `p${String(p + 1).padStart(2, '0')}-sh${String((s + 1) * 10).padStart(3, '0')}`,
          subject: subject(rng), action: action(rng), setting: setting(rng), framing: framing(rng),
          camera: camera(rng), lighting: lighting(rng), style: rng() < 0.7 ? projectStyle : style(rng),
          prompts: [], renders: [], takes: 0,
        };
        shot.id = Number(
          insShot.run(fakeUid(rng), id, s + 1, `Shot ${(s + 1) * 10}`, shot.subject, shot.action, shot.framing, shot.camera,
            shot.lighting, shot.style, start, start).lastInsertRowid,
        );
        shots.push(shot);
      }
      shotsByProject.push(shots);
    }
  })();

  // --- tags -----------------------------------------------------------------------------------
  const insTag = db.prepare('INSERT INTO tags (name) VALUES (?)');
  const tagIds: number[] = [];
  db.transaction(() => {
    for (let t = 0; t < spec.tags; t++) {
      tagIds.push(Number(insTag.run(TAGS_BASE[t % TAGS_BASE.length]! + (t >= TAGS_BASE.length ? `-${t}` : '')).lastInsertRowid));
    }
    stats.tags = tagIds.length;
  })();

  // --- statements for the main loop -------------------------------------------------------------
  const insAsset = db.prepare(
    `INSERT INTO assets (sha256, kind, ext, size, container, duration_ms, width, height, fps, video_codec, audio_codec,
       has_poster, sprite_frames, created_at)
     VALUES (@sha256, @kind, @ext, @size, @container, @durationMs, @width, @height, @fps, @videoCodec, @audioCodec,
       1, @spriteFrames, @createdAt)`,
  );
  const insLocation = db.prepare('INSERT INTO asset_locations (asset_id, path, first_seen, last_seen) VALUES (?, ?, ?, ?)');
  const insPrompt = db.prepare('INSERT INTO prompts (hash, text, negative, fields, created_at) VALUES (?, ?, ?, ?, ?)');
  const insJob = db.prepare(
    `INSERT INTO jobs (uid, idempotency_key, provider, model, task_type, state, project_id, shot_id, prompt_id,
       parent_render_id, params, provider_task_id, attempts, error_class, last_error, created_at, updated_at)
     VALUES (@uid, @key, @provider, @model, @taskType, @state, @projectId, @shotId, @promptId, @parentRenderId,
       @params, @providerTaskId, @attempts, @errorClass, @lastError, @createdAt, @updatedAt)`,
  );
  const insRender = db.prepare(
    `INSERT INTO renders (uid, asset_id, project_id, shot_id, prompt_id, job_id, title, source, origin, provider, model,
       task_type, params, duration_ms, rating, flag, notes, created_at)
     VALUES (@uid, @assetId, @projectId, @shotId, @promptId, @jobId, @title, @source, @origin, @provider, @model,
       @taskType, @params, @durationMs, @rating, @flag, @notes, @createdAt)`,
  );
  const insCharge = db.prepare('INSERT INTO charges (job_id, kind, credits, provider, note, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const insRenderTag = db.prepare('INSERT INTO render_tags (render_id, tag_id) VALUES (?, ?)');
  const insLineage = db.prepare('INSERT INTO lineage (child_id, parent_id, operation, params) VALUES (?, ?, ?, ?)');
  const insRef = db.prepare('INSERT INTO refs (uid, asset_id, project_id, role, title, origin, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insRenderRef = db.prepare('INSERT OR IGNORE INTO render_refs (render_id, ref_id, role, position) VALUES (?, ?, ?, ?)');
  const insJobRef = db.prepare('INSERT OR IGNORE INTO job_refs (job_id, ref_id, role, position) VALUES (?, ?, ?, ?)');

  // --- references (still images people feed to image-to-video and friends) ---------------------
  const refIds: number[] = [];
  db.transaction(() => {
    for (let i = 0; i < spec.references; i++) {
      const at = T0 + (i / spec.references) * YEAR;
      const [width, height] = rng() < 0.8 ? [2048, 2048] : [768, 768];
      const assetId = Number(insAsset.run({
        sha256: hex(rng, 64), kind: 'image', ext: rng() < 0.7 ? 'png' : 'jpg', size: int(rng, 300_000, 6_000_000),
        container: 'image2', durationMs: null, width, height, fps: null, videoCodec: 'png', audioCodec: null,
        spriteFrames: 0, createdAt: at,
      }).lastInsertRowid);
      const p = Math.floor(rng() * spec.projects);
      refIds.push(Number(insRef.run(fakeUid(rng), assetId, projectIds[p]!, pick(rng, REF_ROLES), `ref_${String(i).padStart(5, '0')}.png`,
        `/Users/studio/refs/ref_${i}.png`, at).lastInsertRowid));
    }
    stats.references = refIds.length;
  })();

  // --- prompts --------------------------------------------------------------------------------
  const promptHashes = new Set<string>();
  function newPrompt(shot: ShotRow | null, at: number): number {
    for (let attempt = 0; ; attempt++) {
      // Rerolls keep the shot's fields and vary one or two of them, as people do.
      const f = {
        subject: shot && rng() < 0.85 ? shot.subject : subject(rng),
        action: shot && rng() < 0.6 ? shot.action : action(rng),
        setting: shot && rng() < 0.75 ? shot.setting : setting(rng),
        framing: shot && rng() < 0.7 ? shot.framing : framing(rng),
        camera: shot && rng() < 0.6 ? shot.camera : camera(rng),
        lighting: shot && rng() < 0.8 ? shot.lighting : lighting(rng),
        style: shot && rng() < 0.8 ? shot.style : style(rng),
      };
      const extras: string[] = [];
      for (const e of EXTRAS) if (rng() < (e === 'cinematic' ? 0.55 : 0.12)) extras.push(e);
      if (rng() < 0.02 || attempt > 3) extras.push(`${pick(rng, RARE_WORDS)} in the background`);
      const text = `${f.subject} ${f.action} ${f.setting}, ${f.framing}, ${f.camera}, ${f.lighting}, ${f.style}` +
        (extras.length ? `, ${extras.join(', ')}` : '');
      const negatives = rng() < 0.3 ? [] : NEGATIVES.filter(() => rng() < 0.25);
      const negative = negatives.join(', ');
      const fields = JSON.stringify(f);
      const hash = createHash('sha256').update(text).update('\0').update(negative).update('\0').update(fields).digest('hex');
      if (promptHashes.has(hash)) continue;
      promptHashes.add(hash);
      stats.prompts++;
      return Number(insPrompt.run(hash, text, negative, fields, at).lastInsertRowid);
    }
  }

  // --- renders --------------------------------------------------------------------------------
  const BATCH = 5_000;
  const promptedTarget = Math.round(spec.renders * 0.9);
  let prompted = 0;
  let seq = 0;
  const pickedShots = new Set<number>();

  const one = (i: number) => {
    // Renders arrive in time order (ids follow time), with a little jitter.
    const at = Math.round(T0 + (i / spec.renders) * YEAR + rng() * 60_000);
    const kindRoll = rng();
    // 90% come from jobs, 5% from folder imports (ComfyUI and friends), 5% from watched provider downloads.
    const source: 'job' | 'import' | 'watch' = kindRoll < 0.9 ? 'job' : kindRoll < 0.95 ? 'import' : 'watch';

    let projectIndex: number | null = null;
    let shot: ShotRow | null = null;
    if (source === 'job' || rng() < 0.5) {
      const active = projectWindow.flatMap(([a, b], p) => (at >= a && at <= b ? [p] : []));
      projectIndex = active.length ? active[Math.floor(Math.pow(rng(), 1.5) * active.length)]! : Math.floor(rng() * spec.projects);
      const shots = shotsByProject[projectIndex]!;
      shot = rng() < 0.95 ? shots[Math.floor(Math.pow(rng(), 1.3) * shots.length)]! : null;
    }

    const prov: Provider | null = source === 'import' ? null : provider(rng);
    const model = prov ? pick(rng, prov.models) : null;

    // Lineage: ~30% of renders are edits of an earlier render of the same shot.
    let parentId: number | null = null;
    let operation: string | null = null;
    const pool = shot?.renders;
    if (source === 'job' && pool && pool.length && rng() < 0.36) {
      parentId = pool[pool.length - 1 - Math.floor(Math.pow(rng(), 2) * Math.min(pool.length, 40))]!;
      operation = pick(rng, EDIT_OPERATIONS);
    }
    let taskType: string | null = prov ? pick(rng, prov.tasks) : null;
    if (operation && operation !== 'reroll' && prov && (prov.tasks as readonly string[]).includes(operation)) taskType = operation;

    let promptId: number | null = null;
    if (source === 'job') {
      prompted++;
      const wantPrompts = Math.round((spec.prompts * prompted) / promptedTarget);
      const shotPrompts = shot?.prompts;
      if (stats.prompts < wantPrompts || !shotPrompts || shotPrompts.length === 0) {
        promptId = newPrompt(shot, at);
        shotPrompts?.push(promptId);
      } else {
        // A reroll of one of the shot's recent prompts.
        promptId = shotPrompts[shotPrompts.length - 1 - Math.floor(Math.pow(rng(), 2) * Math.min(shotPrompts.length, 12))]!;
      }
    }

    // The asset: a video of 3–10 s.
    const durationMs = int(rng, 3, 10) * 1000 + (rng() < 0.3 ? int(rng, 1, 999) : 0);
    const [width, height] = resolution(rng);
    const fps = rng() < 0.6 ? 24 : rng() < 0.7 ? 30 : 25;
    const size = Math.round((durationMs / 1000) * (width * height * fps * 0.12) / 8 * (0.6 + rng() * 0.8));
    const sha256 = hex(rng, 64);
    const assetId = Number(insAsset.run({
      sha256, kind: 'video', ext: 'mp4', size, container: 'mov,mp4,m4a,3gp,3g2,mj2', durationMs, width, height, fps,
      videoCodec: rng() < 0.85 ? 'h264' : 'hevc', audioCodec: rng() < 0.3 ? 'aac' : null,
      spriteFrames: Math.max(4, Math.min(20, Math.round(durationMs / 500))), createdAt: at,
    }).lastInsertRowid);

    // Title: what the file was called.
    seq++;
    let title: string;
    let origin: string;
    if (source === 'import') {
      title = rng() < 0.5 ? `ComfyUI_${String(seq).padStart(5, '0')}_.mp4` : `invoke_${hex(rng, 8)}.mp4`;
      origin = `/Users/studio/Downloads/renders/${title}`;
      insLocation.run(assetId, origin, at, at);
    } else if (source === 'watch') {
      title = `${prov!.name}_${new Date(at).toISOString().slice(0, 10).replace(/-/g, '')}_${hex(rng, 6)}.mp4`;
      origin = `/Users/studio/Watch/${prov!.name}/${title}`;
      insLocation.run(assetId, origin, at, at);
    } else {
      const take = shot ? ++shot.takes : seq;
      title = `${shot ? shot.code : 'loose'}_take${String(take).padStart(3, '0')}_${prov!.name}_${taskType}.mp4`;
      origin = `${prov!.name}:task/${hex(rng, 16)}`;
    }

    // Job and its credit charges (for job renders). Costs are never written to renders.cost_credits
    // directly: every job render gets an estimate, an actual and sometimes a refund in the ledger,
    // and the charges_cost_to_render trigger sets the render's cost, as in the app. That keeps the
    // ledger and the cost column consistent (the schema's promise), gives the jobs and charges
    // tables their real size in the file, and costs only ~10 s of the build. Imported and watched
    // renders have no job, so their cost stays 0, as it does in a real library.
    let jobId: number | null = null;
    if (source === 'job') {
      jobId = Number(insJob.run({
        uid: fakeUid(rng), key: `dl-${hex(rng, 24)}`, provider: prov!.name, model, taskType, state: 'done',
        projectId: projectIndex !== null ? projectIds[projectIndex]! : null, shotId: shot?.id ?? null, promptId,
        parentRenderId: parentId, params: JSON.stringify({ duration: Math.round(durationMs / 1000), aspect_ratio: width >= height ? '16:9' : '9:16', mode: rng() < 0.6 ? 'pro' : 'std' }),
        providerTaskId: hex(rng, 20), attempts: rng() < 0.9 ? 1 : int(rng, 2, 5), errorClass: null, lastError: null,
        createdAt: at - int(rng, 60_000, 600_000), updatedAt: at,
      }).lastInsertRowid);
      stats.jobs++;
    }

    const r = rating(rng);
    const id = Number(insRender.run({
      uid: fakeUid(rng), assetId, projectId: projectIndex !== null ? projectIds[projectIndex]! : null, shotId: shot?.id ?? null,
      promptId, jobId, title, source, origin, provider: prov?.name ?? null, model, taskType,
      params: source === 'job' ? JSON.stringify({ seed: int(rng, 1, 2 ** 31) }) : '{}', durationMs,
      rating: r, flag: rng() < 0.1 ? 'reject' : null, notes: rng() < 0.05 ? 'check the hands around 0:03' : '', createdAt: at,
    }).lastInsertRowid);
    stats.renders++;
    shot?.renders.push(id);

    if (jobId !== null) {
      const estimate = Math.round(prov!.perSecond * (durationMs / 1000) * (model!.endsWith('pro') || model!.includes('master') ? 2 : 1));
      insCharge.run(jobId, 'estimate', estimate, prov!.name, '', at - 500_000);
      insCharge.run(jobId, 'actual', estimate * (rng() < 0.9 ? 1 : 0.8 + rng() * 0.4), prov!.name, '', at);
      stats.charges += 2;
      if (rng() < 0.03) {
        insCharge.run(jobId, 'refund', estimate * 0.5, prov!.name, 'partial refund: artefacts', at + 3600_000);
        stats.charges++;
      }
    }

    if (parentId !== null) {
      insLineage.run(id, parentId, operation, JSON.stringify({ strength: Math.round(rng() * 100) / 100 }));
      stats.lineage++;
    }

    const n = tagCount(rng);
    const chosen = new Set<number>();
    for (let t = 0; t < n; t++) chosen.add(tagIds[tagOf(rng) - 1]!);
    for (const t of chosen) insRenderTag.run(id, t);
    stats.renderTags += chosen.size;

    if (taskType && TASKS_NEEDING_REFS.has(taskType) && refIds.length) {
      const refs = int(rng, 1, taskType === 'multi_reference' ? 4 : 1);
      for (let k = 0; k < refs; k++) {
        const refId = pick(rng, refIds);
        const role = taskType === 'multi_reference' ? 'identity' : taskType === 'restyle' ? 'style' : 'first_frame';
        insRenderRef.run(id, refId, role, k);
        if (jobId !== null) insJobRef.run(jobId, refId, role, k);
      }
    }
  };

  for (let start = 0; start < spec.renders; start += BATCH) {
    db.transaction(() => {
      for (let i = start; i < Math.min(spec.renders, start + BATCH); i++) one(i);
    })();
    progress?.(`  renders ${Math.min(spec.renders, start + BATCH).toLocaleString('en')}/${spec.renders.toLocaleString('en')}`);
  }

  // A few failed and rejected jobs with no render: their charges are refunded in full.
  db.transaction(() => {
    const failed = Math.round(spec.renders * 0.06);
    for (let i = 0; i < failed; i++) {
      const at = Math.round(T0 + rng() * YEAR);
      const prov = provider(rng);
      const rejected = rng() < 0.4;
      const jobId = Number(insJob.run({
        uid: fakeUid(rng), key: `dl-${hex(rng, 24)}`, provider: prov.name, model: pick(rng, prov.models), taskType: pick(rng, prov.tasks),
        state: rejected ? 'rejected' : 'failed', projectId: null, shotId: null, promptId: null, parentRenderId: null, params: '{}',
        providerTaskId: hex(rng, 20), attempts: int(rng, 1, 5), errorClass: rejected ? 'policy' : 'provider_5xx',
        lastError: rejected ? 'content policy: prompt rejected' : 'upstream 503 after retries', createdAt: at, updatedAt: at,
      }).lastInsertRowid);
      const credits = prov.perSecond * 5;
      insCharge.run(jobId, 'estimate', credits, prov.name, '', at);
      insCharge.run(jobId, 'actual', credits, prov.name, '', at);
      insCharge.run(jobId, 'refund', credits, prov.name, 'refund: job failed', at);
      stats.jobs++;
      stats.charges += 3;
    }
  })();

  // Picks: at most one per shot (the unique index enforces it); about 80% of shots have one,
  // preferring a highly rated, not-rejected take.
  db.transaction(() => {
    const setPick = db.prepare("UPDATE renders SET flag = 'pick', rating = max(rating, 4) WHERE id = ?");
    for (const shots of shotsByProject) {
      for (const shot of shots) {
        if (!shot.renders.length || rng() >= 0.8) continue;
        const candidates = shot.renders.slice(-60);
        setPick.run(candidates[Math.floor(rng() * candidates.length)]!);
        pickedShots.add(shot.id);
      }
    }
    stats.picks = pickedShots.size;
  })();

  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  stats.seconds = (performance.now() - t0) / 1000;
  return stats;
}

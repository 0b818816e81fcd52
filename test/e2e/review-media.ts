// Takes for the review views: a parent clip and two edits of it (extend, restyle), each with a
// sidecar giving its prompt, parameters, cost and parent, so the detail panel, lineage, compare
// diff and costs have real catalogue rows to show. Same size and frame rate, so Compare can be
// held to "within one frame". Parents and children are separate folders, imported in that order
// (a sidecar's parent must already be in the library).
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const ffmpegPath = (require('@ffmpeg-installer/ffmpeg') as { path: string }).path;

export const REVIEW_FPS = 25;
export const PARENT = { file: 'lighthouse_take1.mp4', title: 'Lighthouse, take 1', prompt: 'a lighthouse at dusk, waves breaking on the rocks, slow dolly in' };
export const EXTEND = { file: 'lighthouse_take1_extend.mp4', title: 'Lighthouse, extended', prompt: 'a lighthouse at dawn, waves breaking on the rocks, slow dolly in' };
export const RESTYLE = { file: 'lighthouse_take1_restyle.mp4', title: 'Lighthouse, restyled', prompt: 'a lighthouse at dusk, waves breaking on the rocks, watercolour' };

async function clip(file: string, source: string): Promise<void> {
  await run(ffmpegPath, [
    '-v', 'error', '-nostdin', '-y', '-f', 'lavfi', '-i', `${source}=size=320x180:rate=${REVIEW_FPS}:duration=4`,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-g', '5', '-movflags', '+faststart', file,
  ], { timeout: 60_000 });
}

function sidecar(fields: Record<string, unknown>): string {
  return JSON.stringify({ schema: 'dailies.sidecar', version: 1, provider: 'kling', ...fields });
}

/** Writes `<dir>/parents` and `<dir>/edits`; returns the two folders in import order. */
export async function makeReviewFolders(dir: string): Promise<{ parents: string; edits: string }> {
  const parents = path.join(dir, 'parents');
  const edits = path.join(dir, 'edits');
  await mkdir(parents, { recursive: true });
  await mkdir(edits, { recursive: true });
  // Sidecars first: a sidecar that arrives after its file is not read.
  await writeFile(path.join(parents, `${PARENT.file}.dailies.json`), sidecar({
    title: PARENT.title, prompt: PARENT.prompt, negativePrompt: 'no text overlay', model: 'kling-v2-6', task: 'text_to_video',
    promptFields: { subject: 'a lighthouse', camera: 'slow dolly in' }, params: { duration: 4, cfg_scale: 0.5 }, cost: { credits: 35 },
  }));
  await writeFile(path.join(edits, `${EXTEND.file}.dailies.json`), sidecar({
    title: EXTEND.title, prompt: EXTEND.prompt, negativePrompt: 'no text overlay', model: 'kling-v2-6', task: 'extend',
    params: { duration: 4, cfg_scale: 0.7 }, cost: { credits: 20 }, parent: { path: `../parents/${PARENT.file}`, operation: 'extend' },
  }));
  await writeFile(path.join(edits, `${RESTYLE.file}.dailies.json`), sidecar({
    title: RESTYLE.title, prompt: RESTYLE.prompt, negativePrompt: 'no text overlay', model: 'kling-o1', task: 'restyle',
    params: { duration: 4, cfg_scale: 0.5 }, cost: { credits: 15 }, parent: { path: `../parents/${PARENT.file}`, operation: 'restyle' },
  }));
  await Promise.all([
    clip(path.join(parents, PARENT.file), 'testsrc2'),
    clip(path.join(edits, EXTEND.file), 'testsrc'),
    clip(path.join(edits, RESTYLE.file), 'smptebars'),
  ]);
  return { parents, edits };
}

// Renders a RenderSpec to a small H.264 MP4 with ffmpeg. One filter graph per clip; every input
// path goes in as an argument (never inside the graph) except the font and the prompt text,
// which are referenced relative to the data folder so no path needs filtergraph escaping.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RenderSpec } from './render-spec.js';
import { materialize } from './inputs.js';
import { cameraFilter } from './camera-filter.js';

export const FPS = 24;

export interface RenderEnv {
  ffmpeg: string;
  ffprobe: string;
  dataDir: string;
  /** Font file name inside dataDir, or null to draw no text. */
  font: string | null;
  ownFile(url: string): string | null;
}

function run(bin: string, args: string[], cwd: string, timeoutMs = 120_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(bin, args, { cwd, timeout: timeoutMs, maxBuffer: 8 * 1024 * 1024, windowsHide: true }, (err, stdout, stderr) => {
      if (err) {
        const last = String(stderr).split('\n').map((l) => l.trim()).filter(Boolean).pop();
        reject(new Error(`${path.basename(bin)}: ${last ?? err.message}`));
      } else resolve(String(stdout));
    });
  });
}

export async function probeVideo(ffprobe: string, file: string): Promise<{ durationS: number; width: number; height: number }> {
  const out = await run(ffprobe, ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height:format=duration', '-of', 'json', file], path.dirname(file), 30_000);
  const j = JSON.parse(out) as { streams?: { width?: number; height?: number }[]; format?: { duration?: string } };
  const durationS = Number(j.format?.duration);
  const { width, height } = j.streams?.[0] ?? {};
  if (!Number.isFinite(durationS) || durationS <= 0 || !width || !height) throw new Error(`${path.basename(file)} is not a readable video`);
  // Even sizes: H.264 in yuv420p needs them.
  return { durationS: Math.round(durationS * 100) / 100, width: width - (width % 2), height: height - (height % 2) };
}

function hashBytes(seed: string): Buffer {
  return createHash('sha256').update(seed).digest();
}

/** A mid-dark colour from the prompt's hash, so white text stays readable and equal prompts look alike. */
export function promptColour(prompt: string): string {
  const h = hashBytes(prompt);
  return '0x' + [0, 1, 2].map((i) => (40 + (h[i]! % 140)).toString(16).padStart(2, '0')).join('');
}

const MOVER_COLOURS = ['0xffd400', '0xff4fa3', '0x39e6ff', '0x7dff5a', '0xff8a3d', '0xb388ff'];

/** drawtext does not wrap: break the prompt into lines that fit the frame, at most four. */
function wrap(text: string, width: number): string {
  const perLine = Math.max(12, Math.floor(width / 13));
  const lines: string[] = [];
  let line = '';
  for (const word of text.replace(/\s+/g, ' ').trim().split(' ')) {
    if ((line + ' ' + word).trim().length > perLine && line) {
      lines.push(line);
      line = word;
    } else line = (line + ' ' + word).trim();
  }
  if (line) lines.push(line);
  if (lines.length > 4) lines.splice(3, lines.length - 3, lines.slice(3).join(' ').slice(0, perLine - 1) + '…');
  return lines.join('\n');
}

/** A value moving through `values` (evenly spaced in time over d seconds), as an ffmpeg expression. */
function pathExpr(values: number[], d: number): string {
  if (values.length === 1) return String(values[0]);
  const seg = d / (values.length - 1);
  let expr = String(values[values.length - 1]);
  for (let i = values.length - 2; i >= 0; i--) {
    const a = values[i]!;
    const b = values[i + 1]!;
    expr = `if(lt(t,${(seg * (i + 1)).toFixed(3)}),${a}+(${b - a})*(t-${(seg * i).toFixed(3)})/${seg.toFixed(3)},${expr})`;
  }
  return expr;
}

function sample<T>(items: T[], max: number): T[] {
  if (items.length <= max) return items;
  return Array.from({ length: max }, (_, i) => items[Math.round((i * (items.length - 1)) / (max - 1))]!);
}

interface Built {
  args: string[];
}

async function build(spec: RenderSpec, out: string, env: RenderEnv, work: string, withText: boolean): Promise<Built> {
  const { width: W, height: H, durationS: D } = spec;
  const inputs: string[][] = [];
  const chains: string[] = [];
  let n = 0;
  const label = () => `l${n++}`;
  const input = (args: string[]) => inputs.push(args) - 1;
  const still = (file: string, seconds = D) => input(['-loop', '1', '-framerate', String(FPS), '-t', String(seconds), '-i', file]);
  const lavfi = (src: string) => input(['-f', 'lavfi', '-i', src]);
  const fill = (w: number, h: number) => `scale=${w}:${h}:force_original_aspect_ratio=increase,crop=${w}:${h},setsar=1`;
  const colour = promptColour(spec.prompt);
  const file = async (ref: Parameters<typeof materialize>[0], name: string) => materialize(ref, work, name, env.ownFile);
  let scene = label();
  let textLabel = spec.label;
  let audioInput: number | null = null;

  const src = spec.source;
  if (src && src.edit !== 'feature') {
    const srcFile = await file(src.ref, 'source');
    const s = input(['-i', srcFile]);
    if (src.edit === 'lipsync' && spec.audio) audioInput = input(['-i', await file(spec.audio, 'sound')]);
    const norm = `fps=${FPS},tpad=stop_mode=clone:stop_duration=${D}`;
    if (src.edit === 'extend') {
      // Continue from the parent's last frame: grab it, then push slowly into it for 5 s.
      const last = path.join(work, 'last.png');
      await run(env.ffmpeg, ['-v', 'error', '-y', '-sseof', '-0.5', '-i', srcFile, '-update', '1', '-q:v', '2', last], env.dataDir);
      const cont = (src.durationS ?? 0) > 0 ? D - src.durationS! : 5;
      const l = still(last, cont);
      const [p, c] = [label(), label()];
      chains.push(`[${s}:v]${fill(W, H)},fps=${FPS},format=yuv420p[${p}]`);
      chains.push(`[${l}:v]${fill(W, H)},zoompan=z='1+0.15*on/${Math.round(cont * FPS)}':x='(iw-iw/zoom)/2':y='(ih-ih/zoom)/2':d=1:s=${W}x${H}:fps=${FPS},format=yuv420p[${c}]`);
      chains.push(`[${p}][${c}]concat=n=2:v=1:a=0[${scene}]`);
      textLabel += ' · continued from the last frame';
    } else if (src.edit === 'outpaint') {
      chains.push(`[${s}:v]scale=${W}:${H}:force_original_aspect_ratio=decrease,setsar=1,pad=${W}:${H}:(ow-iw)/2:(oh-ih)/2:color=${colour},${norm},format=yuv420p[${scene}]`);
    } else if (src.edit === 'restyle') {
      const hue = Math.round((hashBytes(spec.prompt)[3]! / 256) * 360);
      // A cheap but unmistakable new look: inverted, hue turned by the prompt's hash, saturated.
      chains.push(`[${s}:v]${fill(W, H)},${norm},format=yuv420p,negate,hue=h=${hue}:s=1.8[${scene}]`);
    } else if (src.edit === 'inpaint') {
      // The instruction's region: the middle ninth of the frame, repainted in the prompt's colour.
      chains.push(`[${s}:v]${fill(W, H)},${norm},drawbox=x=${W / 3}:y=${H / 3}:w=${W / 3}:h=${H / 3}:color=${colour}@0.9:t=fill,format=yuv420p[${scene}]`);
    } else {
      chains.push(`[${s}:v]${fill(W, H)},${norm},format=yuv420p[${scene}]`);
    }
  } else {
    const bg = spec.background ? still(await file(spec.background, 'background')) : lavfi(`color=c=${colour}:s=${W}x${H}:r=${FPS}:d=${D}`);
    // Landmarks at places from the prompt's hash (a grid alone repeats, so a pan would not
    // show); not over a first frame the user supplied.
    const h = hashBytes(`${spec.prompt}#landmarks`);
    const marks = [0, 1, 2].map((i) => {
      const [bw, bh] = [Math.round(W / 5), Math.round(H / 4)];
      const x = Math.round(((h[i * 2]! / 255) * (W - bw)) | 0);
      const y = Math.round(((h[i * 2 + 1]! / 255) * (H - bh)) | 0);
      return `drawbox=x=${x}:y=${y}:w=${bw}:h=${bh}:color=${i === 1 ? 'black@0.3' : 'white@0.3'}:t=fill`;
    });
    chains.push(`[${bg}:v]${fill(W, H)},format=yuv420p,${spec.background ? '' : `${marks.join(',')},`}drawgrid=w=${W / 8}:h=${H / 8}:t=1:c=white@0.25[${scene}]`);
    const over = (layer: string, x: string, y: string) => {
      const next = label();
      chains.push(`[${scene}][${layer}]overlay=x='${x}':y='${y}':eof_action=pass[${next}]`);
      scene = next;
    };
    for (const [i, tile] of (spec.tiles ?? []).slice(0, 4).entries()) {
      const [tw, th] = [Math.round(W / 2.4 / 2) * 2, Math.round(H / 2.4 / 2) * 2];
      const t = still(await file(tile, `tile${i}`));
      const l = label();
      chains.push(`[${t}:v]${fill(tw, th)}[${l}]`);
      over(l, String(i % 2 === 0 ? W / 20 : W - tw - W / 20), String(i < 2 ? H / 20 : H - th - H / 20));
    }
    if (spec.staticMask) {
      // The still region tinted through the mask's own shape, so the mask is visible in the clip.
      const m = still(await file(spec.staticMask, 'static-mask'));
      const tint = lavfi(`color=c=0x00e0ff:s=${W}x${H}:r=${FPS}:d=${D}`);
      const [ma, tm] = [label(), label()];
      chains.push(`[${m}:v]scale=${W}:${H},format=gray[${ma}]`);
      chains.push(`[${tint}:v]format=rgba[${tm}a];[${tm}a][${ma}]alphamerge,colorchannelmixer=aa=0.55[${tm}]`);
      over(tm, '0', '0');
    }
    const box = Math.round(Math.min(W, H) / 8);
    const paths = spec.motion?.length ? spec.motion : null;
    for (const [i, points] of (paths ?? []).entries()) {
      const pts = sample(points, 12);
      const l = lavfi(`color=c=${MOVER_COLOURS[i % MOVER_COLOURS.length]}:s=${box}x${box}:r=${FPS}:d=${D}`);
      over(`${l}:v`, pathExpr(pts.map((p) => Math.round(p.x * W - box / 2)), D), pathExpr(pts.map((p) => Math.round(p.y * H - box / 2)), D));
    }
    if (!paths) {
      // A marker crossing the frame, so motion (and any camera move) is visible on a flat colour.
      const l = lavfi(`color=c=white:s=${box}x${box}:r=${FPS}:d=${D}`);
      over(`${l}:v`, `(${W}-w)*t/${D}`, String(Math.round(H * 0.62)));
    }
    if (src?.edit === 'feature') {
      const s = input(['-i', await file(src.ref, 'reference')]);
      const l = label();
      chains.push(`[${s}:v]scale=${Math.round(W / 3 / 2) * 2}:-2,setsar=1,fps=${FPS},tpad=stop_mode=clone:stop_duration=${D}[${l}]`);
      over(l, `${W}-w-${W / 40}`, String(H / 40));
      textLabel += ' · video reference';
    }
    if (spec.camera) {
      const next = label();
      chains.push(`[${scene}]${cameraFilter(spec.camera, W, H, D, FPS)}[${next}]`);
      scene = next;
    }
    if (spec.tail) {
      // The end frame fades in over the last 1.5 s: the clip lands on it.
      const t = still(await file(spec.tail, 'tail'));
      const l = label();
      chains.push(`[${t}:v]${fill(W, H)},format=yuva420p,fade=in:st=${Math.max(0, D - 1.5)}:d=1.5:alpha=1[${l}]`);
      over(l, '0', '0');
    }
  }

  if (withText && env.font) {
    const rel = (f: string) => path.relative(env.dataDir, f).split(path.sep).join('/');
    const promptFile = path.join(work, 'prompt.txt');
    const labelFile = path.join(work, 'label.txt');
    await writeFile(promptFile, wrap(spec.prompt || '(no prompt)', W));
    await writeFile(labelFile, textLabel);
    const size = Math.max(12, Math.round(Math.min(W, H) / 20));
    const labelSize = Math.round(size * 0.7);
    const strip = Math.round(labelSize * 1.9);
    // Edits of an existing clip already carry that clip's text at the bottom: their own prompt
    // goes at the top, and an extension shows it only on the new part.
    const edited = !!src && src.edit !== 'feature';
    const promptY = edited ? String(strip + 8) : `h-text_h-${Math.round(H / 14)}`;
    const enable = src?.edit === 'extend' && src.durationS ? `:enable='gte(t,${src.durationS})'` : '';
    const next = label();
    chains.push(
      `[${scene}]drawtext=fontfile='${env.font}':textfile='${rel(promptFile)}':fontcolor=white:fontsize=${size}:line_spacing=4:` +
        `box=1:boxcolor=black@0.6:boxborderw=6:x=(w-text_w)/2:y=${promptY}${enable},` +
        `drawbox=x=0:y=0:w=iw:h=${strip}:color=black@0.75:t=fill,` +
        `drawtext=fontfile='${env.font}':textfile='${rel(labelFile)}':fontcolor=white@0.9:fontsize=${labelSize}:x=8:y=(${strip}-text_h)/2[${next}]`,
    );
    scene = next;
  }

  if (spec.sound && audioInput === null) {
    const freq = 220 + (hashBytes(spec.prompt)[4]! % 8) * 55;
    audioInput = lavfi(`sine=frequency=${freq}:duration=${D}`);
  }
  const args = ['-v', 'error', '-y', ...inputs.flat(), '-filter_complex', chains.join(';'), '-map', `[${scene}]`];
  if (audioInput !== null) args.push('-map', `${audioInput}:a:0`, '-c:a', 'aac', '-b:a', '96k');
  args.push('-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-r', String(FPS), '-g', String(FPS * 2));
  args.push('-t', String(D), '-movflags', '+faststart', '-f', 'mp4', out);
  return { args };
}

/** Renders to `out` (via a temp file and rename, so a half clip is never served). */
export async function renderClip(spec: RenderSpec, out: string, env: RenderEnv, work: string): Promise<void> {
  await mkdir(work, { recursive: true });
  const tmp = `${out}.part`;
  try {
    await run(env.ffmpeg, (await build(spec, tmp, env, work, true)).args, env.dataDir);
  } catch (err) {
    // A font or drawtext problem must not cost the user the clip: retry without text.
    if (!env.font) throw err;
    await run(env.ffmpeg, (await build(spec, tmp, env, work, false)).args, env.dataDir);
  }
  await rename(tmp, out);
}

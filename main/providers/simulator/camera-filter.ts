// Camera moves as an ffmpeg filter over the scene: pans and tilts move a zoomed-in window,
// zooms push in or out, roll rotates, and the preset types combine a push with a drift.
import type { Camera } from './render-spec.js';

export function cameraFilter(camera: Camera, w: number, h: number, d: number, fps: number): string {
  const frames = Math.max(1, Math.round(d * fps));
  const p = `(on/${frames})`; // progress 0..1
  const zp = (z: string, fx: string, fy: string) =>
    `zoompan=z='${z}':x='(iw-iw/zoom)*(${fx})':y='(ih-ih/zoom)*(${fy})':d=1:s=${w}x${h}:fps=${fps}`;
  const mid = '0.5';
  if (camera.type === 'simple') {
    const a = camera.amount ?? 0;
    const k = Math.abs(a) / 10; // strength 0..1
    const towards = (positive: boolean) => (positive ? p : `(1-${p})`);
    switch (camera.axis) {
      case 'horizontal':
      case 'pan':
        return zp(String(1 + 0.4 * k), towards(a > 0), mid);
      case 'vertical':
      case 'tilt':
        // Positive moves up: the window travels from the bottom to the top.
        return zp(String(1 + 0.4 * k), mid, towards(a < 0));
      case 'zoom':
        return zp(a > 0 ? `1+${0.5 * k}*${p}` : `${1 + 0.5 * k}-${0.5 * k}*${p}`, mid, mid);
      case 'roll':
        return `rotate=a='${(a > 0 ? 1 : -1) * 0.04 * Math.abs(a)}*t/${d}*3':fillcolor=black`;
      default:
        return 'null';
    }
  }
  switch (camera.type) {
    case 'down_back':
      return zp(`1.4-0.4*${p}`, mid, `0.5+0.5*${p}`);
    case 'forward_up':
      return zp(`1+0.4*${p}`, mid, `0.5-0.5*${p}`);
    case 'right_turn_forward':
      return zp(`1+0.4*${p}`, `0.5+0.5*${p}`, mid);
    case 'left_turn_forward':
      return zp(`1+0.4*${p}`, `0.5-0.5*${p}`, mid);
  }
}

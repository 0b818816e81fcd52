// What a simulated clip should show, decided at create from the request, so that a person
// watching the result can tell the request was understood: the prompt and a colour from its
// hash, the requested size and length, the references, masks, camera move or edit.
import type { CameraAxis, CameraType } from '../../../shared/generation.js';

/** A camera move: a named move, or `simple` with its one moving axis and amount (−10..10). */
export interface Camera {
  type: CameraType;
  axis?: CameraAxis;
  amount?: number;
}

export type MediaRef =
  | { kind: 'inline'; bytes: Buffer; ext: string }
  | { kind: 'url'; url: string }
  | { kind: 'file'; path: string };

export type SourceEdit =
  | 'restyle' // omni-video base: change the look
  | 'inpaint' // omni-video base with a replace/remove/add instruction: change a region
  | 'outpaint' // omni-video base into another aspect ratio: extend the frame
  | 'feature' // omni-video feature: the video is a reference, shown picture-in-picture
  | 'extend' // video-extend: continue from the parent's last frame
  | 'lipsync'; // advanced-lip-sync: the source video with the new sound

export interface RenderSpec {
  /** Shown in the corner: which endpoint and model made this clip. */
  label: string;
  prompt: string;
  width: number;
  height: number;
  /** Seconds of the finished clip (for extend: the parent plus the continuation). */
  durationS: number;
  sound: boolean;
  background?: MediaRef;
  tail?: MediaRef;
  tiles?: MediaRef[];
  camera?: Camera;
  staticMask?: MediaRef;
  /** Motion brush paths in 0..1 frame coordinates with the origin at the top-left. */
  motion?: { x: number; y: number }[][];
  source?: { ref: MediaRef; edit: SourceEdit; durationS?: number };
  audio?: MediaRef;
}

/** Frame sizes the simulator renders at, by aspect ratio: small, so clips render in well under a second. */
export const FRAME_SIZES: Record<string, { width: number; height: number }> = {
  '16:9': { width: 640, height: 360 },
  '9:16': { width: 360, height: 640 },
  '1:1': { width: 480, height: 480 },
};

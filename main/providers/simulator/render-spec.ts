// What a simulated clip should show, decided at create from the request, so that a person
// watching the result can tell the request was understood: the prompt and a colour from its
// hash, the requested size and length, the references, masks, camera move or edit.
import type { Camera } from './params.js';

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

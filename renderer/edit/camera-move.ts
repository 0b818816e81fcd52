// The camera picker's value and the one spec field it becomes. A simple move has exactly one
// non-zero axis by construction: the picker holds one axis and one amount, never a config map.
import type { CameraAxis, CameraType, GenerationSpecInput } from '../../shared/generation.js';

export interface CameraMove {
  type: CameraType;
  axis: CameraAxis;
  /** −10..10; 0 is no move (refused: pick an amount). */
  amount: number;
}

export function cameraSpec(move: CameraMove): NonNullable<GenerationSpecInput['camera']> {
  return move.type === 'simple' ? { type: 'simple', config: { [move.axis]: move.amount } } : { type: move.type };
}

/** A sentence for the move, read out with the diagram. */
export function describeMove(move: CameraMove): string {
  if (move.type !== 'simple') {
    return {
      down_back: 'The camera descends and pulls back.',
      forward_up: 'The camera pushes forward and rises.',
      right_turn_forward: 'The camera turns right while moving forward.',
      left_turn_forward: 'The camera turns left while moving forward.',
    }[move.type];
  }
  if (move.amount === 0) return 'No move: set an amount.';
  const plus = move.amount > 0;
  const how = Math.abs(move.amount) <= 3 ? 'gently' : Math.abs(move.amount) <= 7 ? 'steadily' : 'strongly';
  const words: Record<CameraAxis, [string, string]> = {
    horizontal: ['trucks right', 'trucks left'],
    vertical: ['rises', 'descends'],
    pan: ['pans right', 'pans left'],
    tilt: ['tilts up', 'tilts down'],
    roll: ['rolls clockwise', 'rolls counter-clockwise'],
    zoom: ['zooms in', 'zooms out'],
  };
  return `The camera ${words[move.axis][plus ? 0 : 1]} ${how} (${move.axis} ${move.amount > 0 ? '+' : ''}${move.amount}).`;
}

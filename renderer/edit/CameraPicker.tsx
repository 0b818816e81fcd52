import { useId } from 'react';
import type { CameraAxis, CameraType } from '../../shared/generation.js';
import { ChoiceField } from '../generate/ChoiceField.js';
import { CAMERA_AXIS_LABELS, CAMERA_TYPE_LABELS } from '../generate/spec-draft.js';
import { describeMove, type CameraMove } from './camera-move.js';

const TYPES = Object.keys(CAMERA_TYPE_LABELS) as CameraType[];
const AXES = Object.keys(CAMERA_AXIS_LABELS) as CameraAxis[];

interface Props {
  value: CameraMove;
  /** Camera types this model offers in this mode; others show disabled with the reason. */
  offered: readonly string[];
  onChange(move: CameraMove): void;
}

/** Type, axis and amount of a camera move, with a small diagram of it. */
export function CameraPicker({ value, offered, onChange }: Props) {
  const descId = useId();
  return (
    <fieldset className="gen-group camera-picker" aria-describedby={descId}>
      <legend>Camera move</legend>
      <div className="camera-picker-body">
        <div className="gen-row">
          <ChoiceField
            label="Camera move"
            value={value.type}
            choices={TYPES.map((t) => ({ value: t, label: CAMERA_TYPE_LABELS[t], reason: offered.includes(t) ? null : 'not offered by this model in this mode' }))}
            onChange={(type) => onChange({ ...value, type })}
          />
          {value.type === 'simple' && (
            <>
              <ChoiceField label="Axis" value={value.axis} choices={AXES.map((a) => ({ value: a, label: CAMERA_AXIS_LABELS[a] }))} onChange={(axis) => onChange({ ...value, axis })} />
              <label className="field gen-field">
                <span className="field-label">Amount: {value.amount}</span>
                <input
                  type="range"
                  min={-10}
                  max={10}
                  step={1}
                  value={value.amount}
                  aria-valuetext={`${value.amount} (−10 to 10)`}
                  onChange={(e) => onChange({ ...value, amount: Number(e.target.value) })}
                />
              </label>
            </>
          )}
        </div>
        <CameraDiagram move={value} />
      </div>
      <p id={descId} className="gen-note">
        {describeMove(value)}
      </p>
    </fieldset>
  );
}

/** A frame and an arrow for the move: straight for trucks, pedestals and zooms, curved for turns. */
export function CameraDiagram({ move }: { move: CameraMove }) {
  const s = move.type === 'simple' ? Math.sign(move.amount) || 0 : 1;
  const len = move.type === 'simple' ? 8 + Math.abs(move.amount) * 2.4 : 24;
  let arrow: string;
  switch (move.type === 'simple' ? move.axis : move.type) {
    case 'horizontal': arrow = `M50 30 l${s * len} 0`; break;
    case 'vertical': arrow = `M50 30 l0 ${-s * len}`; break;
    case 'pan': arrow = `M${50 - s * len} 40 q${s * len} -16 ${s * len * 2} 0`; break;
    case 'tilt': arrow = `M70 ${30 + s * len * 0.6} q-14 ${-s * len * 0.6} 0 ${-s * len * 1.2}`; break;
    case 'roll': arrow = s >= 0 ? 'M36 30 a14 14 0 1 1 14 14' : 'M64 30 a14 14 0 1 0 -14 14'; break;
    case 'zoom': arrow = s >= 0 ? `M30 16 L${30 + len * 0.6} ${16 + len * 0.35} M70 44 L${70 - len * 0.6} ${44 - len * 0.35}` : `M44 24 L${44 - len * 0.6} ${24 - len * 0.35} M56 36 L${56 + len * 0.6} ${36 + len * 0.35}`; break;
    case 'down_back': arrow = 'M50 18 l0 18 l-14 6'; break;
    case 'forward_up': arrow = 'M50 42 l12 -8 l0 -16'; break;
    case 'right_turn_forward': arrow = 'M40 44 q0 -24 24 -24'; break;
    default: arrow = 'M60 44 q0 -24 -24 -24'; break;
  }
  return (
    <svg className="camera-diagram" viewBox="0 0 100 60" role="img" aria-label={`Diagram: ${describeMove(move)}`}>
      <defs>
        <marker id="camera-arrow-head" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse">
          <path d="M0 0 L10 5 L0 10 z" className="camera-diagram-head" />
        </marker>
      </defs>
      <rect x="18" y="6" width="64" height="48" rx="3" className="camera-diagram-frame" />
      {s !== 0 && <path d={arrow} className="camera-diagram-arrow" markerEnd="url(#camera-arrow-head)" />}
    </svg>
  );
}

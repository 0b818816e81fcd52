import { useId } from 'react';
import type { CameraAxis, CameraType } from '../../shared/generation.js';
import { ChoiceField } from './ChoiceField.js';
import type { ModelCapabilities } from '../../shared/jobs.js';
import { CAMERA_AXIS_LABELS, CAMERA_TYPE_LABELS, cameraReason, type Draft } from './spec-draft.js';

const CAMERA_TYPES = Object.keys(CAMERA_TYPE_LABELS) as CameraType[];
const CAMERA_AXES = Object.keys(CAMERA_AXIS_LABELS) as CameraAxis[];

interface Props {
  draft: Draft;
  model: ModelCapabilities | undefined;
  onChange(patch: Partial<Draft>): void;
}

/** Camera move: a type, and for "simple" the one axis that moves and how far (−10…10). */
export function CameraFields({ draft, model, onChange }: Props) {
  const reasonId = useId();
  const unavailable = cameraReason(model, draft.mode);
  const required = draft.taskType === 'camera_control';
  return (
    <fieldset className="gen-group" disabled={!!unavailable}>
      <legend>Camera</legend>
      {unavailable && (
        <p id={reasonId} className="gen-note">
          {unavailable}
        </p>
      )}
      {!required && (
        <label className="gen-check" title={unavailable ?? undefined}>
          <input
            type="checkbox"
            checked={draft.cameraOn}
            aria-describedby={unavailable ? reasonId : undefined}
            onChange={(e) => onChange({ cameraOn: e.target.checked })}
          />
          Move the camera
        </label>
      )}
      {draft.cameraOn && !unavailable && (
        <div className="gen-row">
          <ChoiceField
            label="Camera move"
            value={draft.cameraType}
            choices={CAMERA_TYPES.map((t) => ({ value: t, label: CAMERA_TYPE_LABELS[t], reason: cameraReason(model, draft.mode, t) }))}
            onChange={(cameraType) => onChange({ cameraType })}
          />
          {draft.cameraType === 'simple' && (
            <>
              <ChoiceField
                label="Axis"
                value={draft.cameraAxis}
                choices={CAMERA_AXES.map((a) => ({ value: a, label: CAMERA_AXIS_LABELS[a] }))}
                onChange={(cameraAxis) => onChange({ cameraAxis })}
              />
              <label className="field gen-field">
                <span className="field-label">Amount: {draft.cameraValue}</span>
                <input
                  type="range"
                  min={-10}
                  max={10}
                  step={1}
                  value={draft.cameraValue}
                  aria-valuetext={`${draft.cameraValue} (−10 to 10)`}
                  onChange={(e) => onChange({ cameraValue: Number(e.target.value) })}
                />
              </label>
            </>
          )}
        </div>
      )}
    </fieldset>
  );
}

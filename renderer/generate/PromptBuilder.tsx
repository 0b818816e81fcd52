import { useCallback, useEffect, useId, useState } from 'react';
import { errorMessage } from '../client/client.js';
import { useClient } from '../client/client-context.js';
import { useLiveCall } from '../client/use-live-call.js';
import { useShots } from './use-project-choices.js';
import {
  composePrompt, hasPreset, NEGATIVE_PRESETS, SHOT_FIELD_LABELS, SHOT_FIELDS, shotFieldsOf, togglePreset, type ShotFields,
} from './prompt-builder.js';

/** A project's style lock, live (another window may change it). */
export function useStyleLock(projectId: number | null): { value: string; loaded: boolean } {
  const client = useClient();
  const fetchLock = useCallback(
    () => (projectId === null ? Promise.resolve({ projectId: 0, styleLock: '' }) : client.call('prompt.styleLock', { projectId })),
    [client, projectId],
  );
  const lock = useLiveCall(fetchLock, (e) => e.type === 'catalogue.changed' && e.entity === 'projects');
  const current = projectId === null ? '' : lock.value?.projectId === projectId ? lock.value.styleLock : '';
  return { value: current, loaded: projectId === null || lock.value?.projectId === projectId };
}

interface Props {
  projectId: number | null;
  shotId: number | null;
  styleLock: string;
  /** The prompt as it will be sent (with the style lock) and the model's limit. */
  sentPrompt: string;
  promptMax: number;
  onCompose(prompt: string): void;
}

/**
 * The shot-list prompt builder (subject, action, framing, camera, lighting, style, prefilled from
 * the chosen shot), the project's style lock, and how long the prompt is as sent.
 */
export function PromptBuilder({ projectId, shotId, styleLock, sentPrompt, promptMax, onCompose }: Props) {
  const { shots } = useShots(projectId);
  const shot = shots.find((s) => s.id === shotId);
  const [fields, setFields] = useState<ShotFields>(() => shotFieldsOf(shot));
  // Picking another shot loads its fields (the user's edits to the previous shot's are dropped).
  useEffect(() => setFields(shotFieldsOf(shot)), [shot]);
  const composed = composePrompt(fields);
  const over = sentPrompt.length > promptMax;

  return (
    <details className="gen-group prompt-builder" open={!!shot}>
      <summary>Build the prompt from the shot list</summary>
      <div className="gen-row">
        {SHOT_FIELDS.map((f) => (
          <label key={f} className="field gen-field">
            <span className="field-label">{SHOT_FIELD_LABELS[f]}</span>
            <input className="input" value={fields[f]} onChange={(e) => setFields({ ...fields, [f]: e.target.value })} />
          </label>
        ))}
      </div>
      <div className="gen-row prompt-builder-actions">
        <button type="button" className="button" disabled={!composed} onClick={() => onCompose(composed)}>
          Use as prompt
        </button>
        <span className="gen-note">{composed ? `“${composed}”` : 'Fill in a field or two.'}</span>
      </div>
      {projectId !== null && <StyleLockField projectId={projectId} value={styleLock} />}
      {/* Only when it differs from the prompt box's own counter: the lock adds to the length. */}
      {styleLock && <p className={over ? 'gen-counter error-text' : 'gen-counter muted'} role="status" aria-label="Prompt as sent">
        As sent with the style lock: {sentPrompt.length.toLocaleString('en-US')} / {promptMax.toLocaleString('en-US')} characters
        {over ? ` — ${(sentPrompt.length - promptMax).toLocaleString('en-US')} too many for this model` : ''}
      </p>}
    </details>
  );
}

function StyleLockField({ projectId, value }: { projectId: number; value: string }) {
  const client = useClient();
  const id = useId();
  const [text, setText] = useState(value);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(value), [value]);
  const dirty = text.trim() !== value;
  return (
    <div className="field gen-field gen-wide">
      <label htmlFor={id} className="field-label">
        Project style lock (appended to every prompt of the project)
      </label>
      <div className="gen-row">
        <input id={id} className="input style-lock-input" value={text} placeholder="35mm film, muted teal and amber, soft grain" onChange={(e) => setText(e.target.value)} />
        <button
          type="button"
          className="button"
          disabled={!dirty}
          onClick={() => {
            setError(null);
            client.call('prompt.setStyleLock', { projectId, styleLock: text }).catch((err: unknown) => setError(errorMessage(err)));
          }}
        >
          Save style lock
        </button>
      </div>
      {error && <p role="alert" className="error-text">Not saved: {error}</p>}
    </div>
  );
}

/** One-click negative prompt presets; each toggles its words in the negative prompt. */
export function NegativePresets({ value, onChange }: { value: string; onChange(negative: string): void }) {
  return (
    <div className="gen-row negative-presets" role="group" aria-label="Negative prompt presets">
      {NEGATIVE_PRESETS.map((p) => (
        <label key={p} className="gen-check">
          <input type="checkbox" checked={hasPreset(value, p)} onChange={() => onChange(togglePreset(value, p))} /> {p}
        </label>
      ))}
    </div>
  );
}

import { useCallback, useId } from 'react';
import type { ImagesAs, WatchMode } from '../../../shared/channels/watch.js';
import { useClient } from '../../client/client-context.js';
import { useLiveCall } from '../../client/use-live-call.js';
import { IMAGES_AS_LABELS, IMAGES_AS_VALUES, MODE_HINTS, MODE_LABELS, WATCH_MODE_VALUES } from './watch-words.js';

/** The per-folder settings as the form edits them (patterns as text, one a line). */
export interface OptionsDraft {
  mode: WatchMode;
  projectId: number | null;
  include: string;
  exclude: string;
  recursive: boolean;
  imagesAs: ImagesAs;
}

interface Props {
  draft: OptionsDraft;
  onChange(draft: OptionsDraft): void;
  /** Field errors from the core, by field name. */
  errors: Partial<Record<keyof OptionsDraft, string>>;
}

/** Mode, target project, include/exclude patterns, recursion, what images become. */
export function WatchFolderOptions({ draft, onChange, errors }: Props) {
  const client = useClient();
  const fetchProjects = useCallback(() => client.call('projects.list', {}), [client]);
  const projects = useLiveCall(fetchProjects, (e) => e.type === 'catalogue.changed' && e.entity === 'projects').value ?? [];
  const set = <K extends keyof OptionsDraft>(key: K, value: OptionsDraft[K]) => onChange({ ...draft, [key]: value });
  const modeName = useId();
  const hintId = useId();

  return (
    <div className="watch-options">
      <fieldset className="watch-mode">
        <legend className="field-label">When a file arrives</legend>
        {WATCH_MODE_VALUES.map((mode) => (
          <label key={mode} className="watch-choice">
            <input type="radio" name={modeName} value={mode} checked={draft.mode === mode} onChange={() => set('mode', mode)} />
            <span>
              {MODE_LABELS[mode]}
              <span className="muted watch-choice-hint"> — {MODE_HINTS[mode]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="watch-row">
        <label className="field">
          <span className="field-label">Project</span>
          <select
            className="input"
            value={draft.projectId ?? ''}
            onChange={(e) => set('projectId', e.target.value ? Number(e.target.value) : null)}
          >
            <option value="">No project</option>
            {projects.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Images become</span>
          <select className="input" value={draft.imagesAs} onChange={(e) => set('imagesAs', e.target.value as ImagesAs)}>
            {IMAGES_AS_VALUES.map((v) => (
              <option key={v} value={v}>
                {IMAGES_AS_LABELS[v]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="watch-row">
        <PatternsField label="Include" value={draft.include} error={errors.include} hintId={hintId} onChange={(v) => set('include', v)} />
        <PatternsField label="Exclude" value={draft.exclude} error={errors.exclude} hintId={hintId} onChange={(v) => set('exclude', v)} />
      </div>
      <p id={hintId} className="muted field-hint">
        One pattern a line, relative to the folder, e.g. <code>*.mp4</code> or <code>renders/**</code>; a pattern without “/”
        matches names at any depth; case does not matter. No include pattern means every video, image and audio file.
      </p>
      <label className="watch-choice">
        <input type="checkbox" checked={draft.recursive} onChange={(e) => set('recursive', e.target.checked)} />
        <span>Include subfolders</span>
      </label>
    </div>
  );
}

function PatternsField(props: { label: string; value: string; error: string | undefined; hintId: string; onChange(v: string): void }) {
  const errorId = useId();
  return (
    <label className="field">
      <span className="field-label">{props.label} patterns</span>
      <textarea
        className="input mono watch-patterns"
        rows={2}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        spellCheck={false}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${errorId} ${props.hintId}` : props.hintId}
      />
      {props.error && (
        <span id={errorId} role="alert" className="error-text">
          {props.error}
        </span>
      )}
    </label>
  );
}

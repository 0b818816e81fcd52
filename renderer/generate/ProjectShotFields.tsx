import type { Shot } from '../../shared/domain.js';
import { ChoiceField } from './ChoiceField.js';
import { formatCredits } from './EstimateSummary.js';
import { useProjectChoices, useShots, type ProjectChoice } from './use-project-choices.js';

const NONE = 0;

interface Props {
  projectId: number | null;
  shotId: number | null;
  onChange(picked: { projectId: number | null; shotId: number | null }): void;
}

/**
 * Where the take is filed: a project (with what it has cost so far, so the spend is in view
 * before spending more) and one of that project's shots.
 */
export function ProjectShotFields({ projectId, shotId, onChange }: Props) {
  const { projects, error } = useProjectChoices();
  const shots = useShots(projectId);
  const shot = shots.shots.find((s) => s.id === shotId);
  return (
    <div className="gen-row">
      <ChoiceField
        label="Project"
        value={projectId ?? NONE}
        choices={[{ value: NONE, label: 'No project' }, ...projects.map((p) => ({ value: p.id, label: projectLabel(p) }))]}
        // A shot belongs to one project: changing the project drops it.
        onChange={(id) => onChange({ projectId: id === NONE ? null : id, shotId: null })}
      />
      <ChoiceField
        label="Shot"
        value={shot ? shot.id : NONE}
        choices={[{ value: NONE, label: 'No shot' }, ...shots.shots.map((s, i) => ({ value: s.id, label: `${i + 1}. ${s.name}` }))]}
        disabledReason={shotsUnavailable(projectId, shots)}
        onChange={(id) => onChange({ projectId, shotId: id === NONE ? null : id })}
      />
      {error && (
        <p role="alert" className="error-text gen-row-note">
          Could not load projects: {error}
        </p>
      )}
      {shot && <ShotBrief shot={shot} />}
    </div>
  );
}

function projectLabel(p: ProjectChoice): string {
  return p.credits === null ? p.name : `${p.name} — ${formatCredits(p.credits)}`;
}

function shotsUnavailable(projectId: number | null, shots: ReturnType<typeof useShots>): string | null {
  if (projectId === null) return 'Pick a project first: shots belong to a project';
  if (shots.error) return `Could not load this project’s shots: ${shots.error}`;
  if (shots.loaded && shots.shots.length === 0) return 'This project has no shots';
  return null;
}

/** The shot list's columns for the picked shot: what the prompt should describe. */
function ShotBrief({ shot }: { shot: Shot }) {
  const parts = [shot.framing, shot.subject, shot.action, shot.camera, shot.lighting, shot.style].filter((p) => p.trim());
  if (parts.length === 0) return null;
  return (
    <p className="gen-note gen-row-note">
      Shot brief: {parts.join(' · ')}
    </p>
  );
}

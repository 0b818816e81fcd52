// The project a bundle or hand-off dialog works on, from the library's projects.
import type { Project } from '../../shared/domain.js';

interface Props {
  label: string;
  projects: Project[];
  value: number | null;
  onChange(id: number): void;
}

export function ProjectSelect({ label, projects, value, onChange }: Props) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <select className="input" value={value ?? ''} onChange={(e) => onChange(Number(e.target.value))}>
        {projects.map((p) => (
          <option key={p.id} value={p.id}>{p.name}</option>
        ))}
      </select>
    </label>
  );
}

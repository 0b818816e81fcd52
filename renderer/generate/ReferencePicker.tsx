import { useCallback } from 'react';
import type { ReferenceCard, ReferenceRole } from '../../shared/domain.js';
import { useClient } from '../client/client-context.js';
import { useLiveCall } from '../client/use-live-call.js';
import { QualityBadge } from '../references/QualityBadge.js';
import { ROLE_LABELS, type PickedReference } from './spec-draft.js';

const REFERENCE_LIMIT = 60;

interface Props {
  roles: ReferenceRole[];
  picked: PickedReference[];
  onChange(picked: PickedReference[]): void;
  /** The account's provider, whose image limits the quality badges check against. */
  providerId: string | null;
  /** Kling elements chosen for the take (made in References → Create Kling element). */
  elementIds: string[];
  onElementsChange(ids: string[]): void;
}

/**
 * Library reference images, each "not used" or in one of the roles this task type takes, with
 * the role given in References and the quality badge for the role picked here. Images whose
 * library role this task takes come first.
 */
export function ReferencePicker({ roles, picked, onChange, providerId, elementIds, onElementsChange }: Props) {
  const client = useClient();
  const fetchRefs = useCallback(() => client.call('references.page', { limit: REFERENCE_LIMIT }), [client]);
  const refs = useLiveCall(fetchRefs, (e) => e.type === 'catalogue.changed' && e.entity === 'references');
  const images = (refs.value?.items ?? []).filter((r) => r.kind === 'image');
  const fits = (r: ReferenceCard) => (r.role && roles.includes(r.role) ? 0 : 1);
  const items = [...images].sort((a, b) => fits(a) - fits(b));

  // Each element once, with the images it was made from.
  const elements = new Map<string, string[]>();
  for (const r of refs.value?.items ?? []) for (const id of r.elementIds) elements.set(id, [...(elements.get(id) ?? []), r.title]);
  const toggleElement = (id: string) => onElementsChange(elementIds.includes(id) ? elementIds.filter((x) => x !== id) : [...elementIds, id]);

  const setRole = (ref: ReferenceCard, role: ReferenceRole | '') => {
    const rest = picked.filter((p) => p.refId !== ref.id);
    onChange(role ? [...rest, { refId: ref.id, role }] : rest);
  };

  return (
    <fieldset className="gen-group gen-wide">
      <legend>References</legend>
      {roles.length === 0 && <p className="gen-note">This task type takes no references.</p>}
      {roles.length > 0 && refs.error && <p role="alert" className="error-text">{refs.error}</p>}
      {roles.length > 0 && refs.value && items.length === 0 && (
        <p className="gen-note">No reference images in the library yet: import them in the References view.</p>
      )}
      {roles.length > 0 && items.length > 0 && (
        <ul className="gen-refs" aria-label="Reference images">
          {items.map((ref) => {
            const role = picked.find((p) => p.refId === ref.id)?.role ?? '';
            return (
              <li key={ref.id} className={role ? 'gen-ref gen-ref-picked' : 'gen-ref'} aria-label={ref.title}>
                {ref.hasPoster ? (
                  <img src={client.thumbUrl(ref.sha256, 'poster')} alt="" loading="lazy" />
                ) : (
                  <span className="tile-placeholder">{ref.kind}</span>
                )}
                <div className="gen-ref-role">
                  <span className="gen-ref-title" title={ref.title}>
                    {ref.title}
                  </span>
                  <span className="gen-note">{ref.role ? `Library role: ${ROLE_LABELS[ref.role]}` : 'No library role'}</span>
                  <select
                    className="input"
                    aria-label={`Role of ${ref.title}`}
                    value={role}
                    onChange={(e) => setRole(ref, e.target.value as ReferenceRole | '')}
                  >
                    <option value="">Not used</option>
                    {roles.map((r) => (
                      <option key={r} value={r}>
                        {ROLE_LABELS[r]}
                        {r === ref.role ? ' (library role)' : ''}
                      </option>
                    ))}
                  </select>
                  <QualityBadge card={{ ...ref, role: role || ref.role }} providerId={providerId} />
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {roles.length > 0 && elements.size > 0 && (
        <div className="gen-elements" role="group" aria-label="Kling elements">
          <span className="gen-note">Kling elements (Kling O1: name them in the prompt as &lt;&lt;&lt;element_1&gt;&gt;&gt;, in the order ticked)</span>
          {[...elements].map(([id, titles]) => (
            <label key={id} className="gen-check">
              <input type="checkbox" checked={elementIds.includes(id)} onChange={() => toggleElement(id)} />
              <code>{id}</code> <span className="muted">from {titles.join(', ')}</span>
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}

import { useCallback } from 'react';
import type { ReferenceCard, ReferenceRole } from '../../shared/domain.js';
import { useClient } from '../client/client-context.js';
import { useLiveCall } from '../client/use-live-call.js';
import { ROLE_LABELS, type PickedReference } from './spec-draft.js';

const REFERENCE_LIMIT = 60;

interface Props {
  roles: ReferenceRole[];
  picked: PickedReference[];
  onChange(picked: PickedReference[]): void;
}

/** Library references, each "not used" or in one of the roles this task type takes. */
export function ReferencePicker({ roles, picked, onChange }: Props) {
  const client = useClient();
  const fetchRefs = useCallback(() => client.call('references.page', { limit: REFERENCE_LIMIT }), [client]);
  const refs = useLiveCall(fetchRefs, (e) => e.type === 'catalogue.changed' && e.entity === 'references');
  const items = refs.value?.items ?? [];

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
        <p className="gen-note">No reference images in the library yet: import a folder with images first.</p>
      )}
      {roles.length > 0 && items.length > 0 && (
        <ul className="gen-refs" aria-label="Reference images">
          {items.map((ref) => {
            const role = picked.find((p) => p.refId === ref.id)?.role ?? '';
            return (
              <li key={ref.id} className={role ? 'gen-ref gen-ref-picked' : 'gen-ref'}>
                {ref.hasPoster ? (
                  <img src={client.thumbUrl(ref.sha256, 'poster')} alt="" loading="lazy" />
                ) : (
                  <span className="tile-placeholder">{ref.kind}</span>
                )}
                <label className="gen-ref-role">
                  <span className="gen-ref-title" title={ref.title}>
                    {ref.title}
                  </span>
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
                      </option>
                    ))}
                  </select>
                </label>
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}

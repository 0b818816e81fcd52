// The reference library: imported images, audio and source videos, each with its quality badge
// against the chosen provider, its role (kept in the catalogue, offered by the New generation
// form), and the Kling elements made from it.
import { useCallback, useEffect, useState } from 'react';
import type { ReferenceCard, ReferenceRole } from '../../shared/domain.js';
import { REFERENCE_IMAGE_LIMITS } from '../../shared/reference-quality.js';
import { errorMessage } from '../client/client.js';
import { useClient } from '../client/client-context.js';
import { useLiveCall } from '../client/use-live-call.js';
import { ROLE_LABELS } from '../generate/spec-draft.js';
import { ImportButton } from '../import/ImportButton.js';
import { ElementForm } from './ElementForm.js';
import { QualityBadge } from './QualityBadge.js';
import './references.css';

/** The most a references.page call returns; a library with more shows the newest. */
const LIMIT = 500;

/** The roles a user gives by hand, per kind of file. */
const ROLES_BY_KIND: Record<ReferenceCard['kind'], ReferenceRole[]> = {
  image: ['identity', 'product', 'style', 'first_frame', 'end_frame'],
  audio: ['audio'],
  video: ['source_video', 'style'],
};

export function ReferencesView() {
  const client = useClient();
  const fetchRefs = useCallback(() => client.call('references.page', { limit: LIMIT }), [client]);
  const refs = useLiveCall(fetchRefs, (e) => e.type === 'catalogue.changed' && e.entity === 'references');
  const [providerId, setProviderId] = useState<string>('kling');
  // Images ticked for a Kling element, in the order ticked (the first is the frontal view).
  const [picked, setPicked] = useState<number[]>([]);
  // A role just chosen, shown until the catalogue's answer comes back with it.
  const [pendingRoles, setPendingRoles] = useState<Record<number, ReferenceRole | null>>({});
  const [roleError, setRoleError] = useState<string | null>(null);
  const items = refs.value?.items ?? [];

  const roleOf = (card: ReferenceCard) => (card.id in pendingRoles ? pendingRoles[card.id]! : card.role);
  const setRole = async (card: ReferenceCard, role: ReferenceRole | null) => {
    setRoleError(null);
    setPendingRoles((p) => ({ ...p, [card.id]: role }));
    try {
      await client.call('references.setRole', { id: card.id, role });
    } catch (err) {
      setRoleError(`Role not saved for ${card.title}: ${errorMessage(err)}`);
      setPendingRoles(({ [card.id]: _failed, ...rest }) => rest);
    }
  };
  // The catalogue.changed event refetches the list; once a card says its new role, it is no longer pending.
  const loaded = refs.value;
  useEffect(() => {
    const cards = loaded?.items ?? [];
    setPendingRoles((p) => {
      const left = Object.entries(p).filter(([id, role]) => cards.find((c) => c.id === Number(id))?.role !== role);
      return left.length === Object.keys(p).length ? p : Object.fromEntries(left);
    });
  }, [loaded]);
  const togglePick = (id: number) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));
  const pickedCards = picked.map((id) => items.find((c) => c.id === id)).filter((c): c is ReferenceCard => !!c);

  return (
    <div className="refs-view">
      <header className="view-header">
        <h1>References</h1>
        <ImportButton asReferences />
        <label className="sort">
          Check against
          <select className="input" value={providerId} onChange={(e) => setProviderId(e.target.value)}>
            {Object.entries(REFERENCE_IMAGE_LIMITS).map(([id, l]) => (
              <option key={id} value={id}>
                {l.label}
              </option>
            ))}
            <option value="">The identity rule only</option>
          </select>
        </label>
      </header>
      {refs.error && <p role="alert" className="error-text pane-note">Could not load the references: {refs.error}</p>}
      {!refs.value && !refs.error && <progress className="progress-line" aria-label="Loading the references" />}
      {refs.value && items.length === 0 && (
        <div className="view-empty" role="region" aria-label="No references yet">
          <h2>No references yet</h2>
          <p>
            References ground a generation: a face or product to keep, a style, a first or end frame, audio for lip sync, a source
            video. Import a folder of them; each image gets a quality check, and you give each reference its role here.
          </p>
          <ImportButton primary asReferences />
        </div>
      )}
      {items.length > 0 && (
        <div className="view-body">
          {roleError && <p role="alert" className="error-text">{roleError}</p>}
          <ElementForm picked={pickedCards} onCreated={() => setPicked([])} />
          {refs.value?.nextCursor && <p className="muted">Showing the newest {LIMIT} references.</p>}
          <ul className="refs-list" aria-label="Reference files">
            {items.map((card) => {
              const role = roleOf(card);
              const pickIndex = picked.indexOf(card.id);
              return (
                <li key={card.id} className={pickIndex >= 0 ? 'refs-item refs-item-picked' : 'refs-item'} aria-label={card.title}>
                  <div className="refs-thumb">
                    {card.hasPoster ? <img src={client.thumbUrl(card.sha256, 'poster')} alt="" loading="lazy" /> : <span className="tile-placeholder">{card.kind}</span>}
                  </div>
                  <div className="refs-meta">
                    <span className="refs-title" title={card.title}>
                      {card.title}
                    </span>
                    <span className="muted">
                      {KIND_LABELS[card.kind]}
                      {card.width && card.height ? ` · ${card.width}×${card.height}` : ''} · {card.ext.toUpperCase()}
                    </span>
                    <QualityBadge card={{ ...card, role }} providerId={providerId || null} />
                    <label className="refs-role">
                      Role
                      <select
                        className="input"
                        aria-label={`Role of ${card.title}`}
                        value={role ?? ''}
                        onChange={(e) => void setRole(card, (e.target.value || null) as ReferenceRole | null)}
                      >
                        <option value="">No role</option>
                        {[...new Set([...ROLES_BY_KIND[card.kind], ...(card.role ? [card.role] : [])])].map((r) => (
                          <option key={r} value={r}>
                            {ROLE_LABELS[r]}
                          </option>
                        ))}
                      </select>
                    </label>
                    {card.kind === 'image' && (
                      <label className="gen-check">
                        <input type="checkbox" checked={pickIndex >= 0} onChange={() => togglePick(card.id)} />
                        For a Kling element{pickIndex === 0 ? ' (frontal view)' : pickIndex > 0 ? ` (view ${pickIndex + 1})` : ''}
                      </label>
                    )}
                    {card.elementIds.length > 0 && (
                      <span className="refs-elements">
                        Kling element{card.elementIds.length > 1 ? 's' : ''}: <code>{card.elementIds.join(', ')}</code>
                      </span>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}

const KIND_LABELS: Record<ReferenceCard['kind'], string> = { image: 'Image', audio: 'Audio', video: 'Source video' };

import { useEffect, useEffectEvent, useState } from 'react';
import { useCoreEvents } from '../client/client-context.js';
import { addArrival, details, headline, type Arrival } from './arrivals.js';

const HIDE_AFTER_MS = 10_000;

/**
 * "3 new clips from Downloads": one notice per watched folder, in a polite live region at the
 * bottom of the window. Each hides by itself after a while (not while pointed at or focused,
 * and not when something failed: those wait to be read), and can be dismissed.
 */
export function ArrivalsNotices({ onShow }: { onShow(arrival: Arrival): void }) {
  const [arrivals, setArrivals] = useState<Arrival[]>([]);
  useCoreEvents((e) => {
    if (e.type === 'watch.arrived') setArrivals((list) => addArrival(list, e));
  });
  const dismiss = (folderId: number) => setArrivals((list) => list.filter((a) => a.folderId !== folderId));

  return (
    <div className="arrivals" aria-live="polite">
      {arrivals.map((a) => (
        <ArrivalNotice
          key={a.folderId}
          arrival={a}
          onDismiss={() => dismiss(a.folderId)}
          onShow={() => {
            dismiss(a.folderId);
            onShow(a);
          }}
        />
      ))}
    </div>
  );
}

function ArrivalNotice({ arrival, onDismiss, onShow }: { arrival: Arrival; onDismiss(): void; onShow(): void }) {
  const [held, setHeld] = useState({ pointer: false, focus: false });
  const sticky = arrival.failed > 0 || held.pointer || held.focus;
  const hide = useEffectEvent(onDismiss);
  // A new batch (version) starts the wait again.
  useEffect(() => {
    if (sticky) return;
    const timer = setTimeout(() => hide(), HIDE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [sticky, arrival.version]);

  const title = headline(arrival);
  const more = arrival.imported + arrival.moved - arrival.names.length;
  const counts = details(arrival);
  return (
    <section
      className="arrival"
      aria-label={title}
      onPointerEnter={() => setHeld((h) => ({ ...h, pointer: true }))}
      onPointerLeave={() => setHeld((h) => ({ ...h, pointer: false }))}
      onFocus={() => setHeld((h) => ({ ...h, focus: true }))}
      onBlur={(e) => !e.currentTarget.contains(e.relatedTarget) && setHeld((h) => ({ ...h, focus: false }))}
      onKeyDown={(e) => e.key === 'Escape' && onDismiss()}
    >
      <div className="arrival-head">
        <strong className="arrival-title">{title}</strong>
        <button type="button" className="button button-icon" aria-label={`Dismiss: ${title}`} onClick={onDismiss}>
          ×
        </button>
      </div>
      {arrival.names.length > 0 && (
        <p className="arrival-names mono breakable">
          {arrival.names.join(', ')}
          {more > 0 && <span className="muted"> and {more} more</span>}
        </p>
      )}
      {counts.length > 0 && <p className="muted arrival-counts">{counts.join(' · ')}</p>}
      {arrival.errors.length > 0 && (
        <ul className="arrival-errors" aria-label="Problems">
          {arrival.errors.map((err, i) => (
            <li key={`${i}\u0000${err.path}`}>
              <span className="mono breakable">{baseName(err.path)}</span>: <span className="import-reason">{err.reason}</span>
            </li>
          ))}
        </ul>
      )}
      {arrival.imported + arrival.moved > 0 && (
        <div className="arrival-actions">
          <button type="button" className="button button-small" onClick={onShow}>
            Show in library
          </button>
        </div>
      )}
    </section>
  );
}

function baseName(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}

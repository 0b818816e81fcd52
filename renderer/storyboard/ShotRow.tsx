// One shot of the storyboard: number, name (rename in place), its pick, move controls (drag the
// row, or Move up / Move down), and its takes as a strip of thumbnails.
import { useState, type DragEvent } from 'react';
import type { StoryboardShot } from '../../shared/review.js';
import { useClient } from '../client/client-context.js';
import { formatShortDuration } from '../library/format.js';

const DRAG_TYPE = 'application/x-dailies-shot';

interface Props {
  shot: StoryboardShot;
  index: number;
  count: number;
  selectedId: number | null;
  dragging: number | null;
  onSelect(id: number): void;
  onOpen(id: number): void;
  onRename(name: string): void;
  onMoveUp(): void;
  onMoveDown(): void;
  onDragStart(): void;
  onDragEnd(): void;
  /** A shot dropped on this row: before it (upper half) or after it. */
  onDropBefore(draggedId: number, before: boolean): void;
  /** Shows every take of the shot in the Library (the strip holds only the newest few). */
  onShowAll(): void;
}

export function ShotRow(p: Props) {
  const { shot, index } = p;
  const client = useClient();
  const [renaming, setRenaming] = useState(false);
  const [drop, setDrop] = useState<'before' | 'after' | null>(null);
  const pick = shot.takes.find((t) => t.id === shot.pickId);
  const label = `Shot ${index + 1}: ${shot.name}`;

  const where = (e: DragEvent<HTMLElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    return e.clientY < box.top + box.height / 2 ? 'before' : 'after';
  };
  return (
    <li
      className="shot"
      aria-label={label}
      data-drop={drop ?? undefined}
      data-dragging={p.dragging === shot.id || undefined}
      onDragOver={(e) => {
        if (p.dragging === null || !e.dataTransfer.types.includes(DRAG_TYPE)) return;
        e.preventDefault();
        setDrop(where(e));
      }}
      onDragLeave={() => setDrop(null)}
      onDrop={(e) => {
        const id = Number(e.dataTransfer.getData(DRAG_TYPE));
        setDrop(null);
        if (!id) return;
        e.preventDefault();
        p.onDropBefore(id, where(e) === 'before');
      }}
    >
      <div className="shot-head">
        <span
          className="shot-handle"
          draggable
          title="Drag to reorder"
          aria-hidden="true"
          onDragStart={(e) => {
            e.dataTransfer.setData(DRAG_TYPE, String(shot.id));
            e.dataTransfer.effectAllowed = 'move';
            const row = e.currentTarget.closest('li');
            if (row) e.dataTransfer.setDragImage(row, 20, 20);
            p.onDragStart();
          }}
          onDragEnd={p.onDragEnd}
        >
          ⠿
        </span>
        <span className="shot-number">{index + 1}</span>
        {renaming ? (
          <RenameField
            name={shot.name}
            onDone={(name) => {
              setRenaming(false);
              if (name !== null && name !== shot.name) p.onRename(name);
            }}
          />
        ) : (
          <h2 className="shot-name">{shot.name}</h2>
        )}
        <span className="muted shot-meta">
          {shot.takeCount > 0 ? (
            <button type="button" className="link-button" title="Show this shot’s takes in the Library" onClick={p.onShowAll}>
              {shot.takeCount} take{shot.takeCount === 1 ? '' : 's'}
            </button>
          ) : (
            '0 takes'
          )}
          {shot.takeCount > 1 && ` · ${shot.takeCount - 1} reroll${shot.takeCount === 2 ? '' : 's'}`}
        </span>
        <span className={pick ? 'shot-pick' : 'muted shot-pick'}>{pick ? `Pick: ${pick.title}` : 'No pick yet'}</span>
        <span className="transport-spacer" />
        {!renaming && (
          <button type="button" className="button button-small" aria-label={`Rename ${shot.name}`} onClick={() => setRenaming(true)}>
            Rename
          </button>
        )}
        <button type="button" className="button button-small" aria-label={`Move ${shot.name} up`} disabled={index === 0} onClick={p.onMoveUp}>
          ↑
        </button>
        <button type="button" className="button button-small" aria-label={`Move ${shot.name} down`} disabled={index === p.count - 1} onClick={p.onMoveDown}>
          ↓
        </button>
      </div>
      {shot.takes.length === 0 ? (
        <p className="muted shot-empty">No takes yet: generate one for this shot (New generation → Shot), or import takes into the project.</p>
      ) : (
        <ul className="take-strip" aria-label={`Takes of ${shot.name}`}>
          {shot.takes.map((t) => (
            <li key={t.id}>
              <button
                type="button"
                className="take"
                aria-label={t.title}
                aria-pressed={p.selectedId === t.id}
                data-flag={t.flag ?? undefined}
                title={`${t.title}\nClick to select (then P, X, 1–5); double-click to open`}
                onClick={() => p.onSelect(t.id)}
                onDoubleClick={() => p.onOpen(t.id)}
                onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), p.onOpen(t.id))}
              >
                {t.hasPoster ? <img src={client.thumbUrl(t.sha256, 'poster')} alt="" loading="lazy" /> : <span className="take-empty" />}
                <span className="take-badges" aria-hidden="true">
                  {t.flag === 'pick' && <span className="take-pick">★ Pick</span>}
                  {t.flag === 'reject' && <span className="take-reject">✕</span>}
                  {t.rating > 0 && <span className="take-rating">{'★'.repeat(t.rating)}</span>}
                  <span className="take-duration">{formatShortDuration(t.durationMs)}</span>
                </span>
              </button>
            </li>
          ))}
          {shot.takeCount > shot.takes.length && (
            <li className="take-more">
              <button type="button" className="link-button" onClick={p.onShowAll}>
                +{shot.takeCount - shot.takes.length} more in the Library
              </button>
            </li>
          )}
        </ul>
      )}
    </li>
  );
}

function RenameField({ name, onDone }: { name: string; onDone(name: string | null): void }) {
  const [value, setValue] = useState(name);
  const submit = () => onDone(value.trim() ? value.trim() : null);
  return (
    <form
      className="shot-rename"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <input
        className="input"
        aria-label="Shot name"
        value={value}
        maxLength={200}
        autoFocus
        onChange={(e) => setValue(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), onDone(null))}
      />
      <button type="submit" className="button button-small">Save</button>
    </form>
  );
}

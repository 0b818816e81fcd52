// Pick (P), reject (X) and the 1–5 rating of the take shown.
import type { RenderFlag } from '../../shared/domain.js';

export interface Marks {
  flag: RenderFlag | null;
  rating: number;
}

export function MarksBar({ marks, onFlag, onRate, note }: {
  marks: Marks;
  onFlag(flag: RenderFlag | null): void;
  onRate(rating: number): void;
  /** A line under the bar, e.g. which take the pick would replace. */
  note?: string | null;
}) {
  return (
    <div className="marks">
      <div className="marks-row">
        <button
          type="button"
          className="button button-small mark-pick"
          aria-pressed={marks.flag === 'pick'}
          title="Pick for its shot (P)"
          onClick={() => onFlag(marks.flag === 'pick' ? null : 'pick')}
        >
          {marks.flag === 'pick' ? '★ Picked' : 'Pick'}
        </button>
        <button
          type="button"
          className="button button-small mark-reject"
          aria-pressed={marks.flag === 'reject'}
          title="Reject (X)"
          onClick={() => onFlag(marks.flag === 'reject' ? null : 'reject')}
        >
          {marks.flag === 'reject' ? '✕ Rejected' : 'Reject'}
        </button>
        <Rating value={marks.rating} onChange={onRate} />
      </div>
      {note && <p className="muted marks-note">{note}</p>}
    </div>
  );
}

export function Rating({ value, onChange, label = 'Rating' }: { value: number; onChange(rating: number): void; label?: string }) {
  return (
    <div className="rating" role="radiogroup" aria-label={label}>
      {[1, 2, 3, 4, 5].map((n) => (
        <button
          key={n}
          type="button"
          role="radio"
          className="rating-star"
          aria-checked={value === n}
          aria-label={`${n} star${n > 1 ? 's' : ''}`}
          title={`${n} (press ${n}; again to clear)`}
          data-lit={n <= value || undefined}
          onClick={() => onChange(value === n ? 0 : n)}
        >
          ★
        </button>
      ))}
    </div>
  );
}

import { memo, useState, type MouseEvent } from 'react';
import type { RenderCard } from '../../shared/domain.js';
import type { RenderHighlight } from '../../shared/channels/grid.js';
import type { SelectHow } from './grid-selection.js';
import { Marked } from './highlight.js';
import { useClient } from '../client/client-context.js';
import { useIsMissing } from '../watch/missing-assets.js';
import { formatCredits, formatResolution, formatShortDuration } from './format.js';
import { containBox } from './grid-layout.js';

export function tileId(renderId: number): string {
  return `render-tile-${renderId}`;
}

interface Props {
  card: RenderCard;
  hasPoster: boolean;
  spriteFrames: number;
  index: number;
  setSize: number;
  selected: boolean;
  active: boolean;
  tileWidth: number;
  thumbHeight: number;
  /** Matched words of the search, when searching. */
  highlight?: RenderHighlight | undefined;
  onPick(index: number, how: SelectHow): void;
}

/**
 * One take in the grid. Hover-scrub: the pointer's position across the thumbnail picks a frame
 * of the sprite strip (frames tiled left to right), shown by moving the strip's background.
 */
export const RenderTile = memo(function RenderTile({ card, hasPoster, spriteFrames, index, setSize, selected, active, tileWidth, thumbHeight, highlight, onPick }: Props) {
  const client = useClient();
  const [pointerX, setPointerX] = useState<number | null>(null);
  // A file catalogued in place that is gone: a badge instead of a poster and a scrub of nothing.
  const missing = useIsMissing(card.sha256);

  const onMove = (e: MouseEvent<HTMLDivElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    setPointerX(rect.width > 0 ? (e.clientX - rect.left) / rect.width : null);
  };

  const frames = spriteFrames;
  const frame = pointerX !== null && frames > 0 && !missing ? Math.min(frames - 1, Math.max(0, Math.floor(pointerX * frames))) : null;
  const aspect = card.width && card.height ? card.width / card.height : 16 / 9;
  const box = containBox(tileWidth, thumbHeight, aspect);

  return (
    <div
      role="option"
      id={tileId(card.id)}
      aria-label={card.title}
      aria-description={missing ? 'File missing' : undefined}
      aria-selected={selected}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      className="tile"
      data-active={active || undefined}
      data-flag={card.flag ?? undefined}
      onClick={(e) => onPick(index, e.shiftKey ? 'range' : e.ctrlKey || e.metaKey ? 'toggle' : 'only')}
    >
      <div className="tile-thumb" onMouseMove={onMove} onMouseLeave={() => setPointerX(null)}>
        {missing ? (
          <span className="tile-placeholder tile-missing">
            <span className="missing-badge">Missing</span>
          </span>
        ) : hasPoster ? (
          <img src={client.thumbUrl(card.sha256, 'poster')} alt={`Poster of ${card.title}`} loading="lazy" decoding="async" draggable={false} />
        ) : (
          <span className="tile-placeholder">{card.kind}</span>
        )}
        {frame !== null && (
          <div
            className="tile-scrub"
            data-testid="scrub-strip"
            aria-hidden="true"
            style={{
              width: box.width,
              height: box.height,
              backgroundImage: `url("${client.thumbUrl(card.sha256, 'sprite')}")`,
              backgroundSize: `${frames * 100}% 100%`,
              backgroundPosition: `${frames > 1 ? (frame / (frames - 1)) * 100 : 0}% 0%`,
            }}
          />
        )}
        {frame !== null && (
          <div className="tile-scrub-bar" aria-hidden="true" style={{ width: `${((frame + 1) / frames) * 100}%` }} />
        )}
        {card.durationMs !== null && <span className="tile-duration">{formatShortDuration(card.durationMs)}</span>}
      </div>
      <div className="tile-caption">
        <span className="tile-title" title={card.title}>
          {highlight ? <Marked text={highlight.title} /> : card.title}
        </span>
        <span className="tile-meta">
          {highlight?.prompt ? (
            <span className="tile-snippet" title="Prompt">
              <Marked text={highlight.prompt} />
            </span>
          ) : (
            <span className="tile-facts">
              {formatResolution(card.width, card.height)}
              {/* What the take cost, so sorting by credits shows why a tile is where it is. */}
              {card.costCredits > 0 && <span className="tile-cost" title="Credits spent on this take"> · {formatCredits(card.costCredits)} cr</span>}
            </span>
          )}
          <span className="tile-marks">
            {card.flag && <span className={`tile-flag tile-flag-${card.flag}`}>{card.flag === 'pick' ? 'Pick' : 'Reject'}</span>}
            {card.rating > 0 && (
              <span className="tile-stars" aria-label={`${card.rating} star${card.rating === 1 ? '' : 's'}`}>
                {'★'.repeat(card.rating)}
              </span>
            )}
          </span>
        </span>
      </div>
    </div>
  );
});

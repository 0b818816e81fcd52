// One take in Compare: its title, its video (driven by the shared transport), mute and remove.
import { useCallback, useEffect, useRef } from 'react';
import type { ReviewDetail } from '../../shared/review.js';
import { useClient } from '../client/client-context.js';
import { formatResolution } from '../library/format.js';

interface Props {
  detail: ReviewDetail;
  letter: string;
  videoRef(el: HTMLVideoElement | null): void;
  muted: boolean;
  onToggleMute(): void;
  onRemove(): void;
  /** In the A/B wipe, B is shown only right of this percentage. */
  clipLeft: number | null;
  onClick(): void;
}

export function ComparePane({ detail, letter, videoRef, muted, onToggleMute, onRemove, clipLeft, onClick }: Props) {
  const client = useClient();
  const own = useRef<HTMLVideoElement | null>(null);
  const setRef = useCallback(
    (el: HTMLVideoElement | null) => {
      own.current = el;
      videoRef(el);
    },
    [videoRef],
  );
  // The muted attribute only sets the initial state; the property follows the button.
  useEffect(() => {
    if (own.current) own.current.muted = muted;
  }, [muted]);
  const { asset } = detail;
  return (
    <figure className="compare-pane" aria-label={`${letter}: ${detail.title}`}>
      <figcaption className="compare-pane-head">
        <span className="compare-letter">{letter}</span>
        <span className="compare-title" title={detail.title}>{detail.title}</span>
        <span className="muted compare-meta">{formatResolution(asset.width, asset.height)}</span>
        <button type="button" className="button button-small" aria-pressed={muted} aria-label={`Mute ${letter}`} onClick={onToggleMute}>
          {muted ? 'Muted' : 'Sound'}
        </button>
        <button type="button" className="button button-small" aria-label={`Remove ${letter} from Compare`} onClick={onRemove}>
          ×
        </button>
      </figcaption>
      <div className="compare-video" style={clipLeft !== null ? { clipPath: `inset(0 0 0 ${clipLeft}%)` } : undefined}>
        {asset.kind === 'video' ? (
          <video
            ref={setRef}
            muted={muted}
            aria-label={`Player ${letter}: ${detail.title}`}
            src={client.mediaUrl(asset.sha256, asset.ext)}
            poster={asset.hasPoster ? client.thumbUrl(asset.sha256, 'poster') : undefined}
            preload="auto"
            playsInline
            onClick={onClick}
          />
        ) : (
          <img src={client.thumbUrl(asset.sha256, 'poster')} alt={`${letter}: ${detail.title}`} />
        )}
      </div>
    </figure>
  );
}

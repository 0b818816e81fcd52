// The detail panel's player: frame-accurate stepping, J/K/L shuttle, loop, in/out marks, and
// sound on or off (M) for takes that have any.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReviewDetail } from '../../shared/review.js';
import { useClient } from '../client/client-context.js';
import { PlayerControls } from '../player/PlayerControls.js';
import type { Playback } from '../player/use-playback.js';

export function DetailPlayer({ detail, playback, muted, onToggleMute }: {
  detail: ReviewDetail;
  playback: Playback;
  /** Kept by the panel, so it holds from take to take. */
  muted: boolean;
  onToggleMute(): void;
}) {
  const client = useClient();
  const [playError, setPlayError] = useState<string | null>(null);
  const own = useRef<HTMLVideoElement | null>(null);
  const attach = playback.attach(0);
  const setRef = useCallback(
    (el: HTMLVideoElement | null) => {
      own.current = el;
      attach(el);
    },
    [attach],
  );
  // The muted attribute only sets the initial state; the property follows the button.
  useEffect(() => {
    if (own.current) own.current.muted = muted;
  }, [muted]);
  const { asset } = detail;
  if (asset.kind !== 'video') {
    return asset.hasPoster ? <img className="player-still" src={client.thumbUrl(asset.sha256, 'poster')} alt={`Still: ${detail.title}`} /> : null;
  }
  return (
    <div className="detail-player">
      <div className="player-frame">
        <video
          ref={setRef}
          muted={muted}
          className="player"
          aria-label={`Player: ${detail.title}`}
          src={client.mediaUrl(asset.sha256, asset.ext)}
          poster={asset.hasPoster ? client.thumbUrl(asset.sha256, 'poster') : undefined}
          preload="auto"
          playsInline
          onClick={playback.toggle}
          onError={() => setPlayError('This browser cannot play the file (its codec may not be supported here).')}
        />
      </div>
      {playError && <p className="error-text">{playError}</p>}
      <PlayerControls playback={playback} label="Player controls">
        {asset.audioCodec !== null && (
          <button type="button" className="button button-small" aria-pressed={muted} aria-label="Mute" title="Sound on or off (M)" onClick={onToggleMute}>
            {muted ? 'Muted' : 'Sound'}
          </button>
        )}
      </PlayerControls>
    </div>
  );
}

// The detail panel's player: frame-accurate stepping, J/K/L shuttle, loop, in/out marks.
import { useState } from 'react';
import type { ReviewDetail } from '../../shared/review.js';
import { useClient } from '../client/client-context.js';
import { PlayerControls } from '../player/PlayerControls.js';
import type { Playback } from '../player/use-playback.js';

export function DetailPlayer({ detail, playback }: { detail: ReviewDetail; playback: Playback }) {
  const client = useClient();
  const [playError, setPlayError] = useState<string | null>(null);
  const { asset } = detail;
  if (asset.kind !== 'video') {
    return asset.hasPoster ? <img className="player-still" src={client.thumbUrl(asset.sha256, 'poster')} alt={`Still: ${detail.title}`} /> : null;
  }
  return (
    <div className="detail-player">
      <div className="player-frame">
        <video
          ref={playback.attach(0)}
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
      <PlayerControls playback={playback} label="Player controls" />
    </div>
  );
}

// "Play picks": each shot's pick in shot order, one after another, as a rough cut. Shots
// without a pick are skipped (and listed, so the gap is not a surprise).
import { useEffect, useRef, useState } from 'react';
import type { StoryboardShot } from '../../shared/review.js';
import { useClient } from '../client/client-context.js';
import { formatDuration } from '../library/format.js';

export function RoughCut({ shots, onClose }: { shots: StoryboardShot[]; onClose(): void }) {
  const client = useClient();
  const video = useRef<HTMLVideoElement>(null);
  const clips = shots.flatMap((s, i) => {
    const pick = s.takes.find((t) => t.id === s.pickId);
    return pick ? [{ shot: s, number: i + 1, take: pick }] : [];
  });
  const missing = shots.filter((s) => s.pickId === null);
  const [index, setIndex] = useState(0);
  const [playing, setPlaying] = useState(true);
  const [ended, setEnded] = useState(false);
  const clip = clips[Math.min(index, clips.length - 1)];
  const total = clips.reduce((s, c) => s + (c.take.durationMs ?? 0), 0);

  useEffect(() => {
    const v = video.current;
    if (!v || !playing) return;
    void v.play().catch(() => setPlaying(false));
  }, [index, playing, clip?.take.id]);

  if (!clip) return null;
  const go = (i: number) => {
    setEnded(false);
    setIndex(Math.max(0, Math.min(clips.length - 1, i)));
  };
  return (
    <section className="rough-cut" aria-label="Rough cut">
      <div className="rough-cut-head">
        <h2>Rough cut</h2>
        <span role="status" className="rough-cut-now">
          {ended ? 'End of the rough cut' : `Shot ${clip.number} of ${shots.length}: ${clip.shot.name} — ${clip.take.title}`}
        </span>
        <span className="muted">{clips.length} pick{clips.length === 1 ? '' : 's'} · {formatDuration(total)}</span>
        <span className="transport-spacer" />
        <button type="button" className="button button-icon" aria-label="Close rough cut" onClick={onClose}>×</button>
      </div>
      <video
        key={clip.take.id}
        ref={video}
        className="rough-cut-video"
        aria-label="Rough cut player"
        src={client.mediaUrl(clip.take.sha256, clip.take.ext)}
        poster={clip.take.hasPoster ? client.thumbUrl(clip.take.sha256, 'poster') : undefined}
        preload="auto"
        playsInline
        onPlay={() => setPlaying(true)}
        onEnded={() => {
          if (index < clips.length - 1) setIndex(index + 1);
          else {
            setEnded(true);
            setPlaying(false);
          }
        }}
      />
      <div className="transport-buttons">
        <button type="button" className="button button-small" aria-label="Previous shot" disabled={index === 0} onClick={() => go(index - 1)}>‹ Shot</button>
        <button
          type="button"
          className="button button-small transport-play"
          aria-label={playing ? 'Pause rough cut' : 'Play rough cut'}
          onClick={() => {
            if (playing) {
              video.current?.pause();
              setPlaying(false);
            } else {
              if (ended) go(0);
              setPlaying(true);
            }
          }}
        >
          {playing ? '❚❚' : '▶'}
        </button>
        <button type="button" className="button button-small" aria-label="Next shot" disabled={index >= clips.length - 1} onClick={() => go(index + 1)}>Shot ›</button>
        <ol className="rough-cut-progress" aria-label="Picks in order">
          {clips.map((c, i) => (
            <li key={c.take.id} aria-current={i === index || undefined}>
              <button type="button" className="rough-cut-step" onClick={() => go(i)}>{c.number}</button>
            </li>
          ))}
        </ol>
        {missing.length > 0 && (
          <span className="muted">Skipped (no pick): {missing.map((s) => s.name).join(', ')}</span>
        )}
      </div>
    </section>
  );
}

// The transport bar under a player (or under the compare panes): play, frame step, shuttle
// speed, loop, in/out marks, a scrub bar with the marks on it, and the timecode.
import type { ReactNode } from 'react';
import type { ReviewKey } from '../review-keys/use-review-keys.js';
import type { Playback } from './use-playback.js';
import { timecode } from './timecode.js';

/** `children`: the player's own buttons (the detail player's sound toggle), after Loop. */
export function PlayerControls({ playback, label, children }: { playback: Playback; label: string; children?: ReactNode }) {
  const { state, fps } = playback;
  const { duration, time, inPoint, outPoint } = state;
  const pct = (t: number) => `${duration > 0 ? (t / duration) * 100 : 0}%`;
  const speed = state.speed === 0 || state.speed === 1 ? null : `${state.speed < 0 ? '◀ ' : ''}${Math.abs(state.speed)}×`;
  return (
    <div className="transport" role="group" aria-label={label}>
      <div className="transport-scrub">
        <input
          type="range"
          className="transport-range"
          aria-label="Position"
          aria-valuetext={timecode(time, fps)}
          min={0}
          max={duration || 0}
          step={1 / fps}
          value={Math.min(time, duration || 0)}
          onChange={(e) => playback.seek(Number(e.currentTarget.value))}
        />
        {(inPoint !== null || outPoint !== null) && (
          <div
            className="transport-marked"
            aria-hidden="true"
            style={{ left: pct(inPoint ?? 0), right: `calc(100% - ${pct(outPoint ?? duration)})` }}
          />
        )}
      </div>
      <div className="transport-buttons">
        <button type="button" className="button button-small" aria-label="Previous frame" title="Previous frame (←)" onClick={() => playback.step(-1)}>
          ‹ 1f
        </button>
        <button
          type="button"
          className="button button-small transport-play"
          aria-label={state.playing ? 'Pause' : 'Play'}
          title="Play / pause (Space); J / K / L shuttle"
          onClick={playback.toggle}
        >
          {state.playing ? '❚❚' : '▶'}
        </button>
        <button type="button" className="button button-small" aria-label="Next frame" title="Next frame (→)" onClick={() => playback.step(1)}>
          1f ›
        </button>
        <output className="timecode mono" aria-label="Timecode">
          {timecode(time, fps)}
        </output>
        <span className="muted mono transport-duration">/ {timecode(duration, fps)}</span>
        {speed && <span className="transport-speed" aria-label={`Speed ${speed}`}>{speed}</span>}
        <span className="transport-spacer" />
        <button type="button" className="button button-small" aria-label="Mark in" title="Mark in (I)" onClick={playback.setIn}>
          In{inPoint !== null ? ` ${timecode(inPoint, fps)}` : ''}
        </button>
        <button type="button" className="button button-small" aria-label="Mark out" title="Mark out (O)" onClick={playback.setOut}>
          Out{outPoint !== null ? ` ${timecode(outPoint, fps)}` : ''}
        </button>
        {(inPoint !== null || outPoint !== null) && (
          <button type="button" className="button button-small" onClick={playback.clearMarks}>
            Clear marks
          </button>
        )}
        <button type="button" className="button button-small" aria-pressed={state.loop} title="Loop (between the marks when set)" onClick={playback.toggleLoop}>
          Loop
        </button>
        {children}
      </div>
    </div>
  );
}

/** The keys every player answers: Space, J/K/L, ←/→, I/O. */
export function transportKeys(playback: Playback): ReviewKey[] {
  return [
    { keys: ['Space'], label: 'Play / pause', run: playback.toggle },
    { keys: ['l'], label: 'Play forward (again: 2×, 4×)', run: () => playback.shuttle(1) },
    { keys: ['j'], label: 'Play backward (again: 2×, 4×)', run: () => playback.shuttle(-1) },
    { keys: ['k'], label: 'Stop', run: playback.pause },
    { keys: ['ArrowLeft'], label: 'Previous frame', run: () => playback.step(-1) },
    { keys: ['ArrowRight'], label: 'Next frame', run: () => playback.step(1) },
    { keys: ['i'], label: 'Mark in', run: playback.setIn },
    { keys: ['o'], label: 'Mark out', run: playback.setOut },
  ];
}

// Compare: two to four takes side by side, one transport for all (play, pause, seek, scrub and
// frame steps move every pane together), an A/B wipe for two, per-pane mute, and a diff of
// prompt and parameters. Opened from the compare set (C in the detail panel), a lineage branch,
// or a multi-selection (useNavigation().openCompare).
import { useCallback, useEffect, useState } from 'react';
import type { ReviewDetail } from '../../shared/review.js';
import { errorMessage } from '../client/client.js';
import { useClient, useCoreEvents } from '../client/client-context.js';
import { useNavigation, useViewActive } from '../app/navigation.js';
import { PlayerControls, transportKeys } from '../player/PlayerControls.js';
import { usableFps } from '../player/timecode.js';
import { usePlayback } from '../player/use-playback.js';
import { useReviewKeys } from '../review-keys/use-review-keys.js';
import { CompareDiff } from './CompareDiff.js';
import { ComparePane } from './ComparePane.js';

const LETTERS = ['A', 'B', 'C', 'D'];

/** The details of the takes in `ids`, in that order, refetched when any of them changes. */
function useDetails(ids: number[]): { details: ReviewDetail[] | null; error: string | null } {
  const client = useClient();
  const [state, setState] = useState<{ key: string; details: ReviewDetail[] | null; error: string | null }>({ key: '', details: null, error: null });
  const key = ids.join(',');
  const load = useCallback(() => {
    if (!ids.length) return;
    Promise.all(ids.map((id) => client.call('review.detail', { id }))).then(
      (details) => setState({ key, details, error: null }),
      (err: unknown) => setState((s) => ({ ...s, key, error: errorMessage(err) })),
    );
  }, [client, key]);
  useEffect(load, [load]);
  useCoreEvents((e) => e.type === 'catalogue.changed' && e.entity === 'renders' && e.ids.some((id) => ids.includes(id)) && load(), load);
  return state.key === key ? { details: state.details, error: state.error } : { details: null, error: null };
}

export function CompareView() {
  const nav = useNavigation();
  const ids = nav.compareIds;
  const { details, error } = useDetails(ids);
  return (
    <div className="compare">
      <header className="view-header">
        <h1>Compare</h1>
        <span className="muted">{ids.length ? `${ids.length} of up to 4 takes` : ''}</span>
        <span className="transport-spacer" />
        {ids.length > 0 && (
          <button type="button" className="button button-small" onClick={() => nav.openCompare([])}>
            Clear
          </button>
        )}
      </header>
      {ids.length < 2 && (
        <div className="view-empty" role="region" aria-label="Nothing to compare">
          <h2>{ids.length ? 'Add one more take to compare' : 'Nothing to compare yet'}</h2>
          <p>
            In the Library, select two to four takes (Shift- or Ctrl/⌘-click) and press <kbd>C</kbd> or the selection
            bar’s “Compare”; or open takes one at a time and press <kbd>C</kbd> (“Add to Compare”) on each. From a take’s
            lineage, “Compare with parent” and “Compare branch” open here directly.
          </p>
          <button type="button" className="button" onClick={() => nav.show('library')}>
            Go to the Library
          </button>
        </div>
      )}
      {error && <p className="error-text pane-note" role="alert">{error}</p>}
      {ids.length >= 2 && !details && !error && <progress className="progress-line" aria-label="Loading the takes" />}
      {ids.length >= 2 && details && <CompareStage key={ids.join(',')} details={details} onRemove={(id) => nav.toggleCompare(id)} />}
    </div>
  );
}

function CompareStage({ details, onRemove }: { details: ReviewDetail[]; onRemove(id: number): void }) {
  const active = useViewActive();
  const playback = usePlayback(usableFps(details[0]?.asset.fps));
  const [mode, setMode] = useState<'side' | 'wipe'>('side');
  const [wipe, setWipe] = useState(50);
  // Only the first pane is heard at first; each pane has its own mute.
  const [muted, setMuted] = useState<boolean[]>(() => details.map((_, i) => i > 0));
  const wiping = mode === 'wipe' && details.length === 2;
  useReviewKeys('Compare', transportKeys(playback));
  // A hidden view does not keep playing behind another one.
  useEffect(() => {
    if (!active) playback.pause();
  }, [active]);

  return (
    <div className="view-body compare-body">
      {details.length === 2 && (
      <div className="compare-toolbar">
        {(
          <div className="segmented" role="radiogroup" aria-label="Layout">
            <button type="button" role="radio" aria-checked={mode === 'side'} className="segmented-item" onClick={() => setMode('side')}>
              Side by side
            </button>
            <button type="button" role="radio" aria-checked={mode === 'wipe'} className="segmented-item" onClick={() => setMode('wipe')}>
              A/B wipe
            </button>
          </div>
        )}
        {wiping && (
          <label className="wipe-control">
            Wipe{' '}
            <input type="range" aria-label="Wipe position" min={0} max={100} value={wipe} onChange={(e) => setWipe(Number(e.currentTarget.value))} />
          </label>
        )}
      </div>
      )}
      <div className={`compare-stage compare-${details.length}${wiping ? ' compare-wipe' : ''}`} data-testid="compare-stage">
        {details.map((d, i) => (
          <ComparePane
            key={d.id}
            detail={d}
            letter={LETTERS[i]!}
            videoRef={playback.attach(i)}
            muted={muted[i] ?? true}
            onToggleMute={() => setMuted((m) => m.map((v, j) => (j === i ? !v : v)))}
            onRemove={() => onRemove(d.id)}
            clipLeft={wiping && i === 1 ? wipe : null}
            onClick={playback.toggle}
          />
        ))}
        {wiping && (
          <div
            className="wipe-line"
            aria-hidden="true"
            style={{ background: `linear-gradient(to right, transparent calc(${wipe}% - 1px), var(--accent) calc(${wipe}% - 1px), var(--accent) calc(${wipe}% + 1px), transparent calc(${wipe}% + 1px))` }}
          />
        )}
      </div>
      <PlayerControls playback={playback} label="Compare controls" />
      <CompareDiff details={details} letters={LETTERS} />
    </div>
  );
}

// The selected take: a player with frame-accurate controls, its marks, and everything the
// catalogue knows about it, each part a small component in renderer/detail/.
import { useCallback, useState, type ReactNode } from 'react';
import type { RenderFlag } from '../../shared/domain.js';
import type { ReviewDetail } from '../../shared/review.js';
import { errorMessage } from '../client/client.js';
import { useClient } from '../client/client-context.js';
import { useLiveCall } from '../client/use-live-call.js';
import { useNavigation } from '../app/navigation.js';
import { DetailPlayer } from '../detail/DetailPlayer.js';
import { EditActionsMenu } from '../edit/EditActionsMenu.js';
import { JobSection } from '../detail/JobSection.js';
import { LineageSection } from '../detail/LineageSection.js';
import { MarksBar } from '../detail/MarksBar.js';
import { MediaFacts } from '../detail/MediaFacts.js';
import { NotesSection } from '../detail/NotesSection.js';
import { ParametersSection } from '../detail/ParametersSection.js';
import { PromptSection } from '../detail/PromptSection.js';
import { ReferencesSection } from '../detail/ReferencesSection.js';
import { RevealFile } from '../detail/RevealFile.js';
import { transportKeys } from '../player/PlayerControls.js';
import { usableFps } from '../player/timecode.js';
import { usePlayback } from '../player/use-playback.js';
import { markKeys, useReviewKeys } from '../review-keys/use-review-keys.js';
import { LocateFile } from '../watch/LocateFile.js';
import { useIsMissing } from '../watch/missing-assets.js';
import { TryOnPanel } from '../try-on/TryOnPanel.js';

export interface DetailPanelProps {
  renderId: number;
  onClose(): void;
  /** Go to another take (a lineage thumbnail): the caller selects it. */
  onShowRender(id: number): void;
  /**
   * Extra actions for the take (e.g. the edit menu: extend, inpaint, …), shown in the panel's
   * Actions group beside Copy prompt and Reveal file.
   */
  actions?: (detail: ReviewDetail) => ReactNode;
  /** Whether P, X and 0–5 mark this take (false while the grid has several takes selected). */
  markKeys?: boolean;
}

export function DetailPanel({ renderId, onClose, onShowRender, actions, markKeys: marking = true }: DetailPanelProps) {
  const client = useClient();
  const fetchDetail = useCallback(() => client.call('review.detail', { id: renderId }), [client, renderId]);
  const { value: detail, error } = useLiveCall(
    fetchDetail,
    (e) => e.type === 'catalogue.changed' && e.entity === 'renders' && e.ids.includes(renderId),
  );
  // A detail fetched for a previous selection stays on screen until the new one arrives.
  const current = detail?.id === renderId ? detail : undefined;
  // Sound off stays off while the panel walks from take to take.
  const [muted, setMuted] = useState(false);

  return (
    <aside className="detail" aria-label="Render details" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="detail-header">
        <h2 className="detail-title" title={current?.title}>
          {current?.title ?? (error ? 'Render unavailable' : 'Loading…')}
        </h2>
        <button type="button" className="button button-icon" aria-label="Close details" onClick={onClose}>
          ×
        </button>
      </div>
      {error && !current && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {current && <DetailBody key={current.id} detail={current} onShowRender={onShowRender} actions={actions} marking={marking} muted={muted} onToggleMute={() => setMuted((m) => !m)} />}
    </aside>
  );
}

function DetailBody({ detail, onShowRender, actions, marking, muted, onToggleMute }: {
  detail: ReviewDetail;
  onShowRender(id: number): void;
  actions: DetailPanelProps['actions'];
  marking: boolean;
  muted: boolean;
  onToggleMute(): void;
}) {
  const client = useClient();
  const nav = useNavigation();
  const { asset } = detail;
  // Live: a file can go missing (or be found again) while its take is shown.
  const missing = useIsMissing(asset.sha256);
  const playback = usePlayback(usableFps(asset.fps));
  const [markError, setMarkError] = useState<string | null>(null);

  const mark = (change: { flag?: RenderFlag | null; rating?: number }) => {
    setMarkError(null);
    client.call('review.mark', { id: detail.id, ...change }).catch((err: unknown) => setMarkError(errorMessage(err)));
  };
  const setFlag = (flag: RenderFlag | null) => mark({ flag });
  const rate = (n: number) => mark({ rating: detail.rating === n ? 0 : n });
  const inCompare = nav.compareIds.includes(detail.id);

  const hasSound = asset.kind === 'video' && asset.audioCodec !== null;
  useReviewKeys('Playback', missing ? [] : [
    ...transportKeys(playback),
    { keys: ['m'], label: 'Sound on or off', enabled: hasSound, run: onToggleMute },
  ]);
  useReviewKeys('Take', [
    // Disabled marks fall through to the grid's keys, which act on the whole selection.
    ...markKeys(marking ? detail : undefined, mark),
    { keys: ['c'], label: 'Add the take to Compare (again to take it out)', enabled: marking, run: () => nav.toggleCompare(detail.id) },
  ]);

  const pickNote = detail.shot
    ? detail.flag === 'pick'
      ? `The pick of “${detail.shot.name}”.`
      : detail.shotPickId !== null
        ? `Picking this replaces the current pick of “${detail.shot.name}”.`
        : null
    : detail.flag !== 'pick'
      ? 'Not filed under a shot: a pick here marks it without a storyboard slot.'
      : null;

  return (
    <div className="detail-body">
      <LocateFile sha256={asset.sha256} missing={missing} origin={detail.origin} />
      {!missing && <DetailPlayer detail={detail} playback={playback} muted={muted} onToggleMute={onToggleMute} />}
      <MarksBar marks={detail} onFlag={setFlag} onRate={rate} note={pickNote} />
      {!marking && (
        <p className="muted keys-target-note" role="note">
          P, X, 0–5 and C act on the takes selected in the grid, not on this one; its buttons above still do.
        </p>
      )}
      {markError && <p className="error-text" role="alert">{markError}</p>}
      <div className="detail-actions detail-review-actions" role="group" aria-label="Actions">
        <button type="button" className="button button-small" aria-pressed={inCompare} title="Compare (C)" onClick={() => nav.toggleCompare(detail.id)}>
          {inCompare ? 'In Compare' : 'Add to Compare'}
        </button>
        <RevealFile renderId={detail.id} />
        {/* Edits make a child take through a provider, so only generated takes offer them. */}
        {detail.source === 'job' && <EditActionsMenu renderId={detail.id} />}
        {actions?.(detail)}
      </div>
      {detail.source === 'job' && <TryOnPanel renderId={detail.id} taskType={detail.taskType} costCredits={detail.costCredits} onShow={onShowRender} />}
      <MediaFacts detail={detail} />
      <PromptSection detail={detail} />
      <ReferencesSection detail={detail} />
      <ParametersSection detail={detail} />
      <LineageSection renderId={detail.id} onOpen={onShowRender} onCompare={nav.openCompare} />
      <JobSection detail={detail} />
      <NotesSection renderId={detail.id} notes={detail.notes} />
    </div>
  );
}

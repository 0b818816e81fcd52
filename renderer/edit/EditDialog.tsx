import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { EditContext } from '../../shared/channels/edit.js';
import type { AspectRatio, GenerationSpecInput } from '../../shared/generation.js';
import type { ModelCapabilities } from '../../shared/jobs.js';
import { useModalDialog } from '../app/use-modal-dialog.js';
import { errorMessage } from '../client/client.js';
import { useClient } from '../client/client-context.js';
import { useLiveCall } from '../client/use-live-call.js';
import { ChoiceField } from '../generate/ChoiceField.js';
import { EstimateSummary } from '../generate/EstimateSummary.js';
import { PromptField } from '../generate/PromptField.js';
import { useStyleLock } from '../generate/PromptBuilder.js';
import { ASPECTS } from '../generate/spec-draft.js';
import { withStyleLock, withoutStyleLock } from '../../shared/style-lock.js';
import { useEstimate } from '../generate/use-estimate.js';
import { CameraPicker } from './CameraPicker.js';
import { cameraSpec, type CameraMove } from './camera-move.js';
import { baseSpec, EDIT_LABELS, extendWarning, modelFor, type EditKind } from './edit-kinds.js';
import { FacePicker, faceMissing, useFaces } from './FacePicker.js';
import { MaskPainter, type MaskPainterHandle } from './MaskPainter.js';
import { MotionBrushEditor, type MotionBrushState } from './MotionBrushEditor.js';

const FALLBACK_PROMPT_MAX = 2500;

interface Props {
  kind: EditKind;
  ctx: EditContext;
  models: readonly ModelCapabilities[];
  onClose(): void;
  onSubmitted(jobId: number): void;
}

/** Fields a painted edit fills at submit (masks are saved then): not problems while painting. */
const FILLED_AT_SUBMIT: Partial<Record<EditKind, string[]>> = { inpaint: ['maskRefId'], motion_brush: ['motion'] };

/** One edit of one render: its own fields, the live estimate, and Submit (a new job). */
export function EditDialog({ kind, ctx, models, onClose, onSubmitted }: Props) {
  const ref = useModalDialog(true);
  const client = useClient();
  const model = modelFor(kind, ctx, models);
  // Prefilled with the user's words of the prompt as sent: without the lock applied then, so the
  // project's lock of today (shown in "Prompt as sent") is the only one sent.
  const [prompt, setPrompt] = useState(() => (kind === 'extend' || kind === 'lip_sync' ? '' : withoutStyleLock(ctx.spec?.prompt ?? '', ctx.spec?.styleLock)));
  const [negativePrompt, setNegativePrompt] = useState(ctx.spec?.negativePrompt ?? '');
  const [aspect, setAspect] = useState<AspectRatio>(() => (ctx.spec?.aspectRatio === '16:9' ? '9:16' : '16:9'));
  const [camera, setCamera] = useState<CameraMove>({ type: 'simple', axis: 'zoom', amount: 5 });
  const [audioRefId, setAudioRefId] = useState<number | null>(null);
  const [faceId, setFaceId] = useState<string | null>(null);
  const faces = useFaces(ctx.renderId, kind === 'lip_sync');
  const [motion, setMotion] = useState<MotionBrushState | null>(null);
  const [masked, setMasked] = useState(false);
  const painter = useRef<MaskPainterHandle>(null);
  const needsFrame = kind === 'inpaint' ? 'pick' : kind === 'motion_brush' || kind === 'camera_control' ? 'first' : kind === 'last_frame' ? 'last' : null;
  const [frameAt, setFrameAt] = useState(0);
  const frame = useFrame(ctx.renderId, needsFrame === 'pick' ? frameAt : needsFrame);
  /** The first or last frame a spec names, a reference from the start (the estimate checks it). */
  const frameRefId = frame.value?.refId ?? null;

  const spec = buildSpec();
  function buildSpec(): GenerationSpecInput | null {
    const spec = baseSpec(kind, ctx, model);
    if (kind === 'reroll') return spec;
    spec.prompt = prompt;
    spec.negativePrompt = negativePrompt;
    if (kind === 'extend' || kind === 'restyle' || kind === 'inpaint' || kind === 'outpaint') delete spec.aspectRatio;
    if (kind === 'outpaint') spec.aspectRatio = aspect;
    if (kind === 'restyle' || kind === 'inpaint' || kind === 'outpaint') spec.negativePrompt = '';
    if (kind === 'motion_brush' || kind === 'camera_control' || kind === 'last_frame') {
      if (frameRefId === null) return null;
      spec.references = [{ refId: frameRefId, role: 'first_frame' }];
    }
    if (kind === 'camera_control') {
      spec.camera = cameraSpec(camera);
      // Kling moves the camera on 5 s clips only.
      spec.durationS = 5;
    }
    if (kind === 'lip_sync') {
      if (audioRefId === null) return null;
      spec.lipSync = { audioRefId, ...(faceId !== null ? { faceId } : {}) };
    }
    return spec;
  }

  const estimate = useEstimate(spec);
  const problemsId = useId();
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const hidden = FILLED_AT_SUBMIT[kind] ?? [];
  const shown = estimate.result && !estimate.pending
    ? { ...estimate, result: { ...estimate.result, problems: estimate.result.problems.filter((p) => !hidden.some((h) => p.field.startsWith(h))) } }
    : estimate;
  const problems = shown.result && !shown.pending ? shown.result.problems : [];
  const promptMax = model?.promptMax ?? FALLBACK_PROMPT_MAX;
  const paintMissing = kind === 'inpaint' ? (!masked ? 'Paint the area to change.' : null)
    : kind === 'motion_brush' ? (!motion?.ready ? 'Paint each region and draw its path.' : null) : null;
  const faceProblem = kind === 'lip_sync' ? faceMissing(faces, faceId) : null;
  const overBudget = !!estimate.result?.budget?.wouldExceed;
  // The core ends the prompt with the project's style lock (not a lip sync's: none is sent); shown
  // here as it will be sent, and counted against the limit.
  const styleLock = useStyleLock(ctx.projectId).value;
  const sentPrompt = kind === 'lip_sync' ? prompt : withStyleLock(prompt, styleLock);
  const blocked = !spec || submitting || problems.length > 0 || !!paintMissing || !!faceProblem || sentPrompt.length > promptMax || estimate.pending;

  /** Saves what was painted as mask references and puts their ids in the spec. */
  const finalSpec = async (): Promise<GenerationSpecInput> => {
    const s = { ...spec! };
    if (kind === 'inpaint') {
      if (!frame.value || !painter.current) throw new Error('the frame is not loaded yet');
      const { png, coverage } = painter.current.toPng();
      if (coverage === 0 || coverage === 1) throw new Error('the mask covers nothing or everything: paint the area to change');
      // The frame chosen becomes a reference now (the same one if the library has it already);
      // the frames stopped on while scrubbing were previews and left nothing behind.
      const kept = await client.call('edit.frame', { renderId: ctx.renderId, at: frame.value.atMs });
      s.maskRefId = (await client.call('edit.saveMask', { frameRefId: kept.refId, png, label: 'Inpaint mask' })).refId;
    }
    if (kind === 'motion_brush') {
      if (frameRefId === null || !motion) throw new Error('the first frame is not loaded yet');
      s.motion = [];
      for (const [i, r] of motion.regions.entries()) {
        const { png } = r.painter.current!.toPng();
        const saved = await client.call('edit.saveMask', { frameRefId, png, label: `Motion region ${i + 1}` });
        s.motion.push({ maskRefId: saved.refId, trajectory: r.trajectory });
      }
    }
    return s;
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (blocked) return;
    setSubmitting(true);
    setSubmitError(null);
    try {
      const { jobId } = await client.call('jobs.submit', { spec: await finalSpec(), confirmOverBudget: overBudget });
      onSubmitted(jobId);
    } catch (err) {
      setSubmitError(errorMessage(err));
      setSubmitting(false);
    }
  };

  const title = `${EDIT_LABELS[kind]}: ${ctx.title}`;
  return (
    <dialog ref={ref} className="dialog gen-dialog edit-dialog" aria-label={EDIT_LABELS[kind]} onClose={onClose}>
      <h2 className="dialog-title" title={title}>
        {title}
      </h2>
      <form className="gen-fields" onSubmit={(e) => void onSubmit(e)} aria-label={`${EDIT_LABELS[kind]} settings`}>
        <p className="muted">
          {model ? `On ${model.label}` : 'No model'} · account {ctx.accountId} · the result is a new render made from this one.
        </p>
        {kind === 'extend' && <ExtendNote ctx={ctx} />}
        {kind === 'reroll' && <p>Runs the same settings again as a new job: {prompt ? `“${prompt}”` : 'no prompt'}.</p>}
        {kind === 'outpaint' && (
          <ChoiceField<AspectRatio>
            label="Target aspect"
            value={aspect}
            choices={ASPECTS.map((a) => ({ value: a, label: a, reason: model && !model.aspectRatios.includes(a) ? 'not offered by this model' : null }))}
            onChange={setAspect}
          />
        )}
        {needsFrame && <FrameStatus frame={frame} />}
        {kind === 'inpaint' && ctx.durationMs !== null && (
          <label className="field gen-field">
            <span className="field-label">Frame at {(frameAt / 1000).toFixed(1)} s</span>
            <input
              type="range"
              min={0}
              max={Math.max(0, (ctx.durationMs ?? 0) - 100)}
              step={100}
              value={frameAt}
              onChange={(e) => setFrameAt(Number(e.target.value))}
            />
          </label>
        )}
        {kind === 'inpaint' && frame.value && (
          <MaskPainter
            key={frame.value.atMs}
            ref={painter}
            frameUrl={frame.value.url}
            width={frame.value.width}
            height={frame.value.height}
            label="Inpaint mask"
            onPaintedChange={setMasked}
          />
        )}
        {kind === 'motion_brush' && frame.value && (
          <MotionBrushEditor frameUrl={frame.value.url} width={frame.value.width} height={frame.value.height} onChange={setMotion} />
        )}
        {kind === 'camera_control' && <CameraPicker value={camera} offered={model?.camera[spec?.mode ?? 'std'] ?? []} onChange={setCamera} />}
        {kind === 'last_frame' && frame.value && (
          <img className="frame-preview" src={frame.value.url} alt="Last frame, the new take’s first frame" />
        )}
        {kind === 'lip_sync' && <AudioPicker value={audioRefId} onChange={setAudioRefId} />}
        {kind === 'lip_sync' && <FacePicker faces={faces} value={faceId} onChange={setFaceId} />}
        {kind !== 'reroll' && (
          <PromptField
            label={kind === 'extend' ? 'Prompt for the continuation' : 'Prompt'}
            value={prompt}
            max={promptMax}
            rows={3}
            placeholder={PROMPT_HINTS[kind]}
            onChange={setPrompt}
          />
        )}
        {sentPrompt !== prompt && (
          <p className={sentPrompt.length > promptMax ? 'gen-counter error-text' : 'gen-counter muted'} role="status" aria-label="Prompt as sent">
            As sent with the project’s style lock: “{sentPrompt}” ({sentPrompt.length.toLocaleString('en-US')} / {promptMax.toLocaleString('en-US')} characters)
          </p>
        )}
        {(kind === 'extend' || kind === 'motion_brush' || kind === 'camera_control' || kind === 'last_frame') && (
          <PromptField label="Negative prompt" value={negativePrompt} max={promptMax} rows={2} onChange={setNegativePrompt} />
        )}
        {spec ? <EstimateSummary estimate={shown} problemsId={problemsId} /> : <p className="muted">Estimate after the inputs are chosen.</p>}
        {paintMissing && frame.value && <p className="gen-note">{paintMissing}</p>}
        {faceProblem && faces.value && faces.value.faces.length > 1 && <p className="gen-note">{faceProblem}</p>}
        {submitError && (
          <p role="alert" className="error-text">
            Not submitted: {submitError}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={blocked} aria-describedby={problems.length > 0 ? problemsId : undefined}>
            {submitting ? 'Submitting…' : overBudget ? 'Submit over budget' : 'Submit'}
          </button>
        </div>
      </form>
    </dialog>
  );
}

const PROMPT_HINTS: Record<EditKind, string> = {
  extend: 'What happens next (optional)',
  restyle: 'The new look: hand-drawn watercolour, soft paper texture',
  inpaint: 'What to put in the painted area: replace the sign with a paper lantern',
  outpaint: 'What the wider frame shows',
  motion_brush: 'What moves and how',
  camera_control: 'The shot, as before',
  lip_sync: 'Optional note (not sent by every provider)',
  last_frame: 'What happens in the new take',
  reroll: '',
};

function ExtendNote({ ctx }: { ctx: EditContext }) {
  const { depth, warning } = extendWarning(ctx);
  return (
    <>
      <p>
        Extension {depth} of this chain{ctx.chainDepth > 0 ? ` (this render is already extension ${ctx.chainDepth})` : ''}: about 5 s more, continuing from its end.
      </p>
      {warning && (
        <p role="alert" className="gen-budget gen-budget-over">
          {warning}
        </p>
      )}
    </>
  );
}

/** A frame shown in the dialog: a library reference (first, last), or a preview (a time picked). */
interface ShownFrame {
  atMs: number;
  width: number;
  height: number;
  url: string;
  /** The reference holding it; null for a preview, kept only when the edit is submitted. */
  refId: number | null;
}

interface FrameState {
  value: ShownFrame | null;
  error: string | null;
  loading: boolean;
}

/**
 * The frame an edit paints or starts on, pulled from the render by the core (ffmpeg). A time
 * picked on the slider is a preview: scrubbing adds nothing to the library. The first or last
 * frame is the edit's input from the start, so it is a reference (reused by content hash).
 */
function useFrame(renderId: number, at: 'first' | 'last' | number | null): FrameState {
  const client = useClient();
  const [state, setState] = useState<FrameState>({ value: null, error: null, loading: at !== null });
  const [settled, setSettled] = useState(at);
  // A dragged time slider settles before a frame is fetched.
  useEffect(() => {
    const t = setTimeout(() => setSettled(at), typeof at === 'number' ? 300 : 0);
    return () => clearTimeout(t);
  }, [at]);
  useEffect(() => {
    if (settled === null) return;
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    const shown: Promise<ShownFrame> = typeof settled === 'number'
      ? client.call('edit.framePreview', { renderId, at: settled }).then(({ jpegBase64, ...p }) => ({ ...p, url: `data:image/jpeg;base64,${jpegBase64}`, refId: null }))
      : client.call('edit.frame', { renderId, at: settled }).then((f) => ({ ...f, url: client.mediaUrl(f.sha256, 'png') }));
    shown.then(
      (value) => live && setState({ value, error: null, loading: false }),
      (err: unknown) => live && setState({ value: null, error: errorMessage(err), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [client, renderId, settled]);
  return state;
}

function FrameStatus({ frame }: { frame: FrameState }) {
  if (frame.error) return <p role="alert" className="error-text">Could not take the frame: {frame.error}</p>;
  if (frame.loading && !frame.value) return <p className="muted">Taking the frame…</p>;
  if (!frame.value) return null;
  return (
    <p className="muted" role="status" aria-label="Frame">
      Frame at {(frame.value.atMs / 1000).toFixed(1)} s, {frame.value.width}×{frame.value.height} px{frame.loading ? ' (updating…)' : ''}
    </p>
  );
}

/** Audio references in the library, for lip sync. */
function AudioPicker({ value, onChange }: { value: number | null; onChange(id: number | null): void }) {
  const client = useClient();
  const fetchRefs = useCallback(() => client.call('references.page', { limit: 500 }), [client]);
  const refs = useLiveCall(fetchRefs, (e) => e.type === 'catalogue.changed' && e.entity === 'references');
  const audio = (refs.value?.items ?? []).filter((r) => r.kind === 'audio');
  useEffect(() => {
    if (value === null && audio[0]) onChange(audio[0].id);
  }, [value, audio, onChange]);
  if (refs.error) return <p role="alert" className="error-text">Could not list audio: {refs.error}</p>;
  if (refs.value && audio.length === 0) return <p className="gen-note">No audio in the library: import an audio file (Import a folder…) first.</p>;
  return (
    <ChoiceField<number>
      label="Audio"
      value={value ?? 0}
      choices={[...(value === null ? [{ value: 0, label: 'Loading…' }] : []), ...audio.map((a) => ({ value: a.id, label: a.title }))]}
      onChange={(id) => onChange(id || null)}
    />
  );
}

import { useCallback, useId, useState, type FormEvent } from 'react';
import type { AspectRatio, Mode } from '../../shared/generation.js';
import type { ModelCapabilities } from '../../shared/jobs.js';
import { errorMessage } from '../client/client.js';
import { useClient } from '../client/client-context.js';
import { useLiveCall } from '../client/use-live-call.js';
import { CameraFields } from './CameraFields.js';
import { useModelCapabilities } from './use-model-capabilities.js';
import { ChoiceField } from './ChoiceField.js';
import { EstimateSummary } from './EstimateSummary.js';
import { ProjectShotFields } from './ProjectShotFields.js';
import { PromptField } from './PromptField.js';
import { NegativePresets, PromptBuilder, useStyleLock } from './PromptBuilder.js';
import { withStyleLock } from './prompt-builder.js';
import { ReferencePicker } from './ReferencePicker.js';
import {
  ASPECTS, MODE_LABELS, ROLES_FOR_TASK, TASK_LABELS, TASK_TYPES_IN_ORDER, aspectReason, constrain, durationReason,
  initialDraft, modeReason, modelReason, soundReason, taskTypeReason, toSpec, type Draft,
} from './spec-draft.js';
import { ResolutionField } from './ResolutionField.js';
import { useEstimate } from './use-estimate.js';

const FALLBACK_PROMPT_MAX = 2500;

interface Props {
  onSubmitted(jobId: number): void;
  onCancel(): void;
}

/** Account first (it decides the models), then the generation itself. */
export function GenerationForm({ onSubmitted, onCancel }: Props) {
  const client = useClient();
  const fetchAccounts = useCallback(() => client.call('providers.list', {}), [client]);
  const accounts = useLiveCall(fetchAccounts, () => false);
  const [accountId, setAccountId] = useState('demo');

  return (
    <div className="gen-form">
      {accounts.error && (
        <p role="alert" className="error-text">
          Could not load provider accounts: {accounts.error}
        </p>
      )}
      <ChoiceField<string>
        label="Account"
        value={accountId}
        choices={
          accounts.value && accounts.value.length > 0
            ? accounts.value.map((a) => ({ value: a.id, label: a.label, reason: a.configured ? null : 'Keys not configured: add them in Settings → Providers' }))
            : [{ value: 'demo', label: 'Demo (local simulator)' }]
        }
        onChange={setAccountId}
      />
      <ModelsLoader
        key={accountId}
        accountId={accountId}
        // The demo account is Kling's simulator; the list may not have answered yet.
        providerId={accounts.value?.find((a) => a.id === accountId)?.provider ?? (accountId === 'demo' ? 'kling' : null)}
        onSubmitted={onSubmitted}
        onCancel={onCancel}
      />
    </div>
  );
}

function ModelsLoader({ accountId, providerId, onSubmitted, onCancel }: Props & { accountId: string; providerId: string | null }) {
  const caps = useModelCapabilities(accountId);
  if (caps.error && !caps.value) {
    return (
      <>
        <p role="alert" className="error-text">
          Could not load this account’s models: {caps.error}
        </p>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </>
    );
  }
  if (!caps.value) return <p className="muted">Loading models…</p>;
  if (caps.value.models.length === 0) return <p className="error-text">This account offers no models.</p>;
  return <SpecFields accountId={accountId} providerId={providerId} models={caps.value.models} onSubmitted={onSubmitted} onCancel={onCancel} />;
}

function SpecFields({ accountId, providerId, models, onSubmitted, onCancel }: Props & { accountId: string; providerId: string | null; models: ModelCapabilities[] }) {
  const client = useClient();
  const [draft, setDraft] = useState<Draft>(() => constrain(initialDraft(accountId), models));
  const update = (patch: Partial<Draft>) => setDraft((d) => constrain({ ...d, ...patch }, models));
  const model = models.find((m) => m.model === draft.model);
  const promptMax = model?.promptMax ?? FALLBACK_PROMPT_MAX;

  const styleLock = useStyleLock(draft.projectId).value;
  const spec = { ...toSpec(draft), prompt: withStyleLock(draft.prompt, styleLock) };
  const estimate = useEstimate(spec);
  const problemsId = useId();
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [confirmingBudget, setConfirmingBudget] = useState(false);

  const problems = estimate.result && !estimate.pending ? estimate.result.problems : [];
  const overBudget = !!estimate.result?.budget?.wouldExceed;
  const promptTooLong = spec.prompt.length > promptMax || draft.negativePrompt.length > promptMax;
  const blocked = problems.length > 0 || promptTooLong || submitting;

  const submit = async (confirmOverBudget: boolean) => {
    setSubmitting(true);
    setSubmitError(null);
    try {
      const { jobId } = await client.call('jobs.submit', { spec, confirmOverBudget });
      onSubmitted(jobId);
    } catch (err) {
      setSubmitError(errorMessage(err));
      setSubmitting(false);
    }
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (blocked) return;
    if (overBudget) setConfirmingBudget(true);
    else void submit(false);
  };

  return (
    <form className="gen-fields" onSubmit={onSubmit} aria-label="Generation settings">
      <ProjectShotFields projectId={draft.projectId} shotId={draft.shotId} onChange={update} />
      <div className="gen-row">
        <ChoiceField
          label="Task type"
          value={draft.taskType}
          choices={TASK_TYPES_IN_ORDER.map((t) => ({ value: t, label: TASK_LABELS[t], reason: taskTypeReason(t, models) }))}
          onChange={(taskType) => update({ taskType })}
        />
        <ChoiceField
          label="Model"
          value={draft.model}
          choices={models.map((m) => ({ value: m.model, label: m.label, reason: modelReason(m, draft.taskType) }))}
          onChange={(m) => update({ model: m })}
        />
        <ChoiceField
          label="Mode"
          value={draft.mode}
          choices={(Object.keys(MODE_LABELS) as Mode[]).map((m) => ({ value: m, label: MODE_LABELS[m], reason: modeReason(model, m) }))}
          onChange={(mode) => update({ mode })}
        />
      </div>
      <div className="gen-row">
        <ChoiceField
          label="Duration"
          value={draft.durationS}
          choices={durationChoices(models).map((s) => ({ value: s, label: `${s} s`, reason: durationReason(model, s, draft.resolution, draft.taskType) }))}
          onChange={(durationS) => update({ durationS })}
        />
        <ChoiceField
          label="Aspect ratio"
          value={draft.aspectRatio}
          choices={ASPECTS.map((a: AspectRatio) => ({ value: a, label: a, reason: aspectReason(model, a) }))}
          onChange={(aspectRatio) => update({ aspectRatio })}
        />
        <ResolutionField models={models} model={model} value={draft.resolution} onChange={(resolution) => update({ resolution })} />
        <SoundField checked={draft.sound} reason={soundReason(model)} onChange={(sound) => update({ sound })} />
      </div>
      <PromptBuilder projectId={draft.projectId} shotId={draft.shotId} styleLock={styleLock} sentPrompt={spec.prompt} promptMax={promptMax} onCompose={(prompt) => update({ prompt })} />
      <PromptField
        label="Prompt"
        value={draft.prompt}
        max={promptMax}
        placeholder="A lighthouse at dusk, waves breaking, slow dolly in"
        onChange={(prompt) => update({ prompt })}
      />
      <PromptField
        label="Negative prompt"
        value={draft.negativePrompt}
        max={promptMax}
        rows={2}
        placeholder="What to keep out: blur, text, extra fingers"
        onChange={(negativePrompt) => update({ negativePrompt })}
      />
      <NegativePresets value={draft.negativePrompt} onChange={(negativePrompt) => update({ negativePrompt })} />
      <ReferencePicker
        roles={ROLES_FOR_TASK[draft.taskType] ?? []}
        picked={draft.references}
        onChange={(references) => update({ references })}
        providerId={providerId}
        elementIds={draft.elementIds}
        onElementsChange={(elementIds) => update({ elementIds })}
      />
      <CameraFields draft={draft} model={model} onChange={update} />

      <EstimateSummary estimate={estimate} problemsId={problemsId} />
      {submitError && (
        <p role="alert" className="error-text">
          Not submitted: {submitError}
        </p>
      )}
      {confirmingBudget ? (
        <div className="gen-confirm" role="alertdialog" aria-label="Confirm over budget">
          <p>This take would take the project over its budget. Submit it anyway?</p>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setConfirmingBudget(false)}>
              Don’t submit
            </button>
            <button type="button" className="button button-primary" disabled={submitting} onClick={() => void submit(true)}>
              Submit over budget
            </button>
          </div>
        </div>
      ) : (
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={blocked}
            aria-describedby={problems.length > 0 ? problemsId : undefined}
          >
            {submitting ? 'Submitting…' : 'Submit'}
          </button>
        </div>
      )}
    </form>
  );
}

function SoundField({ checked, reason, onChange }: { checked: boolean; reason: string | null; onChange(on: boolean): void }) {
  const noteId = useId();
  return (
    <div className="field gen-field">
      <span className="field-label" aria-hidden="true">
        Sound
      </span>
      <label className="gen-check" title={reason ?? undefined}>
        <input
          type="checkbox"
          checked={checked}
          disabled={!!reason}
          aria-describedby={reason ? noteId : undefined}
          onChange={(e) => onChange(e.target.checked)}
        />
        Generate sound
      </label>
      {reason && (
        <span id={noteId} className="gen-note">
          {reason}
        </span>
      )}
    </div>
  );
}

/** Every duration any of the account's models renders, so unsupported ones show with a reason. */
function durationChoices(models: readonly ModelCapabilities[]): number[] {
  return [...new Set(models.flatMap((m) => m.durationsS))].sort((a, b) => a - b);
}

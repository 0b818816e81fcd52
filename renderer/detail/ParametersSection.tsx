// Generation parameters as stored on the take (the prompt is shown above, not repeated).
import type { ReviewDetail } from '../../shared/review.js';
import { KeyValues, Section } from './Section.js';

const SHOWN_ELSEWHERE = new Set(['prompt', 'negativePrompt', 'references']);

type Facts = Pick<ReviewDetail, 'params' | 'provider' | 'model' | 'taskType' | 'project' | 'shot'>;

/**
 * Parameters the take already shows by name — its provider, model and task, its project and shot —
 * are left out when they say the same thing (a "shotId 3" row next to "Shot: The cook" is noise,
 * and in Compare it would flag ids as a difference). A value that disagrees is kept.
 */
function sameAsShown(detail: Facts, key: string, value: unknown): boolean {
  switch (key) {
    case 'provider': return value === detail.provider;
    case 'model': return value === detail.model;
    case 'taskType': return value === detail.taskType;
    case 'projectId': return detail.project !== null && value === detail.project.id;
    case 'shotId': return detail.shot !== null && value === detail.shot.id;
    default: return false;
  }
}

export function parameterValues(detail: Facts): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(detail.params).filter(([k, v]) => !SHOWN_ELSEWHERE.has(k) && v !== undefined && v !== null && !sameAsShown(detail, k, v)),
  );
}

export function ParametersSection({ detail }: { detail: ReviewDetail }) {
  const values = parameterValues(detail);
  const facts: Record<string, unknown> = {
    ...(detail.provider ? { provider: detail.provider } : {}),
    ...(detail.model ? { model: detail.model } : {}),
    ...(detail.taskType ? { task: detail.taskType } : {}),
  };
  if (!Object.keys(values).length && !Object.keys(facts).length) return null;
  return (
    <Section title="Parameters">
      <KeyValues label="Parameters" values={{ ...facts, ...values }} />
    </Section>
  );
}

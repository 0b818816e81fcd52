// Generation parameters as stored on the take (the prompt is shown above, not repeated).
import type { ReviewDetail } from '../../shared/review.js';
import { KeyValues, Section } from './Section.js';

const SHOWN_ELSEWHERE = new Set(['prompt', 'negativePrompt', 'references']);

export function parameterValues(detail: Pick<ReviewDetail, 'params'>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(detail.params).filter(([k, v]) => !SHOWN_ELSEWHERE.has(k) && v !== undefined && v !== null));
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

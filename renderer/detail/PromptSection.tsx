// The prompt as structured fields and negative, with Copy prompt.
import type { ReviewDetail } from '../../shared/review.js';
import { CopyButton } from '../library/CopyButton.js';
import { KeyValues, Section } from './Section.js';

export function PromptSection({ detail }: { detail: ReviewDetail }) {
  const { prompt } = detail;
  if (!prompt) {
    return (
      <Section title="Prompt">
        <p className="muted">No prompt is known for this take. Imports learn it from a sidecar file or the tool's metadata (docs/sidecar.md).</p>
      </Section>
    );
  }
  return (
    <Section title="Prompt" extra={<CopyButton text={prompt.text} label="Copy prompt" />}>
      <p className="prompt-text prompt-block">{prompt.text}</p>
      {prompt.negative && (
        <p className="prompt-text prompt-negative">
          <span className="muted">Negative: </span>
          {prompt.negative}
        </p>
      )}
      <KeyValues label="Prompt fields" values={detail.promptFields} />
    </Section>
  );
}

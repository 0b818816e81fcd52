import type { ReferenceCard } from '../../shared/domain.js';
import { checkReference, REFERENCE_IMAGE_LIMITS } from '../../shared/reference-quality.js';
import './references.css';

/**
 * "Good" or "Check" for an image reference in its role against a provider's limits, with every
 * reason written out (not only in a tooltip). Used by References and the generation form's picker.
 */
export function QualityBadge({ card, providerId }: { card: ReferenceCard; providerId: string | null }) {
  if (card.kind !== 'image') return null;
  const verdict = checkReference(card, providerId);
  const limits = providerId ? REFERENCE_IMAGE_LIMITS[providerId] : undefined;
  const against = limits ? ` for ${limits.label}` : '';
  return (
    <div className="ref-quality" role="group" aria-label={`Quality of ${card.title}`}>
      <span className={verdict.ok ? 'ref-badge ref-badge-ok' : 'ref-badge ref-badge-warn'}>
        {verdict.ok ? `✓ Good${against}` : `⚠ Check${against}`}
      </span>
      {verdict.reasons.length > 0 && (
        <ul className="ref-reasons">
          {verdict.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

// The references the take was made from, each with its role.
import type { ReviewDetail } from '../../shared/review.js';
import { useClient } from '../client/client-context.js';
import { Section } from './Section.js';

const ROLE_WORDS: Record<string, string> = {
  identity: 'Identity', product: 'Product', style: 'Style', first_frame: 'First frame', end_frame: 'End frame', mask: 'Mask',
  motion_trajectory: 'Motion trajectory', camera_path: 'Camera path', audio: 'Audio', source_video: 'Source video',
};

export function ReferencesSection({ detail }: { detail: ReviewDetail }) {
  const client = useClient();
  if (!detail.references.length) return null;
  return (
    <Section title="References">
      <ul className="ref-strip" aria-label="References used">
        {detail.references.map((r) => (
          <li key={`${r.id}-${r.role}`} className="ref-item" aria-label={`${r.title}: ${ROLE_WORDS[r.role] ?? r.role}`}>
            {r.hasPoster ? <img src={client.thumbUrl(r.sha256, 'poster')} alt="" /> : <span className="ref-placeholder">{r.kind}</span>}
            <span className="ref-role">{ROLE_WORDS[r.role] ?? r.role}</span>
            <span className="ref-title" title={r.title}>{r.title}</span>
          </li>
        ))}
      </ul>
    </Section>
  );
}

import type { ProviderCatalogEntry } from '../../../shared/providers.js';

/** A provider's notice (Sora 2's shutdown) as a visible note, wherever the provider is offered. */
export function ProviderNoticeLine({ notice, label }: { notice: ProviderCatalogEntry['notice']; label: string }) {
  if (!notice) return null;
  const prefix = notice.kind === 'shutdown' ? `Shutting down${notice.date ? ` on ${notice.date}` : ''}` : notice.kind === 'deprecated' ? 'Deprecated' : 'Note';
  return (
    <p role="note" className={`provider-notice provider-notice-${notice.kind}`} aria-label={`${label} notice`}>
      <strong>{prefix}:</strong> {notice.message}
    </p>
  );
}

import { useCallback, useState, type FormEvent } from 'react';
import type { ReferenceCard } from '../../shared/domain.js';
import { errorMessage } from '../client/client.js';
import { useClient } from '../client/client-context.js';
import { useLiveCall } from '../client/use-live-call.js';
import { useViewActive } from '../app/navigation.js';

interface Props {
  /** In the order picked: the first is the element's frontal view. */
  picked: ReferenceCard[];
  onCreated(): void;
}

/** Kling takes a frontal view and up to three more per element. */
const MAX_IMAGES = 4;

/**
 * "Create Kling element" from one to four ticked images, on a Kling account (the demo account
 * works offline). The id Kling gives back is kept on each image and shown on its card.
 */
export function ElementForm({ picked, onCreated }: Props) {
  const client = useClient();
  // No event says an account was added in Settings: asked again each time the view is shown.
  const active = useViewActive();
  const fetchAccounts = useCallback(() => client.call('providers.list', {}), [client, active]); // eslint-disable-line react-hooks/exhaustive-deps
  const accounts = useLiveCall(fetchAccounts, () => false);
  const kling = (accounts.value ?? []).filter((a) => a.provider === 'kling' && a.configured);
  const [accountId, setAccountId] = useState('');
  const chosen = kling.find((a) => a.id === accountId) ?? kling[0];
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const count = picked.length;
  const reason =
    count === 0 ? 'Tick one to four images below (For a Kling element); the first ticked is the frontal view.'
      : count > MAX_IMAGES ? `Kling takes at most ${MAX_IMAGES} images per element: untick ${count - MAX_IMAGES}.`
      : !chosen ? 'No Kling account with keys: add one in Settings → Providers.'
      : !name.trim() ? 'Give the element a name.'
      : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (reason || busy || !chosen) return;
    setBusy(true);
    setMessage(null);
    try {
      const [frontal, ...more] = picked;
      const el = await client.call('elements.create', {
        accountId: chosen.id, name: name.trim(), frontalRefId: frontal!.id, referRefIds: more.map((r) => r.id),
      });
      setMessage({ error: false, text: `Element “${el.name}” created on ${chosen.label}: ${el.elementId}` });
      setName('');
      onCreated();
    } catch (err) {
      setMessage({ error: true, text: `Element not created: ${errorMessage(err)}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="refs-element-form" aria-label="Create Kling element" onSubmit={submit}>
      <strong>Kling element</strong>
      <span className="muted">{count} image{count === 1 ? '' : 's'} ticked</span>
      {kling.length > 1 ? (
        <select className="input" aria-label="Kling account" value={chosen?.id ?? ''} onChange={(e) => setAccountId(e.target.value)}>
          {kling.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </select>
      ) : (
        chosen && <span className="muted">on {chosen.label}</span>
      )}
      <input className="input" aria-label="Element name" maxLength={20} placeholder="Name (up to 20 characters)" value={name} onChange={(e) => setName(e.target.value)} />
      <button type="submit" className="button button-primary" disabled={!!reason || busy} title={reason ?? undefined}>
        {busy ? 'Creating…' : 'Create Kling element'}
      </button>
      {reason && <span className="gen-note refs-element-reason">{reason}</span>}
      {message && (
        <span role={message.error ? 'alert' : 'status'} className={message.error ? 'error-text' : 'refs-created'}>
          {message.text}
        </span>
      )}
    </form>
  );
}

import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useClient } from '../../client/client-context.js';
import { useLiveCall } from '../../client/use-live-call.js';
import { SaveError, useSave } from './use-save.js';

/**
 * Settings → Providers → Callbacks: the public address (a tunnel to this machine) a provider
 * can POST "your task changed" to. Empty: no callback address is sent and jobs are polled.
 * A callback only makes Dailies ask the provider at once; it is never trusted by itself.
 */
export function CallbackSettings() {
  const client = useClient();
  const [version, setVersion] = useState(0);
  const fetchSettings = useCallback(() => {
    void version;
    return client.call('jobs.callbackSettings', {});
  }, [client, version]);
  const current = useLiveCall(fetchSettings, () => false);
  const [draft, setDraft] = useState('');
  const { saving, error, save: run } = useSave();
  const hint = useId();
  useEffect(() => setDraft(current.value?.publicBaseUrl ?? ''), [current.value?.publicBaseUrl]);

  const save = (e: FormEvent) => {
    e.preventDefault();
    return run(async () => {
      await client.call('jobs.setCallbackBase', { publicBaseUrl: draft.trim() || null });
      setVersion((v) => v + 1);
    });
  };

  const local = current.value?.localUrl;
  return (
    <form className="account-form" aria-label="Provider callbacks" onSubmit={(e) => void save(e)}>
      <h4 className="settings-heading">Callbacks</h4>
      <label className="field">
        <span className="field-label">Public callback URL</span>
        <input
          className="input mono"
          type="url"
          value={draft}
          placeholder="https://my-tunnel.example.com"
          spellCheck={false}
          aria-describedby={hint}
          onChange={(e) => setDraft(e.target.value)}
        />
        <span id={hint} className="gen-note">
          Optional. A provider (Kling, Luma) cannot reach 127.0.0.1: point a tunnel at {local ? <span className="mono">{local}</span> : 'this machine'} and
          enter its public address to hear about finished tasks at once. Empty: Dailies checks each job on a schedule. A
          callback only makes Dailies ask the provider; its content is never trusted. With it, a Luma task whose answer
          was lost is found by its address instead of waiting for you.
        </span>
      </label>
      <SaveError error={error} />
      <div className="dialog-actions">
        <button type="submit" className="button" disabled={saving || draft.trim() === (current.value?.publicBaseUrl ?? '')}>
          {saving ? 'Saving…' : 'Save callback URL'}
        </button>
      </div>
    </form>
  );
}

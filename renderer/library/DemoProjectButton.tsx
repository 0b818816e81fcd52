import { useState } from 'react';
import { errorMessage } from '../client/client.js';
import { useClient } from '../client/client-context.js';

type DemoState = { kind: 'idle' } | { kind: 'creating' } | { kind: 'started'; takes: number } | { kind: 'error'; message: string };

/**
 * "Create demo project": a three-shot project rendered on the built-in Demo simulator, so a new
 * user sees jobs, renders, prompts and credits working with no key and no network. The takes
 * land in the library as their jobs finish; `onStarted` opens the Jobs panel to watch them.
 */
export function DemoProjectButton({ onStarted }: { onStarted(): void }) {
  const client = useClient();
  const [state, setState] = useState<DemoState>({ kind: 'idle' });

  const create = () => {
    setState({ kind: 'creating' });
    client.call('demo.createProject', {}).then(
      ({ jobIds }) => {
        setState({ kind: 'started', takes: jobIds.length });
        onStarted();
      },
      (err: unknown) => setState({ kind: 'error', message: errorMessage(err) }),
    );
  };

  return (
    <>
      {/* Once started it stays disabled: a second click would make a second demo project. */}
      <button type="button" className="button" disabled={state.kind === 'creating' || state.kind === 'started'} onClick={create}>
        {state.kind === 'creating' ? 'Creating demo project…' : 'Create demo project'}
      </button>
      <p role="status" className="muted demo-status">
        {state.kind === 'started' &&
          `Demo project created: ${state.takes} ${state.takes === 1 ? 'take is' : 'takes are'} rendering — follow them in Jobs.`}
      </p>
      {state.kind === 'error' && (
        <p role="alert" className="error-text">
          Could not create the demo project: {state.message}
        </p>
      )}
    </>
  );
}

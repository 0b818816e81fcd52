// "Reveal file": the desktop app shows it in the file manager; in a browser the path is the answer.
import { useState } from 'react';
import { errorMessage } from '../client/client.js';
import { useClient } from '../client/client-context.js';
import { CopyButton } from '../library/CopyButton.js';

export function RevealFile({ renderId }: { renderId: number }) {
  const client = useClient();
  const [result, setResult] = useState<{ path: string; revealed: boolean } | { error: string } | null>(null);
  const reveal = () =>
    client.reveal(renderId).then(setResult, (err: unknown) => setResult({ error: errorMessage(err) }));
  return (
    <>
      <button type="button" className="button button-small" onClick={() => void reveal()}>
        Reveal file
      </button>
      {result && (
        <div className="reveal-result" role="status">
          {'error' in result ? (
            <span className="error-text">{result.error}</span>
          ) : (
            <>
              <span>{result.revealed ? 'Shown in your file manager:' : 'The file is at:'}</span>{' '}
              <code className="mono breakable">{result.path}</code> <CopyButton text={result.path} label="Copy path" />
            </>
          )}
        </div>
      )}
    </>
  );
}

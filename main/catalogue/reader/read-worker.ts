// The catalogue reader's thread (see catalogue-reader.ts): its own read-only connection to the
// library's catalogue, answering one query at a time. WAL lets it read while the core writes.
import { parentPort, workerData } from 'node:worker_threads';
import { openCatalogue } from '../open.js';
import { readRunner, type ReadQuery } from './read-queries.js';
import { ContractError } from '../../../shared/errors.js';

export interface ReadRequest {
  id: number;
  query: ReadQuery;
  input: never;
}
export type ReadReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { contract: boolean; code: string; message: string; issues?: unknown } }
  | { log: string };

const port = parentPort!;
const db = openCatalogue((workerData as { file: string }).file, { readonly: true, log: (log) => port.postMessage({ log } satisfies ReadReply) });
const run = readRunner(db);

port.on('message', (req: ReadRequest | 'close') => {
  if (req === 'close') {
    db.close();
    port.close();
    return;
  }
  try {
    port.postMessage({ id: req.id, ok: true, value: run(req.query, req.input) } satisfies ReadReply);
  } catch (err) {
    const e = err as Error & Partial<ContractError>;
    port.postMessage({
      id: req.id, ok: false,
      error: { contract: err instanceof ContractError, code: e.code ?? 'internal', message: e.message, ...(e.issues ? { issues: e.issues } : {}) },
    } satisfies ReadReply);
  }
});

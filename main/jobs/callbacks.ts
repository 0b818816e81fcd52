// Provider callbacks ("the task changed"), accepted but never trusted. A job's callback address
// is <public base>/callbacks/<job uid>/<secret>, the secret an HMAC of the uid under a random
// per-library key, so only the provider we gave it to can name it. A callback's body is never
// read for state: its arrival only makes the engine re-query that job at once, and the
// provider's own answer to that query is what moves the job. Forging one gains nothing but an
// early poll.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Db } from '../catalogue/open.js';
import { callbackBaseProblem } from '../../shared/callback-url.js';
import { ContractError } from '../../shared/errors.js';

export const CALLBACK_ROUTE = '/callbacks/';
const KEY_SETTING = 'callbacks.key';
const BASE_SETTING = 'callbacks.publicBaseUrl';

function readSetting(db: Db, key: string): unknown {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? JSON.parse(row.value) : undefined;
}

function writeSetting(db: Db, key: string, value: unknown): void {
  if (value === null || value === undefined) db.prepare('DELETE FROM settings WHERE key = ?').run(key);
  else db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
}

function libraryKey(db: Db): Buffer {
  const known = readSetting(db, KEY_SETTING);
  if (typeof known === 'string') return Buffer.from(known, 'base64url');
  const key = randomBytes(32);
  // INSERT OR IGNORE: two first callers agree on whichever key landed.
  db.prepare('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)').run(KEY_SETTING, JSON.stringify(key.toString('base64url')));
  return Buffer.from(readSetting(db, KEY_SETTING) as string, 'base64url');
}

export function callbackSecret(db: Db, jobUid: string): string {
  return createHmac('sha256', libraryKey(db)).update(`callback:${jobUid}`).digest('base64url');
}

/** True only for the secret we handed out for this job (compared in constant time). */
export function callbackSecretMatches(db: Db, jobUid: string, given: string): boolean {
  const a = Buffer.from(callbackSecret(db, jobUid));
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The public base (a tunnel to this machine) the user set, or null: then no callbacks, only polling. */
export function publicCallbackBase(db: Db): string | null {
  const v = readSetting(db, BASE_SETTING);
  return typeof v === 'string' && v ? v : null;
}

export function setPublicCallbackBase(db: Db, base: string | null): void {
  // The contract checks this too; the core refuses on its own so no other caller can store one.
  const problem = base ? callbackBaseProblem(base) : null;
  if (problem) throw new ContractError('validation', problem, [{ field: 'publicBaseUrl', message: problem }]);
  writeSetting(db, BASE_SETTING, base ? base.replace(/\/+$/, '') : null);
}

/** The address a provider calls for this job, or undefined when no public base is set. */
export function callbackUrlFor(db: Db, jobUid: string): string | undefined {
  const base = publicCallbackBase(db);
  return base ? `${base}${CALLBACK_ROUTE}${jobUid}/${callbackSecret(db, jobUid)}` : undefined;
}

/** What the engine does with a callback: 'unknown' for a job or secret we never handed out, 'ended' for a finished job (both 404). */
export type CallbackOutcome = 'requeried' | 'ended' | 'unknown';

const MAX_CALLBACK_BODY = 256 * 1024;

export interface CallbackRequestContext {
  db: Db;
  /** Host headers this machine answers to directly, e.g. `127.0.0.1:<port>`. */
  localHosts: string[];
  onCallback: (jobUid: string, secret: string) => CallbackOutcome;
  log: (msg: string) => void;
}

/**
 * Host headers a callback may carry: this machine's own, or the host of the public base the
 * user set (tunnels such as ngrok and cloudflared pass the public Host through). Any other Host
 * is a page on some other site resolving to 127.0.0.1 (DNS rebinding) and is refused.
 */
function callbackHostOk(ctx: CallbackRequestContext, host: string | undefined): boolean {
  if (!host) return false;
  if (ctx.localHosts.includes(host)) return true;
  const base = publicCallbackBase(ctx.db);
  if (!base) return false;
  const publicUrl = new URL(base);
  return host.toLowerCase() === publicUrl.host.toLowerCase();
}

/**
 * The HTTP side, shared by the serve host and the desktop app's callback listener. Needs no UI
 * token (the provider has none), only the per-job secret in the path; the body is drained and
 * ignored. Unknown job, wrong secret or a job that already ended: 404, the same answer, so
 * none can be probed. Never
 * rejects: whatever goes wrong (a dropped connection, a closing library) gets an answer, so a
 * callback can neither crash the host nor leave a request hanging.
 */
export async function handleCallbackRequest(
  req: IncomingMessage, res: ServerResponse, pathname: string, ctx: CallbackRequestContext,
): Promise<void> {
  const reply = (status: number, body: string): void => {
    if (res.headersSent || res.destroyed) return;
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end(body);
  };
  try {
    if (!callbackHostOk(ctx, req.headers.host)) return reply(421, 'This address does not take callbacks for that host.');
    if (req.method !== 'POST') return reply(405, 'Callbacks are POST requests.');
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_CALLBACK_BODY) return reply(413, 'Callback body too large.');
    }
    const m = /^\/callbacks\/([0-9a-f-]{36})\/([A-Za-z0-9_-]{20,100})$/.exec(pathname);
    const outcome = m ? ctx.onCallback(m[1]!, m[2]!) : 'unknown';
    // A job that already ended has no use for a callback any more: its secret has expired.
    if (outcome !== 'requeried') return reply(404, 'No such job.');
    return reply(200, 'ok');
  } catch (err) {
    ctx.log(`callback ${pathname.split('/').slice(0, 3).join('/')}/…: ${(err as Error).message}`);
    // A client that went away gets nothing written; anyone still there gets an answer.
    return reply(503, 'Dailies could not take this callback now; the job is still checked on its schedule.');
  }
}

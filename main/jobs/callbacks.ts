// Provider callbacks ("the task changed"), accepted but never trusted. A job's callback address
// is <public base>/callbacks/<job uid>/<secret>, the secret an HMAC of the uid under a random
// per-library key, so only the provider we gave it to can name it. A callback's body is never
// read for state: its arrival only makes the engine re-query that job at once, and the
// provider's own answer to that query is what moves the job. Forging one gains nothing but an
// early poll.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Db } from '../catalogue/open.js';

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
  writeSetting(db, BASE_SETTING, base ? base.replace(/\/+$/, '') : null);
}

/** The address a provider calls for this job, or undefined when no public base is set. */
export function callbackUrlFor(db: Db, jobUid: string): string | undefined {
  const base = publicCallbackBase(db);
  return base ? `${base}${CALLBACK_ROUTE}${jobUid}/${callbackSecret(db, jobUid)}` : undefined;
}

/** What the engine does with a callback: 'unknown' for a job or secret we never handed out. */
export type CallbackOutcome = 'requeried' | 'ended' | 'unknown';

const MAX_CALLBACK_BODY = 256 * 1024;

/**
 * The HTTP side, shared by the serve host and the desktop app's callback listener. Needs no UI
 * token (the provider has none), only the per-job secret in the path; the body is drained and
 * ignored. Unknown job or wrong secret: 404, the same answer, so neither can be probed.
 */
export async function handleCallbackRequest(
  req: IncomingMessage, res: ServerResponse, pathname: string, onCallback: (jobUid: string, secret: string) => CallbackOutcome,
): Promise<void> {
  const reply = (status: number, body: string): void =>
    void res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end(body);
  if (req.method !== 'POST') return reply(405, 'Callbacks are POST requests.');
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_CALLBACK_BODY) return reply(413, 'Callback body too large.');
  }
  const m = /^\/callbacks\/([0-9a-f-]{36})\/([A-Za-z0-9_-]{20,100})$/.exec(pathname);
  const outcome = m ? onCallback(m[1]!, m[2]!) : 'unknown';
  if (outcome === 'unknown') return reply(404, 'No such job.');
  return reply(200, 'ok');
}

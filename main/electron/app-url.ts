// The shell's two origins and the one test that decides whether a URL is ours. Every check
// parses with `new URL` and compares scheme and host exactly: a prefix test would accept
// "dailies-app://app.evil/" or "dailies-app://app@evil/".
import { APP_SCHEME, MEDIA_SCHEME } from '../../shared/bridge.js';

export const APP_HOST = 'app';
export const MEDIA_HOST = 'library';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}` as const;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html` as const;
/** What the preload hands the renderer as `window.dailies.mediaOrigin`. */
export const MEDIA_ORIGIN = `${MEDIA_SCHEME}://${MEDIA_HOST}` as const;

export function parseUrl(value: unknown): URL | null {
  if (typeof value !== 'string' || value.length > 8192) return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

function isOrigin(url: URL | null, scheme: string, host: string): url is URL {
  return !!url && url.protocol === `${scheme}:` && url.host === host && url.username === '' && url.password === '';
}

/** True for the renderer's own pages (and its bare origin, as permission checks pass it). */
export function isAppUrl(value: unknown): boolean {
  return isOrigin(parseUrl(value), APP_SCHEME, APP_HOST);
}

export function isMediaUrl(value: unknown): boolean {
  return isOrigin(parseUrl(value), MEDIA_SCHEME, MEDIA_HOST);
}

/** The link a user clicked, if it may be handed to the system browser: https only, no credentials. */
export function externalLink(value: unknown): string | null {
  const url = parseUrl(value);
  return url && url.protocol === 'https:' && url.username === '' && url.password === '' ? url.href : null;
}

export interface SenderFacts {
  /** URL of the frame that sent the IPC message; absent when the frame is gone. */
  frameUrl: string | null | undefined;
  /** Whether that frame is its page's top frame (subframes never talk to the core). */
  topFrame: boolean;
  /** Whether the sending webContents belongs to a window this shell created. */
  ownWindow: boolean;
}

/** The check every IPC call passes before it reaches the core. */
export function isTrustedSender(s: SenderFacts): boolean {
  return s.ownWindow && s.topFrame && isAppUrl(s.frameUrl);
}

// What the renderer's session may do: almost nothing beyond showing our own pages. Permissions
// are denied unless on a short allowlist and asked for by our origin; the renderer has no
// reason to reach the network (providers are called by the core, in Node), so it cannot.
import type { Session } from 'electron';
import { isAppUrl } from './app-url.js';

/** Writing to the clipboard (copy a sha256 or a prompt) and the player's fullscreen button. */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write', 'fullscreen']);

/** Everything that leaves the machine. CSP connect-src already says 'self'; this is the floor. */
const NETWORK_PATTERNS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'];

export function permissionAllowed(permission: string, requestingUrl: unknown): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl);
}

export function lockDownSession(session: Session, log: (msg: string) => void): void {
  session.setPermissionRequestHandler((_wc, permission, callback, details) => {
    const allowed = permissionAllowed(permission, details.requestingUrl);
    if (!allowed) log(`denied permission ${permission} for ${String(details.requestingUrl).slice(0, 200)}`);
    callback(allowed);
  });
  session.setPermissionCheckHandler((_wc, permission, requestingOrigin) => permissionAllowed(permission, requestingOrigin));
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest({ urls: NETWORK_PATTERNS }, (details, callback) => {
    log(`blocked a renderer request to ${details.url.slice(0, 200)}`);
    callback({ cancel: true });
  });
  session.on('will-download', (event) => event.preventDefault());
}

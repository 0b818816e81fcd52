// The shell's other pure decisions: which file the app scheme serves (and with which CSP),
// whose IPC calls reach the core, which permissions and links get through.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APP_CSP, appCsp, planAppResponse } from '../../main/electron/app-protocol.js';
import { externalLink, isAppUrl, isTrustedSender, MEDIA_ORIGIN } from '../../main/electron/app-url.js';
import { toResponse } from '../../main/electron/file-response.js';
import { permissionAllowed } from '../../main/electron/session-policy.js';
import { SERVE_CSP } from '../../main/serve/csp.js';
import { tempDir } from '../helpers/temp.js';

let tmp: ReturnType<typeof tempDir>;
let renderer: string;

beforeEach(() => {
  tmp = tempDir('dailies-app-protocol-');
  renderer = path.join(tmp.path, 'renderer');
  mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Dailies</title>');
  writeFileSync(path.join(renderer, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(path.join(tmp.path, 'secret.js'), 'secret');
});
afterEach(() => tmp.cleanup());

const get = (url: string) => planAppResponse(renderer, { method: 'GET', url });

describe('planAppResponse', () => {
  it('serves index.html with the CSP for the root and for app routes', async () => {
    for (const u of ['dailies-app://app/', 'dailies-app://app/index.html', 'dailies-app://app/library/renders']) {
      const plan = await get(u);
      expect(plan.status, u).toBe(200);
      expect(plan.headers['Content-Type']).toBe('text/html; charset=utf-8');
      expect(plan.headers['Content-Security-Policy']).toBe(APP_CSP);
      expect(await toResponse(plan).text()).toContain('<title>Dailies</title>');
    }
  });

  it('serves built assets with their types', async () => {
    const plan = await get('dailies-app://app/assets/index-abc.js');
    expect(plan.status).toBe(200);
    expect(plan.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
  });

  it('404s missing assets instead of answering them with HTML', async () => {
    expect((await get('dailies-app://app/assets/missing.js')).status).toBe(404);
  });

  it('never leaves the renderer folder', async () => {
    symlinkSync(path.join(tmp.path, 'secret.js'), path.join(renderer, 'assets', 'link.js'));
    for (const u of [
      'dailies-app://app/../secret.js', 'dailies-app://app/%2e%2e/secret.js', 'dailies-app://app/assets/%2e%2e%2f%2e%2e%2fsecret.js',
      'dailies-app://app/assets/..%5c..%5csecret.js', 'dailies-app://app/assets/link.js', 'dailies-app://app/%E0%A4%A',
    ]) {
      expect((await get(u)).status, u).toBe(404);
    }
  });

  it('answers only its own origin and only GET/HEAD', async () => {
    expect((await get('dailies-app://other/index.html')).status).toBe(404);
    expect((await get('dailies-media://app/index.html')).status).toBe(404);
    expect((await planAppResponse(renderer, { method: 'POST', url: 'dailies-app://app/index.html' })).status).toBe(405);
  });
});

describe('the app CSP', () => {
  it('is the serve policy plus the media scheme for images and video only', () => {
    const directives = Object.fromEntries(APP_CSP.split('; ').map((d) => [d.split(' ')[0], d]));
    expect(directives['img-src']).toContain('dailies-media:');
    expect(directives['media-src']).toContain('dailies-media:');
    expect(directives['script-src']).toBe("script-src 'self'");
    expect(directives['connect-src']).toBe("connect-src 'self'");
    expect(APP_CSP.replaceAll(' dailies-media:', '')).toBe(SERVE_CSP);
  });
  it('refuses a serve policy without the directives it extends', () => {
    expect(() => appCsp("default-src 'self'")).toThrow(/img-src or media-src/);
  });
});

describe('who may call the core', () => {
  const ours = { frameUrl: 'dailies-app://app/index.html', topFrame: true, ownWindow: true };
  it('accepts our own window showing our own page', () => {
    expect(isTrustedSender(ours)).toBe(true);
    expect(isTrustedSender({ ...ours, frameUrl: 'dailies-app://app/library?x=1#y' })).toBe(true);
  });
  it('refuses other origins, look-alikes, subframes, foreign windows and gone frames', () => {
    for (const frameUrl of [
      'https://app/', 'dailies-app://app.evil/', 'dailies-app://evil/dailies-app://app/', 'dailies-app://app@evil/',
      'dailies-app://user:pw@app/', 'dailies-app://evil?dailies-app://app', 'file:///index.html', 'about:blank', '', null, undefined,
    ]) {
      expect(isTrustedSender({ ...ours, frameUrl }), String(frameUrl)).toBe(false);
    }
    expect(isTrustedSender({ ...ours, topFrame: false })).toBe(false);
    expect(isTrustedSender({ ...ours, ownWindow: false })).toBe(false);
  });
  it('reads the bare origin that permission checks pass', () => {
    expect(isAppUrl('dailies-app://app')).toBe(true);
  });
  it('names the media origin the preload hands out', () => {
    expect(MEDIA_ORIGIN).toBe('dailies-media://library');
  });
});

describe('permissions and links', () => {
  it('allows only the allowlist, and only to our origin', () => {
    expect(permissionAllowed('fullscreen', 'dailies-app://app/index.html')).toBe(true);
    expect(permissionAllowed('clipboard-sanitized-write', 'dailies-app://app')).toBe(true);
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'display-capture']) {
      expect(permissionAllowed(p, 'dailies-app://app/index.html'), p).toBe(false);
    }
    expect(permissionAllowed('fullscreen', 'https://example.com/')).toBe(false);
  });
  it('hands only plain https links to the system browser', () => {
    expect(externalLink('https://klingai.com/docs')).toBe('https://klingai.com/docs');
    for (const u of ['http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'https://u:p@example.com/', 'nonsense']) {
      expect(externalLink(u), u).toBeNull();
    }
  });
});

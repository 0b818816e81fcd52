import { chmodSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileSecretStore } from '../../main/secrets/file-secret-store.js';
import { tempDir } from '../helpers/temp.js';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => (dir = tempDir()));
afterEach(() => dir.cleanup());

describe('serve-mode key storage', () => {
  it('writes keys to a file only its owner can read, and reads them back', async () => {
    const file = path.join(dir.path, 'secrets.json');
    const store = new FileSecretStore(file, {});
    await store.set('kling', { accessKey: 'ak', secretKey: 'sk' });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await new FileSecretStore(file, {}).get('kling')).toEqual({ accessKey: 'ak', secretKey: 'sk' });
    await store.delete('kling');
    expect(await store.get('kling')).toBeNull();
  });

  it('prefers environment variables, field by field', async () => {
    const file = path.join(dir.path, 'secrets.json');
    await new FileSecretStore(file, {}).set('kling', { accessKey: 'file-ak', secretKey: 'file-sk' });
    const store = new FileSecretStore(file, { DAILIES_SECRET_KLING_SECRETKEY: 'env-sk' });
    expect(await store.get('kling')).toEqual({ accessKey: 'file-ak', secretKey: 'env-sk' });
    const envOnly = new FileSecretStore(path.join(dir.path, 'none.json'), { DAILIES_SECRET_KLING_ACCESSKEY: 'a', DAILIES_SECRET_KLING_SECRETKEY: 'b' });
    expect(await envOnly.get('kling')).toEqual({ accessKey: 'a', secretKey: 'b' });
  });

  it('refuses a keys file that other users can read, saying how to fix it', async () => {
    const file = path.join(dir.path, 'secrets.json');
    writeFileSync(file, JSON.stringify({ kling: { accessKey: 'a', secretKey: 'b' } }));
    chmodSync(file, 0o644);
    await expect(new FileSecretStore(file, {}).get('kling')).rejects.toThrow(/chmod 600/);
  });
});

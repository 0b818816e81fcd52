// The desktop app's key store (main/electron/keychain-secrets.ts) with a stand-in for Electron's
// safeStorage. Electron's own safeStorage exists only inside a running Electron main process
// (it is a binding of the Electron binary, backed by the OS keychain: libsecret/kwallet here),
// and this machine has neither the Electron binary (its download is unreachable, see README)
// nor an unlocked desktop keyring. The stand-in does what safeStorage does on Linux: AES with a
// key held by "the keychain", ciphertext prefixed "v11", and it can be switched unavailable.
// Everything else — the file, its format, its mode, persistence, errors — is the real code.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeychainSecretStore, type SafeStorageLike } from '../../main/electron/keychain-secrets.js';
import { tempDir } from '../helpers/temp.js';

class TestKeychain implements SafeStorageLike {
  available = true;
  constructor(private readonly key = randomBytes(32)) {}
  isEncryptionAvailable(): boolean {
    return this.available;
  }
  encryptString(plain: string): Buffer {
    if (!this.available) throw new Error('Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.');
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return Buffer.concat([Buffer.from('v11'), iv, c.getAuthTag(), body]);
  }
  decryptString(encrypted: Buffer): string {
    if (!this.available) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString. Decryption is not available.');
    if (encrypted.subarray(0, 3).toString() !== 'v11') throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    const d = createDecipheriv('aes-256-gcm', this.key, encrypted.subarray(3, 15));
    d.setAuthTag(encrypted.subarray(15, 31));
    return Buffer.concat([d.update(encrypted.subarray(31)), d.final()]).toString('utf8');
  }
}

let dir: ReturnType<typeof tempDir>;
let file: string;
beforeEach(() => {
  dir = tempDir('dailies-keychain-');
  file = path.join(dir.path, 'userData', 'provider-keys.json');
});
afterEach(() => dir.cleanup());

const KEYS = { accessKey: 'AK-visible-in-no-file', secretKey: 'SK-visible-in-no-file' };

describe('provider keys in the desktop keychain store', () => {
  it('keeps only ciphertext, in a 0600 file of account → base64, and reads it back after a restart', async () => {
    const keychain = new TestKeychain();
    await new KeychainSecretStore(file, keychain).set('kling-main', KEYS);
    await new KeychainSecretStore(file, keychain).set('kling-beijing', { accessKey: 'a2', secretKey: 's2' });

    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('visible-in-no-file');
    const onDisk = JSON.parse(text) as Record<string, string>;
    expect(Object.keys(onDisk).sort()).toEqual(['kling-beijing', 'kling-main']);
    // Each value is safeStorage's ciphertext, base64: it decrypts to the credentials as JSON.
    expect(JSON.parse(keychain.decryptString(Buffer.from(onDisk['kling-main']!, 'base64')))).toEqual(KEYS);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(path.dirname(file))).toEqual(['provider-keys.json']);

    // A new process (a new store on the same file and keychain) sees the same keys.
    const restarted = new KeychainSecretStore(file, keychain);
    expect(await restarted.get('kling-main')).toEqual(KEYS);
    expect(await restarted.get('nobody')).toBeNull();

    await restarted.delete('kling-main');
    expect(await new KeychainSecretStore(file, keychain).get('kling-main')).toBeNull();
    expect(await new KeychainSecretStore(file, keychain).get('kling-beijing')).toEqual({ accessKey: 'a2', secretKey: 's2' });
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses to save when no keychain is available, writing nothing and keeping what was there', async () => {
    const keychain = new TestKeychain();
    const store = new KeychainSecretStore(file, keychain);
    keychain.available = false;
    await expect(store.set('kling-main', KEYS)).rejects.toThrow(/No system keychain is available.*not saved.*keyring/s);
    expect(existsSync(file)).toBe(false);

    keychain.available = true;
    await store.set('kling-main', KEYS);
    const before = readFileSync(file, 'utf8');
    keychain.available = false;
    await expect(store.set('kling-main', { accessKey: 'new', secretKey: 'new' })).rejects.toThrow(/not saved/);
    expect(readFileSync(file, 'utf8')).toBe(before);
    // Reading while the keyring is locked says so, instead of Electron's bare decrypt error.
    await expect(store.get('kling-main')).rejects.toThrow(/keychain is locked or unavailable/);
    keychain.available = true;
    expect(await store.get('kling-main')).toEqual(KEYS);
  });

  it('says to enter the keys again when the keychain changed, and names a damaged file', async () => {
    await new KeychainSecretStore(file, new TestKeychain()).set('kling-main', KEYS);
    // Another keychain (a reset login keyring, the file copied to another machine).
    await expect(new KeychainSecretStore(file, new TestKeychain()).get('kling-main')).rejects.toThrow(/"kling-main" cannot be decrypted.*enter them again/s);

    writeFileSync(file, '{"kling-main": "abc"', { mode: 0o600 });
    await expect(new KeychainSecretStore(file, new TestKeychain()).get('kling-main')).rejects.toThrow(/provider-keys\.json is damaged/);
  });
});

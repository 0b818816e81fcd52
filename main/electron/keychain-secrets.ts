// Provider keys in the desktop app: encrypted with Electron's safeStorage (the OS keychain:
// Keychain on macOS, DPAPI on Windows, libsecret/kwallet on Linux) and kept, encrypted, in a
// 0600 file in the user-data folder. Only the main process holds safeStorage; the core process
// asks for keys over its message port (core-host.ts) and never writes them anywhere itself.
//
// The file is a JSON object: account id → base64 of safeStorage's ciphertext of the account's
// credentials as JSON. Nothing in it is readable without the keychain.
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Credentials, SecretStore } from '../secrets/secret-store.js';

/** The part of Electron's safeStorage this store uses (injectable, so it can be tested without Electron). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

const NO_KEYCHAIN = 'No system keychain is available to encrypt the keys, so they were not saved. On Linux, install and unlock a keyring (gnome-keyring or kwallet).';

export class KeychainSecretStore implements SecretStore {
  readonly description = "your system's keychain (encrypted with Electron safeStorage)";

  constructor(private readonly file: string, private readonly safe: SafeStorageLike) {}

  private read(): Record<string, string> {
    if (!existsSync(this.file)) return {};
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(this.file, 'utf8'));
    } catch (err) {
      throw new Error(`${this.file} is damaged (${(err as Error).message}); remove it and enter the provider keys again.`);
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`${this.file} is not a JSON object of accounts; remove it and enter the provider keys again.`);
    return parsed as Record<string, string>;
  }

  /** Written whole to a fresh 0600 file, then renamed over the old one: a crash leaves one or the other. */
  private write(data: Record<string, string>): void {
    mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(data, null, 2), { mode: 0o600 });
    chmodSync(tmp, 0o600);
    renameSync(tmp, this.file);
  }

  async get(accountId: string): Promise<Credentials | null> {
    const blob = this.read()[accountId];
    if (!blob) return null;
    if (!this.safe.isEncryptionAvailable()) {
      throw new Error('The system keychain is locked or unavailable, so the stored provider keys cannot be read. Unlock your keyring and try again.');
    }
    let plain: string;
    try {
      plain = this.safe.decryptString(Buffer.from(blob, 'base64'));
    } catch (err) {
      // A keychain reset (new login keyring, another machine) makes old ciphertext unreadable.
      throw new Error(`The stored keys for "${accountId}" cannot be decrypted with this keychain (${(err as Error).message}); enter them again in Settings → Providers.`);
    }
    return JSON.parse(plain) as Credentials;
  }

  async set(accountId: string, credentials: Credentials): Promise<void> {
    if (!this.safe.isEncryptionAvailable()) throw new Error(NO_KEYCHAIN);
    const data = this.read();
    data[accountId] = this.safe.encryptString(JSON.stringify(credentials)).toString('base64');
    this.write(data);
  }

  async delete(accountId: string): Promise<void> {
    const data = this.read();
    if (!(accountId in data)) return;
    delete data[accountId];
    this.write(data);
  }
}

// Provider keys in the desktop app: encrypted with Electron's safeStorage (the OS keychain:
// Keychain on macOS, DPAPI on Windows, libsecret/kwallet on Linux) and kept, encrypted, in a
// 0600 file in the user-data folder. Only the main process holds safeStorage; the core process
// asks for keys over its message port (core-host.ts) and never writes them anywhere itself.
import { existsSync, readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Credentials, SecretStore } from '../secrets/secret-store.js';

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export class KeychainSecretStore implements SecretStore {
  readonly description = "your system's keychain (encrypted with Electron safeStorage)";

  constructor(private readonly file: string, private readonly safe: SafeStorageLike) {}

  private read(): Record<string, string> {
    if (!existsSync(this.file)) return {};
    return JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, string>;
  }

  async get(accountId: string): Promise<Credentials | null> {
    const blob = this.read()[accountId];
    if (!blob) return null;
    return JSON.parse(this.safe.decryptString(Buffer.from(blob, 'base64'))) as Credentials;
  }

  async set(accountId: string, credentials: Credentials): Promise<void> {
    if (!this.safe.isEncryptionAvailable()) {
      throw new Error('No system keychain is available to encrypt the keys, so they were not saved. On Linux, install and unlock a keyring (gnome-keyring or kwallet).');
    }
    const data = this.read();
    data[accountId] = this.safe.encryptString(JSON.stringify(credentials)).toString('base64');
    mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(data, null, 2), { mode: 0o600 });
    renameSync(tmp, this.file);
  }

  async delete(accountId: string): Promise<void> {
    const data = this.read();
    if (!(accountId in data)) return;
    delete data[accountId];
    writeFileSync(this.file, JSON.stringify(data, null, 2), { mode: 0o600 });
  }
}

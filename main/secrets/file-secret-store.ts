// Serve mode's keys: environment variables first (DAILIES_SECRET_<ACCOUNT>_<FIELD>, e.g.
// DAILIES_SECRET_KLING_ACCESSKEY), then a JSON file readable by its owner only (0600). A file
// that others can read is refused with a message saying how to fix it, not silently used.
import { chmodSync, existsSync, readFileSync, renameSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Credentials, SecretStore } from './secret-store.js';

type FileShape = Record<string, Credentials>;

function envKey(accountId: string, field: string): string {
  return `DAILIES_SECRET_${accountId}_${field}`.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
}

export class FileSecretStore implements SecretStore {
  readonly description: string;

  constructor(
    private readonly file: string,
    private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly fields: (accountId: string) => readonly string[] = () => ['accessKey', 'secretKey'],
  ) {
    this.description = `environment variables (DAILIES_SECRET_<ACCOUNT>_<FIELD>) or ${file} (mode 0600)`;
  }

  private read(): FileShape {
    if (!existsSync(this.file)) return {};
    if (process.platform !== 'win32') {
      const mode = statSync(this.file).mode & 0o777;
      if (mode & 0o077) {
        throw new Error(`${this.file} can be read by other users (mode ${mode.toString(8)}). Run: chmod 600 "${this.file}"`);
      }
    }
    const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`${this.file} is not a JSON object of accounts`);
    return parsed as FileShape;
  }

  private write(data: FileShape): void {
    mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(data, null, 2), { mode: 0o600 });
    chmodSync(tmp, 0o600);
    renameSync(tmp, this.file);
  }

  async get(accountId: string): Promise<Credentials | null> {
    const fromEnv: Credentials = {};
    for (const field of this.fields(accountId)) {
      const v = this.env[envKey(accountId, field)];
      if (v) fromEnv[field] = v;
    }
    if (Object.keys(fromEnv).length === this.fields(accountId).length) return fromEnv;
    const stored = this.read()[accountId];
    return stored ? { ...stored, ...fromEnv } : Object.keys(fromEnv).length ? fromEnv : null;
  }

  async set(accountId: string, credentials: Credentials): Promise<void> {
    const data = this.read();
    data[accountId] = { ...credentials };
    this.write(data);
  }

  async delete(accountId: string): Promise<void> {
    const data = this.read();
    if (accountId in data) {
      delete data[accountId];
      this.write(data);
    }
  }
}

// Provider keys live only in the core's process: the renderer learns "configured", nothing more.
// Each host supplies a store: the desktop app one backed by Electron's safeStorage (the OS
// keychain), serve mode one backed by environment variables and a 0600 file.

export type Credentials = Record<string, string>;

export interface SecretStore {
  /** Where keys are kept, in words for Settings → Providers. */
  readonly description: string;
  get(accountId: string): Promise<Credentials | null>;
  set(accountId: string, credentials: Credentials): Promise<void>;
  delete(accountId: string): Promise<void>;
}

/** For tests and for hosts without persistence: keys held in memory only. */
export class MemorySecretStore implements SecretStore {
  readonly description = 'memory only (forgotten when Dailies stops)';
  private readonly map = new Map<string, Credentials>();
  async get(id: string) {
    return this.map.get(id) ?? null;
  }
  async set(id: string, c: Credentials) {
    this.map.set(id, { ...c });
  }
  async delete(id: string) {
    this.map.delete(id);
  }
}

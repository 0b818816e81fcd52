// Provider accounts: which adapter speaks for each, where it is, and its keys. Every provider has a
// built-in demo account that needs no key: it talks to that provider's wire format on the local
// simulator (127.0.0.1), so each provider can be tried offline from the first start.
import type { Db } from '../catalogue/open.js';
import type { ProviderAccountInfo } from '../../shared/jobs.js';
import { ContractError } from '../../shared/errors.js';
import type { SecretStore, Credentials } from '../secrets/secret-store.js';
import type { ProviderAdapter } from '../providers/types.js';
import { PROVIDERS } from '../providers/registry.js';

/** Kling's demo account (the first one, and the one the demo project uses). */
export const DEMO_ACCOUNT_ID = 'demo';

/** The built-in demo account of a provider. */
export function demoAccountId(provider: string): string {
  return provider === 'kling' ? DEMO_ACCOUNT_ID : `demo-${provider}`;
}

function demoLabel(provider: string, label: string): string {
  return provider === 'kling' ? 'Demo (local simulator)' : `Demo ${label} (local simulator)`;
}

export interface DemoEndpoint {
  baseUrl: string;
  credentials: Credentials;
}

export interface ResolvedAccount {
  id: string;
  adapter: ProviderAdapter;
  baseUrl: string;
  credentials: Credentials;
}

interface AccountRow {
  id: string;
  provider: string;
  label: string;
  base_url: string;
}

export class Accounts {
  constructor(
    private readonly db: Db,
    private readonly secrets: SecretStore,
    /** Starts (once) the local simulator and returns where a provider's demo account reaches it. */
    private readonly demo: (provider: string) => Promise<DemoEndpoint>,
  ) {
    const now = Date.now();
    const add = db.prepare(
      `INSERT INTO provider_accounts (id, provider, label, base_url, created_at) VALUES (?, ?, ?, 'simulator:', ?) ON CONFLICT (id) DO NOTHING`,
    );
    for (const adapter of Object.values(PROVIDERS)) add.run(demoAccountId(adapter.id), adapter.id, demoLabel(adapter.id, adapter.label), now);
  }

  private isDemo(row: AccountRow): boolean {
    return row.id === demoAccountId(row.provider);
  }

  get secretsDescription(): string {
    return this.secrets.description;
  }

  adapter(provider: string): ProviderAdapter {
    const adapter = PROVIDERS[provider];
    if (!adapter) throw new ContractError('validation', `Dailies has no adapter for provider "${provider}".`, [{ field: 'provider', message: 'unknown provider' }]);
    return adapter;
  }

  private row(id: string): AccountRow {
    const row = this.db.prepare('SELECT id, provider, label, base_url FROM provider_accounts WHERE id = ?').get(id) as AccountRow | undefined;
    if (!row) throw new ContractError('not_found', `There is no provider account "${id}". Add it in Settings → Providers.`, [{ field: 'accountId', message: 'no such account' }]);
    return row;
  }

  providerOf(id: string): string {
    return this.row(id).provider;
  }

  async list(): Promise<ProviderAccountInfo[]> {
    const rows = this.db.prepare('SELECT id, provider, label, base_url FROM provider_accounts ORDER BY id = ? DESC, label').all(DEMO_ACCOUNT_ID) as AccountRow[];
    return Promise.all(rows.map((r) => this.info(r)));
  }

  private async info(r: AccountRow): Promise<ProviderAccountInfo> {
    const demo = this.isDemo(r);
    let configured = demo;
    if (!demo) {
      const creds = await this.secrets.get(r.id).catch(() => null);
      configured = !!creds && this.adapter(r.provider).credentialFields.every((f) => !!creds[f.name]);
    }
    return { id: r.id, provider: r.provider, label: r.label, baseUrl: demo ? 'local simulator' : r.base_url, configured, demo };
  }

  private isDemoId(id: string): boolean {
    return Object.keys(PROVIDERS).some((provider) => demoAccountId(provider) === id);
  }

  async save(a: { id: string; provider: string; label: string; baseUrl: string; credentials?: Credentials | undefined }): Promise<ProviderAccountInfo> {
    if (this.isDemoId(a.id)) throw new ContractError('conflict', 'The demo accounts are built in and cannot be changed.', [{ field: 'id', message: 'reserved' }]);
    const adapter = this.adapter(a.provider);
    if (a.credentials) {
      const unknown = Object.keys(a.credentials).filter((k) => !adapter.credentialFields.some((f) => f.name === k));
      if (unknown.length) throw new ContractError('validation', `Unknown key field(s) for ${adapter.label}: ${unknown.join(', ')}.`, [{ field: 'credentials', message: 'unknown field' }]);
      const existing = (await this.secrets.get(a.id)) ?? {};
      await this.secrets.set(a.id, { ...existing, ...a.credentials });
    }
    this.db.prepare(
      `INSERT INTO provider_accounts (id, provider, label, base_url, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET provider = excluded.provider, label = excluded.label, base_url = excluded.base_url`,
    ).run(a.id, a.provider, a.label, a.baseUrl, Date.now());
    return this.info(this.row(a.id));
  }

  async remove(id: string): Promise<boolean> {
    if (this.isDemoId(id)) throw new ContractError('conflict', 'The demo accounts are built in and cannot be removed.', [{ field: 'id', message: 'reserved' }]);
    const removed = this.db.prepare('DELETE FROM provider_accounts WHERE id = ?').run(id).changes === 1;
    await this.secrets.delete(id);
    return removed;
  }

  /** Everything needed to talk to the account's provider now; throws when keys are missing. */
  async resolve(id: string): Promise<ResolvedAccount> {
    const row = this.row(id);
    const adapter = this.adapter(row.provider);
    if (this.isDemo(row)) {
      const demo = await this.demo(row.provider);
      return { id, adapter, baseUrl: demo.baseUrl, credentials: demo.credentials };
    }
    const credentials = await this.secrets.get(id);
    const missing = adapter.credentialFields.filter((f) => !credentials?.[f.name]).map((f) => f.label);
    if (!credentials || missing.length) {
      throw new ContractError('validation', `The ${row.label} account has no ${missing.join(' or ')}. Add them in Settings → Providers.`, [{ field: 'accountId', message: 'keys missing' }]);
    }
    return { id, adapter, baseUrl: row.base_url, credentials };
  }
}

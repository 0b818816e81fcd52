// Channels for the provider catalogue, testing an account's connection and re-running a render
// on another provider ("Try this shot on…").
import { z } from 'zod';
import type { ConnectionTest, ProviderCatalogEntry, TryOnResult } from '../providers.js';
import { channel, Empty, Id } from './channel.js';

const AccountId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lower-case letters, digits, - and _ only');

export const providerChannels = {
  /** Every provider Dailies has an adapter for, whether or not an account exists for it. */
  'providers.catalog': channel(Empty).returns<ProviderCatalogEntry[]>(),
  /** One cheap authenticated request to the account's provider, and what its answer means. */
  'providers.test': channel(z.object({ id: AccountId }).strict()).returns<ConnectionTest>(),
  /**
   * Re-runs a render's prompt and references on another account (and model) as a new take in the
   * same shot. Options the other model lacks are moved to its nearest or dropped, and listed.
   */
  'renders.tryOn': channel(
    z.object({ renderId: Id, accountId: AccountId, model: z.string().min(1).max(128).optional(), confirmOverBudget: z.boolean().default(false) }).strict(),
  ).returns<TryOnResult>(),
};

// Channels for provider-side identities (Kling "custom elements"): a face or product made once
// from library images, then named by id in O1 generations (<<<element_1>>>).
import { z } from 'zod';
import { channel, Id } from './channel.js';

const AccountId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lower-case letters, digits, - and _ only');

export interface ProviderElement {
  elementId: string;
  name: string;
  status: string | null;
}

export const elementChannels = {
  /** Creates an element on the account from library images (the frontal view and up to three more). */
  'elements.create': channel(
    z
      .object({
        accountId: AccountId,
        name: z.string().trim().min(1, 'give the element a name').max(20, 'Kling accepts at most 20 characters'),
        description: z.string().max(100, 'Kling accepts at most 100 characters').optional(),
        frontalRefId: Id,
        referRefIds: z.array(Id).max(3, 'at most three more views').optional(),
      })
      .strict(),
  ).returns<ProviderElement>(),
  'elements.list': channel(z.object({ accountId: AccountId }).strict()).returns<ProviderElement[]>(),
};

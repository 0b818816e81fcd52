// Custom elements through the contract. Creating one is an account action (no job, no charge):
// the call goes straight to the provider with the account's auth and its answer comes back.
import { readFile } from 'node:fs/promises';
import type { DomainHandlers } from './registry.js';
import type { Core } from '../core.js';
import { ContractError } from '../../shared/errors.js';
import type { ResolvedAccount } from '../jobs/accounts.js';
import { refFile } from '../jobs/resolve.js';
import type { HttpCall, HttpResult } from '../providers/types.js';
import { createElementCall, listElementsCall, parseElement, parseElementList } from '../providers/kling/elements.js';
import { KlingCallError } from '../providers/kling/errors.js';
import { NetworkError } from '../jobs/http.js';
import { recordKlingElement } from '../catalogue/references.js';

async function klingAccount(core: Core, accountId: string): Promise<ResolvedAccount> {
  const account = await core.accounts.resolve(accountId);
  if (account.adapter.id !== 'kling') {
    throw new ContractError('validation', `${account.adapter.label} has no custom elements; they are a Kling feature.`, [{ field: 'accountId', message: 'not a Kling account' }]);
  }
  return account;
}

async function send<T>(core: Core, account: ResolvedAccount, call: HttpCall, parse: (r: HttpResult) => T): Promise<T> {
  try {
    return parse(await core.jobs.sendWithAuth(account, call));
  } catch (err) {
    if (err instanceof KlingCallError) {
      const p = err.providerError;
      throw new ContractError(p.kind === 'invalid' ? 'validation' : 'conflict', `Kling refused: ${p.message}`);
    }
    if (err instanceof NetworkError) throw new ContractError('conflict', `Kling could not be reached: ${err.message}`);
    throw err;
  }
}

export function elementHandlers(core: Core): DomainHandlers {
  return {
    'elements.create': async (input) => {
      const account = await klingAccount(core, input.accountId);
      const frontal = refFile(core.db, core.layout, input.frontalRefId, 'frontalRefId');
      const refers = (input.referRefIds ?? []).map((id, i) => refFile(core.db, core.layout, id, `referRefIds.${i}`).path);
      const call = await createElementCall(
        { name: input.name, ...(input.description ? { description: input.description } : {}), frontalImagePath: frontal.path, referImagePaths: refers },
        { readBase64: async (p) => (await readFile(p)).toString('base64') },
      );
      const element = await send(core, account, call, parseElement);
      // Kept on the references so the library shows the id and O1 generations can name it.
      const refIds = [input.frontalRefId, ...(input.referRefIds ?? [])];
      recordKlingElement(core.db, refIds, element.elementId);
      core.emit({ type: 'catalogue.changed', entity: 'references', ids: refIds });
      return element;
    },
    'elements.list': async ({ accountId }) => send(core, await klingAccount(core, accountId), listElementsCall(), parseElementList),
  };
}

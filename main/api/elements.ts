// Custom elements through the contract. Creating one is an account action (no job, no charge):
// the call goes straight to the provider with the account's auth and its answer comes back.
import { readFile } from 'node:fs/promises';
import type { DomainHandlers } from './registry.js';
import type { Core } from '../core.js';
import { refFile } from '../jobs/resolve.js';
import { createElementCall, listElementsCall, parseElement, parseElementList } from '../providers/kling/elements.js';
import { recordKlingElement } from '../catalogue/references.js';
import { klingAccount, sendKling } from './kling-account.js';

const FEATURE = 'custom elements';

export function elementHandlers(core: Core): DomainHandlers {
  return {
    'elements.create': async (input) => {
      const account = await klingAccount(core, input.accountId, FEATURE);
      const frontal = refFile(core.db, core.layout, input.frontalRefId, 'frontalRefId');
      const refers = (input.referRefIds ?? []).map((id, i) => refFile(core.db, core.layout, id, `referRefIds.${i}`).path);
      const call = await createElementCall(
        { name: input.name, ...(input.description ? { description: input.description } : {}), frontalImagePath: frontal.path, referImagePaths: refers },
        { readBase64: async (p) => (await readFile(p)).toString('base64') },
      );
      const element = await sendKling(core, account, call, parseElement);
      // Kept on the references so the library shows the id and O1 generations can name it.
      const refIds = [input.frontalRefId, ...(input.referRefIds ?? [])];
      recordKlingElement(core.db, refIds, element.elementId);
      core.emit({ type: 'catalogue.changed', entity: 'references', ids: refIds });
      return element;
    },
    'elements.list': async ({ accountId }) => sendKling(core, await klingAccount(core, accountId, FEATURE), listElementsCall(), parseElementList),
  };
}

// Account actions on Kling that are not jobs (no task, no charge): creating an element, finding
// the faces in a clip for lip sync. The call goes straight to Kling with the account's auth, and
// a refusal comes back as a contract error in the user's words.
import type { Core } from '../core.js';
import { ContractError } from '../../shared/errors.js';
import type { ResolvedAccount } from '../jobs/accounts.js';
import { NetworkError } from '../jobs/http.js';
import type { HttpCall, HttpResult } from '../providers/types.js';
import { KlingCallError } from '../providers/kling/errors.js';

/** The account, which must be a Kling one; `feature` says what needs Kling ("custom elements"). */
export async function klingAccount(core: Core, accountId: string, feature: string): Promise<ResolvedAccount> {
  const account = await core.accounts.resolve(accountId);
  if (account.adapter.id !== 'kling') {
    throw new ContractError('validation', `${account.adapter.label} has no ${feature}: that is a Kling feature.`, [{ field: 'accountId', message: 'not a Kling account' }]);
  }
  return account;
}

export async function sendKling<T>(core: Core, account: ResolvedAccount, call: HttpCall, parse: (r: HttpResult) => T): Promise<T> {
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

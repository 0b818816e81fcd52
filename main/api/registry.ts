// Handlers for the contract, registered per domain. Every call is validated against the
// channel's zod schema before a handler sees it; a duplicate or missing handler fails at start.
import { z } from 'zod';
import { contract, isChannel, CHANNELS, type Channel, type ChannelResult, type ParsedInput } from '../../shared/contract.js';
import { ContractError } from '../../shared/errors.js';

export type Handler<C extends Channel> = (input: ParsedInput<C>) => ChannelResult<C> | Promise<ChannelResult<C>>;
export type DomainHandlers = { [C in Channel]?: Handler<C> };

export class Registry {
  private readonly handlers = new Map<Channel, Handler<Channel>>();

  register(domain: string, handlers: DomainHandlers): void {
    for (const [name, fn] of Object.entries(handlers)) {
      if (!isChannel(name)) throw new Error(`${domain}: "${name}" is not a channel in shared/contract.ts`);
      if (this.handlers.has(name)) throw new Error(`${domain}: a handler for "${name}" is already registered`);
      this.handlers.set(name, fn as Handler<Channel>);
    }
  }

  /** Called once everything is registered: a channel with no handler is a bug, found at start. */
  assertComplete(): void {
    const missing = CHANNELS.filter((c) => !this.handlers.has(c));
    if (missing.length) throw new Error(`no handler registered for: ${missing.join(', ')}`);
  }

  async dispatch(name: string, rawInput: unknown): Promise<unknown> {
    if (!isChannel(name)) throw new ContractError('unknown_channel', `Unknown call "${String(name).slice(0, 80)}".`);
    const handler = this.handlers.get(name);
    if (!handler) throw new ContractError('unknown_channel', `No handler for "${name}".`);
    const parsed = contract[name].input.safeParse(rawInput ?? {});
    if (!parsed.success) throw validationError(name, parsed.error);
    return handler(parsed.data as never);
  }
}

export function validationError(channel: string, error: z.ZodError): ContractError {
  const issues = error.issues.map((i) => ({ field: i.path.map(String).join('.') || '(input)', message: i.message }));
  const first = issues[0]!;
  return new ContractError('validation', `Invalid input for ${channel}: ${first.field}: ${first.message}`, issues);
}

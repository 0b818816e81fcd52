// Typed calls and events for generation (providers.*, jobs.*) through the one client.
//
// Why this file exists: `providers.capabilities` is not in the contract yet, and the rest of the
// generation channels (shared/channels/jobs.ts) and the `job.updated` event were being joined
// into shared/contract.ts and shared/events.ts while this UI was written. These helpers type each
// call from `jobChannels` itself and hand it to `client.call` unchanged, so the UI compiles
// either way. Once the contract has all of them, replace `callGeneration(client, c, i)` with
// `client.call(c, i)` (same types) and delete this file. Type-only imports: no zod in the bundle.
import type { z } from 'zod';
import type { jobChannels } from '../../shared/channels/jobs.js';
import type { CoreEvent } from '../../shared/events.js';
import type { JobSummary } from '../../shared/jobs.js';
import type { DailiesClient } from '../client/client.js';
import type { ModelCapabilities } from '../generate/capabilities.js';

type GenerationChannels = typeof jobChannels & {
  /** Pending in the core: the models an account's provider offers, for the form. */
  'providers.capabilities': { input: z.ZodType<{ accountId: string }>; output: { models: ModelCapabilities[] } };
};
export type GenerationChannel = keyof GenerationChannels;
export type GenerationInput<C extends GenerationChannel> = z.input<GenerationChannels[C]['input']>;
export type GenerationResult<C extends GenerationChannel> = GenerationChannels[C]['output'];

type UntypedCall = (channel: string, input: unknown) => Promise<unknown>;

export function callGeneration<C extends GenerationChannel>(
  client: DailiesClient,
  channel: C,
  input: GenerationInput<C>,
): Promise<GenerationResult<C>> {
  return (client.call as unknown as UntypedCall)(channel, input) as Promise<GenerationResult<C>>;
}

export interface JobUpdatedEvent {
  type: 'job.updated';
  job: JobSummary;
}

export function isJobUpdated(event: CoreEvent | JobUpdatedEvent): event is JobUpdatedEvent {
  return event.type === 'job.updated';
}

// Channels for generation: provider accounts, estimates, submitting, following and cancelling jobs.
import { z } from 'zod';
import { JOB_STATES } from '../domain.js';
import { GenerationSpec } from '../generation.js';
import type { EstimateResult, JobDetail, JobSummary, ModelCapabilities, ProviderAccountInfo } from '../jobs.js';
import { channel, Empty, Id } from './channel.js';
import { callbackBaseProblem } from '../callback-url.js';

const AccountId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lower-case letters, digits, - and _ only');

export const jobChannels = {
  'providers.list': channel(Empty).returns<ProviderAccountInfo[]>(),
  /** Adds or updates an account. Credentials are write-only: nothing returns them. */
  'providers.save': channel(
    z
      .object({
        id: AccountId,
        provider: z.string().min(1).max(32),
        label: z.string().trim().min(1).max(100),
        baseUrl: z.url({ protocol: /^https?$/ }),
        credentials: z.record(z.string().min(1).max(64), z.string().max(4096)).optional(),
      })
      .strict(),
  ).returns<ProviderAccountInfo>(),
  'providers.remove': channel(z.object({ id: AccountId }).strict()).returns<{ removed: boolean }>(),
  /** The models an account's provider offers, with what each can do (the form's options). */
  'providers.capabilities': channel(z.object({ accountId: AccountId }).strict()).returns<{ models: ModelCapabilities[] }>(),
  'providers.credits': channel(z.object({ id: AccountId }).strict()).returns<{ remainingCredits: number | null }>(),

  /**
   * Provider callbacks: the public base a provider can reach (a tunnel to `localUrl`, this
   * machine's callback listener). Unset: no callback_url is sent and jobs are polled.
   */
  'jobs.callbackSettings': channel(Empty).returns<{ publicBaseUrl: string | null; localUrl: string | null }>(),
  'jobs.setCallbackBase': channel(
    z
      .object({
        publicBaseUrl: z
          .url({ protocol: /^https?$/, error: 'Enter a full address, e.g. https://my-tunnel.example.com' })
          .max(1024)
          .refine((u) => callbackBaseProblem(u) === null, { error: (i) => callbackBaseProblem(String(i.input)) ?? 'Not a usable callback address.' })
          .nullable(),
      })
      .strict(),
  ).returns<{ publicBaseUrl: string | null; localUrl: string | null }>(),

  'jobs.estimate': channel(z.object({ spec: GenerationSpec }).strict()).returns<EstimateResult>(),
  'jobs.submit': channel(
    z.object({ spec: GenerationSpec, confirmOverBudget: z.boolean().default(false) }).strict(),
  ).returns<{ jobId: number }>(),
  'jobs.list': channel(
    z
      .object({
        states: z.array(z.enum(JOB_STATES)).max(JOB_STATES.length).optional(),
        beforeId: Id.optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
  ).returns<JobSummary[]>(),
  'jobs.get': channel(z.object({ id: Id }).strict()).returns<JobDetail>(),
  'jobs.cancel': channel(z.object({ id: Id }).strict()).returns<JobSummary>(),
  /** Runs a failed, rejected or cancelled job's spec again as a new job (a new idempotency key). */
  'jobs.retry': channel(z.object({ id: Id }).strict()).returns<{ jobId: number }>(),
  /**
   * The user's answer for an "unconfirmed" job (sent, answer lost, no way to look it up):
   * send_again sends the same job once more (a second task, and charge, if the first one ran);
   * drop ends it as cancelled with no charge booked here.
   */
  'jobs.decide': channel(z.object({ id: Id, decision: z.enum(['send_again', 'drop']) }).strict()).returns<JobSummary>(),
};

export const demoChannels = {
  /**
   * Fills the library with a small demo project (shots with shot-list fields) and starts demo
   * generations for it on the local simulator, so a new user sees every part work offline.
   */
  'demo.createProject': channel(Empty).returns<{ projectId: number; jobIds: number[] }>(),
};

// Veo, Sora and Luma as pure mappings: how each classifies its documented failures (what the
// engine then does: wait, stop for money, reject, fail for auth), how each reads its task
// states, and that the capability tables agree with what the adapters validate.
import { describe, expect, it } from 'vitest';
import { classifyVeo, operationFailure } from '../../main/providers/veo/errors.js';
import { parseVeoOperation } from '../../main/providers/veo/responses.js';
import { classifySora, soraRetryAfterMs } from '../../main/providers/sora/errors.js';
import { parseSoraVideo } from '../../main/providers/sora/responses.js';
import { classifyLuma } from '../../main/providers/luma/errors.js';
import { parseLumaGeneration } from '../../main/providers/luma/responses.js';
import { durationMs } from '../../main/providers/wire/json.js';
import { veoAdapter } from '../../main/providers/veo/index.js';
import { soraAdapter } from '../../main/providers/sora/index.js';
import { lumaAdapter } from '../../main/providers/luma/index.js';
import { GenerationSpec, type GenerationSpecInput } from '../../shared/generation.js';
import { pricingOf } from '../../shared/pricing/index.js';
import type { HttpResult, ProviderAdapter } from '../../main/providers/types.js';

const answer = (status: number, json: unknown, headers: Record<string, string> = {}): HttpResult => ({ status, headers, json, text: JSON.stringify(json) });
const google = (status: number, s: string, message: string, details: unknown[] = []) => answer(status, { error: { code: status, status: s, message, details } });

describe('Veo error classification', () => {
  it('RESOURCE_EXHAUSTED is load, waiting RetryInfo.retryDelay', () => {
    const p = classifyVeo(google(429, 'RESOURCE_EXHAUSTED', 'Resource has been exhausted', [
      { '@type': 'type.googleapis.com/google.rpc.QuotaFailure', violations: [] },
      { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '38s' },
    ]));
    expect(p).toMatchObject({ kind: 'load', code: 'RESOURCE_EXHAUSTED', httpStatus: 429, retryAfterMs: 38_000 });
    expect(classifyVeo(google(429, 'RESOURCE_EXHAUSTED', 'quota'))?.retryAfterMs).toBeUndefined();
    expect(classifyVeo(google(429, 'RESOURCE_EXHAUSTED', 'quota', [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '1.5s' }]))?.retryAfterMs).toBe(1500);
  });

  it('a rejected key is auth, billing is money, safety is policy, the rest by status', () => {
    expect(classifyVeo(google(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID' }]))?.kind).toBe('auth');
    expect(classifyVeo(google(403, 'PERMISSION_DENIED', 'no'))?.kind).toBe('auth');
    expect(classifyVeo(google(400, 'FAILED_PRECONDITION', 'Billing is not enabled for this project'))?.kind).toBe('money');
    expect(classifyVeo(google(400, 'INVALID_ARGUMENT', "The prompt was blocked by Veo's safety filters"))?.kind).toBe('policy');
    expect(classifyVeo(google(400, 'INVALID_ARGUMENT', 'durationSeconds must be 4, 6 or 8'))?.kind).toBe('invalid');
    expect(classifyVeo(google(404, 'NOT_FOUND', 'Operation not found'))?.kind).toBe('not_found');
    for (const [status, s] of [[500, 'INTERNAL'], [503, 'UNAVAILABLE'], [504, 'DEADLINE_EXCEEDED']] as const) expect(classifyVeo(google(status, s, 'x'))?.kind).toBe('server');
    expect(classifyVeo({ status: 502, headers: {}, json: undefined, text: '<html>Bad gateway</html>' })).toMatchObject({ kind: 'server', code: '502' });
    expect(classifyVeo({ status: 200, headers: {}, json: undefined, text: '{"name": "models/x/oper' })?.kind).toBe('server');
    expect(classifyVeo(answer(200, { name: 'models/x/operations/1' }))).toBeNull();
  });

  it('reads operations: running, done with a file, failed, safety-filtered', () => {
    const name = 'models/veo-3.1-generate-preview/operations/abc';
    expect(parseVeoOperation(answer(200, { name }))).toMatchObject({ providerTaskId: name, state: 'running', videos: [] });
    const uri = 'https://generativelanguage.googleapis.com/v1beta/files/f123:download?alt=media';
    expect(parseVeoOperation(answer(200, { name, done: true, response: { generateVideoResponse: { generatedSamples: [{ video: { uri } }] } } }))).toMatchObject({
      state: 'succeeded', videos: [{ id: 'f123', url: uri }],
    });
    expect(parseVeoOperation(answer(200, { name, done: true, error: { code: 13, message: 'internal' } }))).toMatchObject({ state: 'failed', failure: { kind: 'server' } });
    expect(parseVeoOperation(answer(200, { name, done: true, response: { generateVideoResponse: { raiMediaFilteredCount: 1, raiMediaFilteredReasons: ['celebrity'] } } }))).toMatchObject({
      state: 'failed', failure: { kind: 'policy', code: 'raiMediaFiltered' },
    });
    expect(operationFailure({ code: 3, message: 'bad image' }).kind).toBe('invalid');
    expect(() => parseVeoOperation(answer(200, { name, done: true, response: {} }))).toThrow(/lists no video/);
  });
});

describe('Sora error classification', () => {
  const openai = (status: number, code: string | null, type: string, message = 'x', headers: Record<string, string> = {}) =>
    answer(status, { error: { message, type, param: null, code } }, headers);

  it('a 429 is load, waiting for x-ratelimit-reset-* or Retry-After; insufficient_quota is money', () => {
    expect(classifySora(openai(429, 'rate_limit_exceeded', 'requests', 'Rate limit reached', { 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '6m0s' }))).toMatchObject({ kind: 'load', retryAfterMs: 360_000 });
    expect(classifySora(openai(429, 'rate_limit_exceeded', 'tokens', 'x', { 'x-ratelimit-remaining-requests': '12', 'x-ratelimit-remaining-tokens': '0', 'x-ratelimit-reset-tokens': '250ms', 'x-ratelimit-reset-requests': '9s' }))?.retryAfterMs).toBe(250);
    expect(classifySora(openai(429, 'rate_limit_exceeded', 'requests', 'x', { 'retry-after-ms': '1200', 'x-ratelimit-reset-requests': '6m0s' }))?.retryAfterMs).toBe(1200);
    expect(classifySora(openai(429, 'insufficient_quota', 'insufficient_quota', 'You exceeded your current quota'))).toMatchObject({ kind: 'money', code: 'insufficient_quota' });
    expect(classifySora(openai(429, 'insufficient_quota', 'insufficient_quota'))?.retryAfterMs).toBeUndefined();
  });

  it('moderation is policy, a bad key is auth, the rest by status', () => {
    expect(classifySora(openai(400, 'moderation_blocked', 'invalid_request_error'))?.kind).toBe('policy');
    expect(classifySora(openai(400, 'invalid_value', 'invalid_request_error', "Invalid value for 'size'"))?.kind).toBe('invalid');
    expect(classifySora(openai(401, 'invalid_api_key', 'invalid_request_error'))?.kind).toBe('auth');
    expect(classifySora(openai(403, 'unsupported_country_region_territory', 'invalid_request_error'))?.kind).toBe('auth');
    expect(classifySora(openai(404, 'video_not_found', 'invalid_request_error'))?.kind).toBe('not_found');
    expect(classifySora(openai(500, null, 'server_error'))?.kind).toBe('server');
    expect(soraRetryAfterMs({})).toBeUndefined();
  });

  it('reads video objects in every status, with the content path to download', () => {
    const base = { id: 'video_1', object: 'video', model: 'sora-2', seconds: '8', size: '1280x720' };
    expect(parseSoraVideo(answer(200, { ...base, status: 'queued', progress: 0 }))).toMatchObject({ state: 'submitted', progress: 0 });
    expect(parseSoraVideo(answer(200, { ...base, status: 'in_progress', progress: 42 }))).toMatchObject({ state: 'running', progress: 0.42 });
    expect(parseSoraVideo(answer(200, { ...base, status: 'completed', progress: 100 }))).toMatchObject({
      state: 'succeeded', videos: [{ id: 'video_1', url: '/v1/videos/video_1/content?variant=video', durationS: 8 }],
    });
    expect(parseSoraVideo(answer(200, { ...base, status: 'failed', error: { code: 'moderation_blocked', message: 'blocked' } }))).toMatchObject({ state: 'failed', failure: { kind: 'policy' } });
    expect(() => parseSoraVideo(answer(200, { ...base, status: 'paused' }))).toThrow(/no known status/);
  });
});

describe('Luma error classification', () => {
  it('429 waits Retry-After; credits are money; moderation is policy; 422 is invalid', () => {
    expect(classifyLuma(answer(429, { detail: 'Too many requests' }, { 'Retry-After': '3' }))).toMatchObject({ kind: 'load', retryAfterMs: 3000 });
    expect(classifyLuma(answer(400, { detail: 'Insufficient credits' }))?.kind).toBe('money');
    expect(classifyLuma(answer(402, { detail: 'Payment required' }))?.kind).toBe('money');
    expect(classifyLuma(answer(400, { detail: '400: prompt not allowed because advanced moderation failed' }))?.kind).toBe('policy');
    const v = classifyLuma(answer(422, { detail: [{ loc: ['body', 'duration'], msg: 'bad duration' }] }));
    expect(v).toMatchObject({ kind: 'invalid' });
    expect(v!.message).toMatch(/body\.duration: bad duration/);
    expect(classifyLuma(answer(401, { detail: 'Invalid API key' }))?.kind).toBe('auth');
    expect(classifyLuma(answer(500, { detail: 'Internal server error' }))?.kind).toBe('server');
  });

  it('reads generations in every state', () => {
    const g = { id: 'g1', generation_type: 'video', request: { duration: '9s' } };
    expect(parseLumaGeneration(answer(200, { ...g, state: 'queued' })).state).toBe('submitted');
    expect(parseLumaGeneration(answer(200, { ...g, state: 'dreaming' })).state).toBe('running');
    expect(parseLumaGeneration(answer(200, { ...g, state: 'completed', assets: { video: 'https://cdn/x.mp4' } }))).toMatchObject({ state: 'succeeded', videos: [{ id: 'g1', url: 'https://cdn/x.mp4', durationS: 9 }] });
    expect(parseLumaGeneration(answer(200, { ...g, state: 'failed', failure_reason: 'advanced moderation failed' }))).toMatchObject({ state: 'failed', failure: { kind: 'policy' } });
    expect(parseLumaGeneration(answer(200, { ...g, state: 'failed', failure_reason: 'GPU crashed' }))).toMatchObject({ failure: { kind: 'server' } });
  });

  it('finds a lost generation in the list only by the job\'s own callback address, the newest if sent twice', () => {
    const task = { spec: GenerationSpec.parse({ accountId: 'a', model: 'ray-2', taskType: 'text_to_video', durationS: 5, prompt: 'p' }), inputs: [], parent: null };
    const ours = 'https://tunnel.example/callbacks/job-1/secret';
    // Without an address there is nothing of ours to find: no lookup, the engine parks.
    expect(lumaAdapter.findCall(task, 'k', {})).toBeNull();
    expect(lumaAdapter.findCall(task, 'k', { callbackUrl: ours })).toEqual({ method: 'GET', path: '/generations?limit=100&offset=0' });
    expect(lumaAdapter.findByListing).toBe(true);
    const gen = (id: string, createdAt: string, callback?: string) => ({
      id, state: 'dreaming', created_at: createdAt, request: { prompt: 'p', ...(callback ? { callback_url: callback } : {}) },
    });
    const list = answer(200, { generations: [
      gen('other-job', '2026-12-05T10:03:00Z', 'https://tunnel.example/callbacks/job-2/secret'),
      gen('same-prompt', '2026-12-05T10:02:30Z'),
      gen('ours-second', '2026-12-05T10:02:00Z', ours),
      gen('ours-first', '2026-12-05T10:01:00Z', ours),
    ], has_more: false });
    expect(lumaAdapter.parseFind(list, 'k', { callbackUrl: ours })).toMatchObject({ providerTaskId: 'ours-second', state: 'running' });
    expect(lumaAdapter.parseFind(list, 'k', { callbackUrl: 'https://tunnel.example/callbacks/job-3/secret' })).toBeNull();
    expect(lumaAdapter.parseFind(list, 'k', {})).toBeNull();
    expect(() => lumaAdapter.parseFind(answer(200, { detail: 'nope' }), 'k', { callbackUrl: ours })).toThrow(/no generations array/);
  });
});

describe('durations as providers write them', () => {
  it('reads Google and OpenAI forms', () => {
    expect([durationMs('38s'), durationMs('1.5s'), durationMs('6m0s'), durationMs('250ms'), durationMs('1h2m3s'), durationMs('soon')]).toEqual([38_000, 1500, 360_000, 250, 3_723_000, undefined]);
  });
});

describe('capability tables agree with what each adapter accepts', () => {
  const resolved = (input: GenerationSpecInput) => ({ spec: GenerationSpec.parse(input), inputs: [], parent: null });
  for (const adapter of [veoAdapter, soraAdapter, lumaAdapter] as ProviderAdapter[]) {
    it(`${adapter.label}: every offered duration, aspect ratio and resolution of a text-to-video model passes; others are refused by field`, () => {
      for (const m of adapter.models.filter((x) => x.taskTypes.includes('text_to_video'))) {
        for (const durationS of m.durationsS) {
          for (const aspectRatio of m.aspectRatios) {
            for (const resolution of m.resolutions ?? [undefined]) {
              const spec: GenerationSpecInput = { accountId: 'a', model: m.model, taskType: 'text_to_video', durationS, aspectRatio: aspectRatio as '16:9', prompt: 'p', ...(resolution ? { resolution } : {}) };
              expect(adapter.validate(resolved(spec))).toEqual([]);
              expect(adapter.estimateCredits(GenerationSpec.parse(spec), pricingOf(adapter.id)!.table)).toBeGreaterThan(0);
            }
          }
        }
        const off = Math.max(...m.durationsS) + 1;
        expect(adapter.validate(resolved({ accountId: 'a', model: m.model, taskType: 'text_to_video', durationS: off, prompt: 'p' })).map((p) => p.field)).toContain('durationS');
        expect(adapter.validate(resolved({ accountId: 'a', model: m.model, taskType: 'lip_sync', durationS: m.durationsS[0]!, prompt: 'p' })).map((p) => p.field)).toEqual(['taskType']);
        expect(adapter.validate(resolved({ accountId: 'a', model: m.model, taskType: 'text_to_video', durationS: m.durationsS[0]!, prompt: 'p', camera: { type: 'down_back' } })).map((p) => p.field)).toEqual(['camera']);
      }
    });
  }

  it('Sora carries the shutdown notice for the UI, on the adapter and each model', () => {
    expect(soraAdapter.notice).toMatchObject({ kind: 'shutdown', date: '2026-09-24' });
    expect(soraAdapter.models.every((m) => m.notice?.kind === 'shutdown')).toBe(true);
    expect(veoAdapter.notice).toBeUndefined();
  });
});

// Every provider Dailies speaks. Adding one is a folder under main/providers/<id>/ plus one
// line here: the line registers its adapter (what the app and the job engine use) and its
// simulated API (what the local simulator serves, loaded only when a simulator starts).
// See docs/adding-a-provider.md.
import type { ProviderAdapter, ProviderRegistration } from './types.js';
import { klingAdapter } from './kling/index.js';
import { runwayAdapter } from './runway/index.js';
import { minimaxAdapter } from './minimax/index.js';
import { pikaAdapter } from './pika/index.js';
import { veoAdapter } from './veo/index.js';
import { soraAdapter } from './sora/index.js';
import { lumaAdapter } from './luma/index.js';

export const REGISTERED: readonly ProviderRegistration[] = [
  { adapter: klingAdapter, simulator: async () => (await import('./kling/simulator/index.js')).klingSimulator },
  { adapter: runwayAdapter, simulator: async () => (await import('./runway/simulator/index.js')).runwaySimulator },
  { adapter: minimaxAdapter, simulator: async () => (await import('./minimax/simulator/index.js')).minimaxSimulator },
  { adapter: pikaAdapter, simulator: async () => (await import('./pika/simulator/index.js')).pikaSimulator },
  { adapter: veoAdapter, simulator: async () => (await import('./veo/simulator/index.js')).veoSimulator },
  { adapter: soraAdapter, simulator: async () => (await import('./sora/simulator/index.js')).soraSimulator },
  { adapter: lumaAdapter, simulator: async () => (await import('./luma/simulator/index.js')).lumaSimulator },
];

export const PROVIDERS: Readonly<Record<string, ProviderAdapter>> = Object.fromEntries(REGISTERED.map((r) => [r.adapter.id, r.adapter]));

// Every provider's built-in price table, by provider id: what the contract checks a price edit
// against (a known row, in a known table) and what the core starts from before the user's own
// prices. A new provider adds its table here as well as its adapter (docs/adding-a-provider.md).
import type { ProviderPricing } from './table.js';
import { KLING_PRICING } from './kling.js';
import { LUMA_PRICING } from './luma.js';
import { MINIMAX_PRICING } from './minimax.js';
import { PIKA_PRICING } from './pika.js';
import { RUNWAY_PRICING } from './runway.js';
import { SORA_PRICING } from './sora.js';
import { VEO_PRICING } from './veo.js';

export const PRICING = {
  kling: KLING_PRICING,
  runway: RUNWAY_PRICING,
  minimax: MINIMAX_PRICING,
  pika: PIKA_PRICING,
  veo: VEO_PRICING,
  sora: SORA_PRICING,
  luma: LUMA_PRICING,
} as const satisfies Record<string, ProviderPricing<object>>;

export type PricedProvider = keyof typeof PRICING;
export const PRICED_PROVIDERS = Object.keys(PRICING) as [PricedProvider, ...PricedProvider[]];

export function isPricedProvider(provider: string): provider is PricedProvider {
  return Object.prototype.hasOwnProperty.call(PRICING, provider);
}

export function pricingOf(provider: string): ProviderPricing | null {
  return isPricedProvider(provider) ? (PRICING[provider] as ProviderPricing) : null;
}

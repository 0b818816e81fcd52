// Every provider Dailies speaks. Adding one is a folder under main/providers/ plus one line here.
import type { ProviderAdapter } from './types.js';
import { klingAdapter } from './kling/index.js';
import { runwayAdapter } from './runway/index.js';
import { minimaxAdapter } from './minimax/index.js';
import { pikaAdapter } from './pika/index.js';

export const PROVIDERS: Readonly<Record<string, ProviderAdapter>> = {
  kling: klingAdapter,
  runway: runwayAdapter,
  minimax: minimaxAdapter,
  pika: pikaAdapter,
};

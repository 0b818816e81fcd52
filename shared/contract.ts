// The one contract between the renderer and the core: channel name → zod input schema → result
// type. Both transports (Electron IPC and the HTTP serve host) carry exactly these channels, the
// core validates every input against these schemas, and the renderer's client is typed by them.
// Each domain keeps its channels in shared/channels/<domain>.ts; they are joined here.
import type { z } from 'zod';
import { joinChannels } from './channels/channel.js';
import { libraryChannels } from './channels/library.js';
import { watchChannels } from './channels/watch.js';
import { demoChannels, jobChannels } from './channels/jobs.js';
import { providerChannels } from './channels/providers.js';
import { reviewChannels } from './channels/review.js';
import { editChannels, promptChannels } from './channels/edit.js';
import { gridChannels } from './channels/grid.js';
import { bundleChannels } from './channels/bundles.js';
import { elementChannels } from './channels/elements.js';
import { referenceChannels } from './channels/references.js';
import { priceChannels } from './channels/prices.js';
import { mediaChannels } from './channels/media.js';

export { RENDER_SORTS, type RenderSort } from './domain.js';
export { RenderFilter, RendersPageInput, type RendersPage, type ReferencesPage } from './channels/library.js';

// One domain per line, so that two changes adding domains do not conflict.
export const contract = joinChannels(
  libraryChannels,
  watchChannels,
  jobChannels,
  demoChannels,
  reviewChannels,
  editChannels,
  promptChannels,
  gridChannels,
  providerChannels,
  bundleChannels,
  elementChannels,
  referenceChannels,
  priceChannels,
  mediaChannels,
);

export type Contract = typeof contract;
export type Channel = keyof Contract;
/** What a caller may send (defaults not yet applied). */
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives (validated, defaults applied). */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelResult<C extends Channel> = Contract[C]['output'];

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

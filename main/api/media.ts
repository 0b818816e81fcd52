// Background preview work (posters, hover-scrub strips): the state a window opened mid-work shows,
// and dismissing the failures listed (media.progress tells every window).
import type { DomainHandlers } from './registry.js';
import type { Core } from '../core.js';

export function mediaHandlers(core: Core): DomainHandlers {
  return {
    'media.progress': () => core.previews.state(),
    'media.dismissFailures': () => core.previews.dismissFailures(),
  };
}

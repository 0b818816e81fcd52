import { useCallback, useEffect, useRef, useState } from 'react';
import type { PreviewProgress } from '../../shared/channels/media.js';
import { useClient, useCoreEvents } from '../client/client-context.js';

/**
 * The library's background preview work: asked for once (a window opened mid-work shows it at
 * once) and after a resync, then kept from the media.progress events, which carry the whole state.
 */
export function usePreviewProgress(): PreviewProgress | null {
  const client = useClient();
  const [state, setState] = useState<PreviewProgress | null>(null);
  // An answer to a look-up sent before the latest event is older than what the event said.
  const events = useRef(0);
  const load = useCallback(() => {
    const seen = events.current;
    client.call('media.progress', {}).then(
      (p) => events.current === seen && setState(p),
      () => {
        // The events still tell; a failed look-up only delays the first showing.
      },
    );
  }, [client]);
  useEffect(load, [load]);
  useCoreEvents((e) => {
    if (e.type !== 'media.progress') return;
    events.current++;
    setState(e.progress);
  }, load);
  return state;
}

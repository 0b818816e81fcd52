// A plain browser talking to the serve host: calls are same-origin POSTs (the HttpOnly session
// cookie set by the token URL authenticates them) and events arrive as Server-Sent Events.
import type { CoreEvent } from '../../shared/events.js';
import type { WireReply } from '../../shared/errors.js';
import type { EventSink, Transport } from './transport.js';

const RETRY_MIN_MS = 1_000;
const RETRY_MAX_MS = 30_000;

function isWireReply(value: unknown): value is WireReply<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

async function call(channel: string, input: unknown): Promise<WireReply<unknown>> {
  let res: Response;
  try {
    res = await fetch(`/api/call/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(input ?? {}),
    });
  } catch (err) {
    return { ok: false, error: { code: 'internal', message: `Dailies is not reachable (${(err as Error).message}). Is it still running?` } };
  }
  const text = await res.text();
  try {
    const body: unknown = JSON.parse(text);
    if (isWireReply(body)) return body;
  } catch {
    // Not JSON: the host refused the request before the core saw it (no session, wrong host).
  }
  return {
    ok: false,
    error: { code: res.status === 401 ? 'unauthorized' : 'internal', message: text.trim() || `HTTP ${res.status}` },
  };
}

/**
 * One EventSource per page. EventSource retries dropped connections by itself; when the host
 * refuses the stream outright (it restarted and the session is gone, or it is down) the browser
 * gives up, so we start a new one with backoff. Every reopening after the first is a resync:
 * whatever happened while disconnected was missed.
 */
function connect(sink: EventSink): () => void {
  let source: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let delay = RETRY_MIN_MS;
  let opened = false;
  let stopped = false;

  const open = () => {
    source = new EventSource('/api/events', { withCredentials: true });
    source.onopen = () => {
      delay = RETRY_MIN_MS;
      if (opened) sink.resync();
      opened = true;
    };
    source.onmessage = (msg: MessageEvent<string>) => {
      let event: CoreEvent;
      try {
        event = JSON.parse(msg.data) as CoreEvent;
      } catch {
        return;
      }
      sink.event(event);
    };
    source.onerror = () => {
      if (stopped || source?.readyState !== EventSource.CLOSED) return;
      source = null;
      timer = setTimeout(open, delay);
      delay = Math.min(delay * 2, RETRY_MAX_MS);
    };
  };
  open();

  return () => {
    stopped = true;
    clearTimeout(timer);
    source?.close();
    source = null;
  };
}

export function httpTransport(): Transport {
  return { call, connect, pickFolder: null, pickPath: null, revealFile: null, mediaOrigin: '' };
}

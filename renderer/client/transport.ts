// What a transport carries for the client. The client knows nothing more about the host than
// this: how to send one call, how events arrive, whether there is a native folder picker, and
// where media is served from.
import type { CoreEvent } from '../../shared/events.js';
import type { WireReply } from '../../shared/errors.js';
import type { PathRequest } from '../../shared/path-request.js';
import type { RevealResult } from '../../shared/review.js';

export interface EventSink {
  event(event: CoreEvent): void;
  /** Events may have been missed (the stream dropped and came back): views should refetch. */
  resync(): void;
}

export interface Transport {
  call(channel: string, input: unknown): Promise<WireReply<unknown>>;
  /** Starts delivering events to `sink`; returns the function that stops it. */
  connect(sink: EventSink): () => void;
  /** The native folder picker, or null where the host has none (a plain browser). */
  pickFolder: (() => Promise<string | null>) | null;
  /** The native save/open dialog for one file, or null where the host has none (a plain browser). */
  pickPath: ((request: PathRequest) => Promise<string | null>) | null;
  /** The desktop shell's "show in file manager" for a take, or null where there is none (a browser). */
  revealFile: ((input: { id: number }) => Promise<WireReply<RevealResult>>) | null;
  /** Prefix for `/media/…` and `/thumbs/…` URLs: '' for same origin. */
  mediaOrigin: string;
}

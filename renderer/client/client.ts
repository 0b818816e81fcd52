// The one object the UI uses to reach the core. Typed by the contract; the transport underneath
// (Electron IPC or HTTP) is chosen once at start and never visible to views.
import type { Channel, ChannelInput, ChannelResult } from '../../shared/contract.js';
import type { CoreEvent } from '../../shared/events.js';
import { ContractError } from '../../shared/errors.js';
import type { PathRequest } from '../../shared/path-request.js';
import type { RevealResult } from '../../shared/review.js';
import { httpTransport } from './http-transport.js';
import { ipcTransport } from './ipc-transport.js';
import type { Transport } from './transport.js';

export type ThumbKind = 'poster' | 'sprite';

export interface DailiesClient {
  /** One contract call; rejects with ContractError when the core refuses it. */
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelResult<C>>;
  /** Core events; returns the unsubscribe function. */
  onEvent(listener: (event: CoreEvent) => void): () => void;
  /** Called when events may have been missed (a dropped stream came back): refetch what you show. */
  onResync(listener: () => void): () => void;
  mediaUrl(sha256: string, ext: string): string;
  thumbUrl(sha256: string, kind: ThumbKind): string;
  /** The native folder picker's promise (null on cancel), or null when the host has no picker. */
  pickFolder(): Promise<string | null> | null;
  /** Whether pickFolder() opens a native picker (so the UI can say so before calling it). */
  readonly canPickFolder: boolean;
  /** The native save/open dialog's promise (null on cancel), or null when the host has none. */
  pickPath(request: PathRequest): Promise<string | null> | null;
  readonly canPickPath: boolean;
  /**
   * Where a take's file is; the desktop shell also shows it in the file manager (revealed: true).
   * Rejects with ContractError as call() does.
   */
  reveal(id: number): Promise<RevealResult>;
}

export function createClient(transport: Transport): DailiesClient {
  const listeners = new Set<(event: CoreEvent) => void>();
  const resyncs = new Set<() => void>();
  let disconnect: (() => void) | null = null;

  // One connection however many views listen; opened with the first listener.
  const ensureConnected = () => {
    disconnect ??= transport.connect({
      event: (event) => {
        for (const listener of [...listeners]) listener(event);
      },
      resync: () => {
        for (const listener of [...resyncs]) listener();
      },
    });
  };
  const subscribe = <T>(set: Set<T>, listener: T) => {
    set.add(listener);
    ensureConnected();
    return () => {
      set.delete(listener);
    };
  };

  return {
    async call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelResult<C>> {
      const reply = await transport.call(channel, input);
      if (!reply.ok) throw ContractError.fromWire(reply.error);
      return reply.value as ChannelResult<C>;
    },
    onEvent: (listener) => subscribe(listeners, listener),
    onResync: (listener) => subscribe(resyncs, listener),
    mediaUrl: (sha256, ext) => `${transport.mediaOrigin}/media/${encodeURIComponent(sha256)}.${encodeURIComponent(ext)}`,
    thumbUrl: (sha256, kind) => `${transport.mediaOrigin}/thumbs/${encodeURIComponent(sha256)}/${kind}.jpg`,
    pickFolder: () => (transport.pickFolder ? transport.pickFolder() : null),
    canPickFolder: transport.pickFolder !== null,
    pickPath: (request) => (transport.pickPath ? transport.pickPath(request) : null),
    canPickPath: transport.pickPath !== null,
    async reveal(id) {
      const reply = transport.revealFile ? await transport.revealFile({ id }) : await transport.call('review.reveal', { id });
      if (!reply.ok) throw ContractError.fromWire(reply.error);
      return reply.value as RevealResult;
    },
  };
}

/** Electron's preload bridge when present, otherwise the serve host over HTTP. */
export function createHostClient(): DailiesClient {
  return createClient(window.dailies ? ipcTransport(window.dailies) : httpTransport());
}

/** A message a person can read, from whatever a call rejected with. */
export function errorMessage(err: unknown): string {
  if (err instanceof ContractError) return err.message;
  if (err instanceof Error) return err.message;
  return String(err);
}

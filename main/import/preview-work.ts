// The one count of background preview work in a library: posters made at start for pictures an
// earlier run did not check, and hover-scrub strips after every import, bundle import and
// finished job. Every caller goes through makeSprites / checkAwaitingPosters, which take their
// tickets here, so the status bar's "Making previews 37 of 130" covers all of them at once.
// Changes are pushed as media.progress events at most every EMIT_EVERY_MS: a 1,000-clip import
// settles a thousand tickets, and the windows only need to see where it stands a few times a second.
import type { CoreEvent } from '../../shared/events.js';
import { MAX_PREVIEW_FAILURES, type PreviewFailure, type PreviewKind, type PreviewProgress } from '../../shared/channels/media.js';

export const EMIT_EVERY_MS = 250;
const MAX_REASON = 300;

/** One poster or strip, from the moment it is queued until it is made, fails or is left for later. */
export interface PreviewTicket {
  /** It left the queue and is being made now; `name` is what the status bar shows. */
  start(name: string): void;
  done(): void;
  /** It could not be made: the status bar's failures list says which file and why. */
  fail(file: { name: string; path: string | null }, reason: string): void;
  /** Not made now and not a failure (the library is closing, the file is away): uncounted. */
  drop(): void;
}

export class PreviewWork {
  private pending = 0;
  private done = 0;
  private failed = 0;
  private current: string | null = null;
  private failures: PreviewFailure[] = [];
  private failuresTotal = 0;
  private timer: NodeJS.Timeout | null = null;
  private lastEmit = 0;
  private closed = false;

  constructor(
    private readonly emit: (e: CoreEvent) => void,
    private readonly everyMs = EMIT_EVERY_MS,
  ) {}

  state(): PreviewProgress {
    return {
      pending: this.pending, done: this.done, failed: this.failed, current: this.pending > 0 ? this.current : null,
      failures: [...this.failures], failuresTotal: this.failuresTotal,
    };
  }

  /** Counts one piece of work as queued; settle the ticket exactly once (later calls are ignored). */
  begin(kind: PreviewKind): PreviewTicket {
    // Nothing pending: a new run of work, counted from zero (the failures stay until dismissed).
    if (this.pending === 0) {
      this.done = 0;
      this.failed = 0;
      this.current = null;
    }
    this.pending++;
    this.changed();
    let settled = false;
    const settle = (how: () => void) => {
      if (settled) return;
      settled = true;
      this.pending--;
      how();
      this.changed();
    };
    return {
      start: (name) => {
        if (settled) return;
        this.current = name;
        this.changed();
      },
      done: () => settle(() => this.done++),
      fail: (file, reason) =>
        settle(() => {
          this.failed++;
          this.failuresTotal++;
          const why = reason.length > MAX_REASON ? `${reason.slice(0, MAX_REASON - 1)}…` : reason;
          this.failures = [{ ...file, kind, reason: why, at: Date.now() }, ...this.failures].slice(0, MAX_PREVIEW_FAILURES);
        }),
      drop: () => settle(() => {}),
    };
  }

  dismissFailures(): PreviewProgress {
    this.failures = [];
    this.failuresTotal = 0;
    this.changed();
    return this.state();
  }

  /** Sends a change still waiting for the throttle now (a command about to print its summary). */
  flush(): void {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.timer = null;
    this.lastEmit = Date.now();
    this.emit({ type: 'media.progress', progress: this.state() });
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /**
   * At most one event per `everyMs`, and never one per ticket in a synchronous burst: the event
   * goes out on a timer (0 ms when the last was long enough ago), after the burst has been counted,
   * and always carries the state at that moment — so the last change is never lost.
   */
  private changed(): void {
    if (this.timer || this.closed) return;
    const wait = Math.max(0, this.lastEmit + this.everyMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.lastEmit = Date.now();
      this.emit({ type: 'media.progress', progress: this.state() });
    }, wait);
    // Nothing to wait for on its own: a process that is otherwise done may exit.
    this.timer.unref();
  }
}

// "Finished writing": a file is handed on once its size and mtime have stopped changing for the
// stability window. One timer serves every pending file (10,000 files at start are one timer,
// not 10,000), and a file whose mtime is already older than the window when first seen (present
// at start, or moved in whole) is handed on at once.
import { stat } from 'node:fs/promises';

interface Pending {
  size: number;
  mtimeMs: number;
  unchangedSince: number;
}

const STATS_PER_TICK = 256;

export class StabilityTracker {
  private readonly pending = new Map<string, Pending>();
  private timer: NodeJS.Timeout | null = null;
  private ticking = false;

  constructor(
    private readonly windowMs: number,
    private readonly onStable: (file: string, st: { size: number; mtimeMs: number }) => void,
    private readonly onVanished: (file: string) => void = () => {},
  ) {}

  get size(): number {
    return this.pending.size;
  }

  /** A file appeared or changed; `st` when the watcher already has its stats. */
  observe(file: string, st?: { size: number; mtimeMs: number }): void {
    const now = Date.now();
    if (st && !this.pending.has(file) && now - st.mtimeMs >= this.windowMs && st.size > 0) {
      this.onStable(file, st);
      return;
    }
    const prev = this.pending.get(file);
    if (!prev || !st || prev.size !== st.size || prev.mtimeMs !== st.mtimeMs) {
      this.pending.set(file, { size: st?.size ?? -1, mtimeMs: st?.mtimeMs ?? -1, unchangedSince: now });
    }
    this.schedule();
  }

  forget(file: string): void {
    this.pending.delete(file);
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }

  private schedule(): void {
    if (this.timer || this.ticking || !this.pending.size) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.tick();
    }, Math.max(25, Math.min(250, this.windowMs / 4)));
  }

  private async tick(): Promise<void> {
    this.ticking = true;
    try {
      const batch = [...this.pending.keys()].slice(0, STATS_PER_TICK);
      await Promise.all(batch.map((file) => this.check(file)));
    } finally {
      this.ticking = false;
      this.schedule();
    }
  }

  private async check(file: string): Promise<void> {
    const st = await stat(file).catch(() => null);
    const entry = this.pending.get(file);
    if (!entry) return;
    if (!st || !st.isFile()) {
      this.pending.delete(file);
      this.onVanished(file);
      return;
    }
    const now = Date.now();
    if (st.size !== entry.size || st.mtimeMs !== entry.mtimeMs) {
      this.pending.set(file, { size: st.size, mtimeMs: st.mtimeMs, unchangedSince: now });
      return;
    }
    // Unchanged since the last look: stable once the window has passed since either the last
    // write (mtime) or the first time we saw it like this (clocks of network shares drift).
    if (st.size > 0 && (now - st.mtimeMs >= this.windowMs || now - entry.unchangedSince >= this.windowMs)) {
      this.pending.delete(file);
      this.onStable(file, { size: st.size, mtimeMs: st.mtimeMs });
    }
  }
}

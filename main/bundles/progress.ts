// Progress of a long bundle operation, reported at most every PROGRESS_EVERY_MS (and at the end),
// so a 2 GB export does not flood the UI with events.
export interface BundleProgress {
  phase: 'export' | 'verify' | 'thumbnails' | 'commit';
  bytesDone: number;
  bytesTotal: number;
  filesDone: number;
  filesTotal: number;
  /** The entry being read or written. */
  current: string | null;
}

const PROGRESS_EVERY_MS = 100;

export class ProgressMeter {
  private last = 0;
  readonly state: BundleProgress;

  constructor(phase: BundleProgress['phase'], bytesTotal: number, filesTotal: number, private readonly report?: (p: BundleProgress) => void) {
    this.state = { phase, bytesDone: 0, bytesTotal, filesDone: 0, filesTotal, current: null };
  }

  bytes(n: number): void {
    this.state.bytesDone += n;
    this.maybeReport();
  }

  file(current: string | null, done = false): void {
    this.state.current = current;
    if (done) this.state.filesDone += 1;
    this.maybeReport(done && this.state.filesDone === this.state.filesTotal);
  }

  phase(phase: BundleProgress['phase']): void {
    this.state.phase = phase;
    this.maybeReport(true);
  }

  private maybeReport(force = false): void {
    if (!this.report) return;
    const now = Date.now();
    if (!force && now - this.last < PROGRESS_EVERY_MS) return;
    this.last = now;
    this.report({ ...this.state });
  }
}

// Why a bundle was refused. Every error that concerns one entry of the archive names it, so the
// person who received the bundle can tell the sender exactly what is wrong.
export type BundleErrorCode =
  | 'unsafe_entry' | 'bad_checksum' | 'truncated' | 'not_a_bundle' | 'unknown_version' | 'bad_manifest'
  | 'manifest_too_large' | 'missing_file' | 'unexpected_entry' | 'bomb' | 'duplicate_entry'
  | 'undecodable_media' | 'not_found' | 'nothing_to_export' | 'destination_exists' | 'missing_media' | 'cancelled';

export class BundleError extends Error {
  constructor(readonly code: BundleErrorCode, message: string, readonly entry?: string) {
    super(message);
    this.name = 'BundleError';
  }

  toJSON(): { code: BundleErrorCode; message: string; entry?: string } {
    return { code: this.code, message: this.message, ...(this.entry !== undefined ? { entry: this.entry } : {}) };
  }
}

export function cancelled(): BundleError {
  return new BundleError('cancelled', 'Cancelled; nothing was changed.');
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelled();
}

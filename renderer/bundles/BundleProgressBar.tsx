import type { BundleProgressInfo } from '../../shared/channels/bundles.js';
import { formatBytes } from '../../shared/format.js';

const PHASES: Record<BundleProgressInfo['phase'], string> = {
  export: 'Writing',
  verify: 'Checking files',
  thumbnails: 'Making posters',
  commit: 'Adding to the library',
};

export function BundleProgressBar({ progress, label }: { progress: BundleProgressInfo | null; label: string }) {
  const known = progress !== null && progress.bytesTotal > 0;
  return (
    <div className="bundle-progress">
      <progress aria-label={label} max={known ? progress.bytesTotal : undefined} value={known ? progress.bytesDone : undefined} />
      <p className="bundle-progress-text" aria-live="polite">
        {progress === null
          ? 'Starting…'
          : `${PHASES[progress.phase]}: ${formatBytes(progress.bytesDone)} of ${formatBytes(progress.bytesTotal)} (${progress.filesDone} of ${progress.filesTotal} files)`}
      </p>
    </div>
  );
}

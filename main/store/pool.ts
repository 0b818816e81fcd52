import os from 'node:os';
import pLimit, { type LimitFunction } from 'p-limit';

/**
 * One queue for all ffmpeg/ffprobe work in a library, as wide as the machine has cores: enough
 * to keep them busy, never so many processes that the UI's own requests starve.
 */
export function createMediaPool(size = os.availableParallelism()): LimitFunction {
  return pLimit(Math.max(1, size));
}

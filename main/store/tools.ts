// Locating ffmpeg and ffprobe. The binaries ship inside registry packages (no download at
// install); DAILIES_FFMPEG / DAILIES_FFPROBE override them, e.g. to use a system build.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';

export interface MediaTools {
  ffmpeg: string;
  ffprobe: string;
}

const require = createRequire(import.meta.url);

function fromPackage(pkg: string): string | null {
  try {
    const p = (require(pkg) as { path: string }).path;
    // Inside a packaged app the binary is unpacked next to the asar archive.
    const unpacked = p.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
    return existsSync(unpacked) ? unpacked : existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

export function resolveMediaTools(overrides: Partial<MediaTools> = {}, env = process.env): MediaTools {
  const ffmpeg = overrides.ffmpeg ?? env.DAILIES_FFMPEG ?? fromPackage('@ffmpeg-installer/ffmpeg');
  const ffprobe = overrides.ffprobe ?? env.DAILIES_FFPROBE ?? fromPackage('@ffprobe-installer/ffprobe');
  if (!ffmpeg || !ffprobe) {
    throw new Error(
      `ffmpeg/ffprobe not found (${!ffmpeg ? 'ffmpeg' : 'ffprobe'} missing). Run \`npm install\` again, ` +
        'or point DAILIES_FFMPEG and DAILIES_FFPROBE at installed binaries.',
    );
  }
  return { ffmpeg, ffprobe };
}

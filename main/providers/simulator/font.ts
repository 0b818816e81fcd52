// drawtext needs a font file. Debian with Chromium installed has DejaVu and Liberation; macOS
// and Windows have Arial. The font is copied into the data folder so the filter graph refers
// to it by a plain relative name (no drive letters or colons to escape). No font: no text.
import { copyFileSync, existsSync } from 'node:fs';
import path from 'node:path';

const CANDIDATES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
  '/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf',
  '/usr/share/fonts/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/TTF/DejaVuSans.ttf',
  '/System/Library/Fonts/Supplemental/Arial.ttf',
  '/Library/Fonts/Arial.ttf',
  'C:\\Windows\\Fonts\\arial.ttf',
];

/** The font's name inside dataDir, or null when none is available. */
export function installFont(dataDir: string, preferred = process.env.DAILIES_SIM_FONT): string | null {
  const found = [preferred, ...CANDIDATES].find((f): f is string => !!f && existsSync(f));
  if (!found) return null;
  try {
    copyFileSync(found, path.join(dataDir, 'font.ttf'));
    return 'font.ttf';
  } catch {
    return null;
  }
}

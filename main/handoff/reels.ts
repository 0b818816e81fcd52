// EDL-safe reel names: at most 8 characters of A–Z, 0–9 and _, one per source file, unique in the
// list (CMX 3600 readers match sources by reel, so two files must never share one).
export const REEL_MAX = 8;

export function reelNames(titles: readonly string[]): string[] {
  const used = new Set<string>();
  const bySource = new Map<string, string>();
  return titles.map((title, i) => {
    const known = bySource.get(title);
    if (known) return known;
    const base = title.replace(/\.[^.]*$/, '').toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '') || `R${i + 1}`;
    let reel = base.slice(0, REEL_MAX);
    for (let n = 2; used.has(reel); n++) {
      const suffix = String(n);
      reel = base.slice(0, REEL_MAX - suffix.length) + suffix;
    }
    used.add(reel);
    bySource.set(title, reel);
    return reel;
  });
}

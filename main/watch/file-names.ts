// Which names in a watched folder are files in the making or not ours to import. Browsers and
// download tools write under a partial name and rename when done (.crdownload, .part,
// .download…); rsync writes a hidden ".name.XXXXXX" and renames; editors and the OS leave
// hidden files. None of these is ever imported: the rename to the final name is what arrives.
import path from 'node:path';

const PARTIAL_SUFFIXES = ['.crdownload', '.part', '.partial', '.download', '.opdownload', '.tmp', '.temp', '.!ut', '.!qb'];

export function isPartialName(name: string): boolean {
  const lower = name.toLowerCase();
  return PARTIAL_SUFFIXES.some((s) => lower.endsWith(s)) || lower.startsWith('~$');
}

/** True for any path below `root` with a hidden segment or a partial-download name. */
export function isIgnoredName(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  if (!rel || rel.startsWith('..')) return false;
  const parts = rel.split(path.sep);
  return parts.some((p) => p.startsWith('.')) || isPartialName(parts[parts.length - 1]!);
}

/**
 * Include/exclude patterns: globs relative to the watched folder, "/" as separator, matched
 * case-insensitively (users write *.mp4 for CLIP.MP4). `*` matches within a name, `**` across
 * folders, `?` one character, `{a,b}` alternatives. A pattern without "/" matches the file
 * name at any depth, as in .gitignore.
 */
export function globToRegExp(glob: string): RegExp {
  const anyDepth = !glob.includes('/');
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          re += '(?:.*/)?';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const end = glob.indexOf('}', i);
      if (end < 0) re += '\\{';
      else {
        re += `(?:${glob.slice(i + 1, end).split(',').map((a) => a.replace(/[.+^$()|[\]\\*?]/g, '\\$&')).join('|')})`;
        i = end;
      }
    } else re += c.replace(/[.+^$()|[\]\\{}]/g, '\\$&');
  }
  return new RegExp(`^${anyDepth ? '(?:.*/)?' : ''}${re}$`, 'i');
}

export class PathFilter {
  private readonly include: RegExp[];
  private readonly exclude: RegExp[];

  constructor(private readonly root: string, include: string[], exclude: string[]) {
    this.include = include.map(globToRegExp);
    this.exclude = exclude.map(globToRegExp);
  }

  /** Whether a file (absolute path below the root) passes the folder's patterns. */
  accepts(file: string): boolean {
    const rel = path.relative(this.root, file).split(path.sep).join('/');
    if (this.exclude.some((r) => r.test(rel))) return false;
    return !this.include.length || this.include.some((r) => r.test(rel));
  }
}

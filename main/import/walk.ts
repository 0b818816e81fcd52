// Listing the files an import will consider. Hidden entries are skipped (".DS_Store", rsync's
// ".name.XXXX" temp files, ".git"); symlinked files are followed, symlinked folders are not, so a
// link loop can never make an import run forever.
import { opendir, stat } from 'node:fs/promises';
import path from 'node:path';

export interface WalkResult {
  files: string[];
  /** Folders (or entries) that could not be read, with the reason. */
  errors: { path: string; reason: string }[];
}

export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT': return 'It no longer exists (moved or deleted while importing).';
    case 'EACCES':
    case 'EPERM': return 'Permission denied: Dailies is not allowed to read it.';
    case 'ENOTDIR': return 'It is not a folder.';
    case 'EISDIR': return 'It is a folder, not a file.';
    case 'EMFILE':
    case 'ENFILE': return 'Too many files open at once; try again.';
    case 'ENOSPC': return 'The library disk is full.';
    default: return (err as Error)?.message ?? String(err);
  }
}

export async function walkFolder(root: string): Promise<WalkResult> {
  const files: string[] = [];
  const errors: WalkResult['errors'] = [];
  const pending = [root];
  while (pending.length) {
    const dir = pending.pop()!;
    let handle;
    try {
      handle = await opendir(dir);
    } catch (err) {
      errors.push({ path: dir, reason: describeFsError(err) });
      continue;
    }
    const subdirs: string[] = [];
    try {
      for await (const entry of handle) {
        if (entry.name.startsWith('.')) continue;
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) subdirs.push(full);
        else if (entry.isFile()) files.push(full);
        else if (entry.isSymbolicLink()) {
          const target = await stat(full).catch(() => null);
          if (target?.isFile()) files.push(full);
        }
      }
    } catch (err) {
      errors.push({ path: dir, reason: describeFsError(err) });
    }
    // Depth-first in name order, so the summary lists files the way a file browser does.
    pending.push(...subdirs.sort().reverse());
  }
  return { files: files.sort((a, b) => a.localeCompare(b)), errors };
}

// What the renderer may ask the desktop shell's native file dialog for. The shell validates it
// with this schema (the renderer is untrusted) and only ever returns the path the user chose.
import { z } from 'zod';

export const PathRequest = z
  .object({
    /** Save: a new file or folder to write. Open: an existing file. */
    mode: z.enum(['save', 'open']),
    title: z.string().min(1).max(80),
    /** Suggested file name when saving. */
    defaultName: z.string().min(1).max(255).regex(/^[^/\\]+$/, 'a name, not a path').optional(),
    /** Extensions offered in the dialog's filter, without dots. */
    extensions: z.array(z.string().regex(/^[a-z0-9]{1,10}$/)).max(8).optional(),
  })
  .strict();
export type PathRequest = z.infer<typeof PathRequest>;

// Channels of the reference library beyond listing (references.page lives with the library):
// what each reference is for.
import { z } from 'zod';
import { REFERENCE_ROLES } from '../domain.js';
import { channel, Id } from './channel.js';

export const referenceChannels = {
  /** Sets or clears (null) a reference's role; the generation form offers it in that role. */
  'references.setRole': channel(
    z.object({ id: Id, role: z.enum(REFERENCE_ROLES).nullable() }).strict(),
  ).returns<{ id: number; role: string | null }>(),
};

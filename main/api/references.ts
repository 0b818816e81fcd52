// Handlers for the reference library's edits.
import type { DomainHandlers } from './registry.js';
import type { Core } from '../core.js';
import { setReferenceRole } from '../catalogue/references.js';

export function referenceHandlers(core: Core): DomainHandlers {
  return {
    'references.setRole': ({ id, role }) => {
      setReferenceRole(core.db, id, role);
      core.emit({ type: 'catalogue.changed', entity: 'references', ids: [id] });
      return { id, role };
    },
  };
}

import type { DomainHandlers } from './registry.js';
import type { Core } from '../core.js';
import { editContext } from '../edit/context.js';
import { findFaces } from '../edit/faces.js';
import { extractFrame, previewFrame } from '../edit/frame.js';
import { saveMask } from '../edit/mask.js';
import { getStyleLock, setStyleLock } from '../edit/style-lock.js';

export function editHandlers(core: Core): DomainHandlers {
  return {
    'edit.context': ({ renderId }) => editContext(core.db, renderId),
    'edit.frame': ({ renderId, at, role }) => extractFrame(core, renderId, at, role),
    'edit.framePreview': ({ renderId, at }) => previewFrame(core, renderId, at),
    'edit.faces': ({ renderId }) => findFaces(core, renderId),
    'edit.saveMask': ({ frameRefId, png, label }) => saveMask(core, frameRefId, png, label),
    'prompt.styleLock': ({ projectId }) => getStyleLock(core.db, projectId),
    'prompt.setStyleLock': ({ projectId, styleLock }) => {
      const saved = setStyleLock(core.db, projectId, styleLock);
      core.emit({ type: 'catalogue.changed', entity: 'projects', ids: [projectId] });
      return saved;
    },
  };
}

// Handlers of the review views: detail, lineage, marks, notes, reveal, storyboard, costs.
import type { DomainHandlers } from './registry.js';
import type { Core } from '../core.js';
import { ContractError } from '../../shared/errors.js';
import { costSummary } from '../catalogue/costs.js';
import { lineageTree, markRender, reviewDetail, setNotes } from '../catalogue/review.js';
import { createShot, getStoryboard, moveShot, renameShot } from '../catalogue/storyboard.js';
import { mediaPath } from '../store/layout.js';

function renderFilePath(core: Core, id: number): string {
  const row = core.db
    .prepare(`SELECT a.sha256, a.ext, a.storage, a.external_path FROM renders r JOIN assets a ON a.id = r.asset_id WHERE r.id = ?`)
    .get(id) as { sha256: string; ext: string; storage: 'store' | 'external'; external_path: string | null } | undefined;
  if (!row) throw new ContractError('not_found', `There is no render ${id} in this library.`, [{ field: 'id', message: 'no such render' }]);
  return row.storage === 'external' && row.external_path ? row.external_path : mediaPath(core.layout, row.sha256, row.ext);
}

export function reviewHandlers(core: Core): DomainHandlers {
  const rendersChanged = (ids: number[]) => core.emit({ type: 'catalogue.changed', entity: 'renders', ids });
  return {
    'review.detail': ({ id }) => reviewDetail(core.db, id),
    'review.lineage': ({ id }) => lineageTree(core.db, id),
    'review.mark': (input) => {
      const result = markRender(core.db, input);
      rendersChanged(result.unpickedId !== null ? [result.id, result.unpickedId] : [result.id]);
      return result;
    },
    'review.setNotes': ({ id, notes }) => {
      const result = setNotes(core.db, id, notes);
      rendersChanged([id]);
      return result;
    },
    // The core has no file manager to show it in: served to a browser, the path is the answer;
    // the desktop shell asks this too, then shows the file itself (main/electron/reveal.ts).
    'review.reveal': ({ id }) => ({ path: renderFilePath(core, id), revealed: false }),
  };
}

export function storyboardHandlers(core: Core): DomainHandlers {
  const projectChanged = (projectId: number) => core.emit({ type: 'catalogue.changed', entity: 'projects', ids: [projectId] });
  return {
    'storyboard.get': ({ projectId, takesPerShot }) => getStoryboard(core.db, projectId, takesPerShot),
    'shots.create': ({ projectId, name }) => {
      const shot = createShot(core.db, projectId, name);
      projectChanged(projectId);
      return shot;
    },
    'shots.rename': ({ id, name }) => {
      const { projectId, ...shot } = renameShot(core.db, id, name);
      projectChanged(projectId);
      return shot;
    },
    'shots.move': ({ id, beforeId }) => {
      const { projectId, shots } = moveShot(core.db, id, beforeId);
      projectChanged(projectId);
      return shots;
    },
    'costs.summary': ({ projectId, days }) => costSummary(core.db, { projectId, days }),
  };
}

import type { DomainHandlers } from './registry.js';
import type { Core } from '../core.js';
import { libraryCounts } from '../catalogue/library-stats.js';
import { createProject, listProjects, projectCosts, requireProject } from '../catalogue/projects.js';
import { listShots } from '../catalogue/shots.js';
import { getRender, pageRenders } from '../catalogue/renders.js';
import { pageReferences } from '../catalogue/references.js';
import { resolveRenderFilter } from '../catalogue/render-query.js';

export function libraryHandlers(core: Core): DomainHandlers {
  return {
    'library.info': () => ({
      path: core.layout.root,
      schemaVersion: core.db.pragma('user_version', { simple: true }) as number,
      counts: libraryCounts(core.db),
      tools: core.tools,
    }),
  };
}

export function projectHandlers(core: Core): DomainHandlers {
  return {
    'projects.list': () => listProjects(core.db),
    'projects.create': ({ name }) => {
      const project = createProject(core.db, name);
      core.emit({ type: 'catalogue.changed', entity: 'projects', ids: [project.id] });
      return project;
    },
    'projects.costs': () => projectCosts(core.db),
    'shots.list': ({ projectId }) => {
      requireProject(core.db, projectId);
      return listShots(core.db, projectId);
    },
  };
}

export function renderHandlers(core: Core): DomainHandlers {
  return {
    // The search box's text may carry field:value filters (query-syntax.ts); resolved here, once.
    'renders.page': (input) => {
      const { filter, empty } = resolveRenderFilter(core.db, input.filter);
      return empty ? { items: [], nextCursor: null } : pageRenders(core.db, { ...input, filter });
    },
    'renders.count': ({ filter }) => core.reader.run('renders.count', { filter }),
    'renders.get': ({ id }) => getRender(core.db, id),
    'references.page': (input) => pageReferences(core.db, input),
  };
}

export function importHandlers(core: Core): DomainHandlers {
  return {
    'import.folder': ({ path, projectId, asReferences }) => {
      if (projectId !== undefined) requireProject(core.db, projectId);
      return { importId: core.imports.start(path, projectId, { asReferences: asReferences === true }) };
    },
    'import.get': ({ importId }) => core.imports.get(importId),
    'import.running': () => core.imports.stillRunning(),
  };
}

// The project the storyboard (and costs) show: the one chosen, else the most recent with shots;
// and a new project, chosen as soon as the project list has it.
import { useCallback, useEffect, useRef } from 'react';
import type { Project } from '../../shared/domain.js';
import { useClient } from '../client/client-context.js';
import { useLiveCall } from '../client/use-live-call.js';
import { useNavigation } from '../app/navigation.js';

export interface ProjectChoice {
  projects: Project[] | undefined;
  projectId: number | null;
  choose(id: number | null): void;
  /** Creates a project and makes it the one shown. */
  create(name: string): Promise<void>;
  error: string | null;
}

export function useProjectChoice(): ProjectChoice {
  const client = useClient();
  const nav = useNavigation();
  const fetchProjects = useCallback(() => client.call('projects.list', {}), [client]);
  const { value: projects, error } = useLiveCall(fetchProjects, (e) => e.type === 'catalogue.changed' && e.entity === 'projects');
  // A project just created: chosen once the list holds it (its event and the answer race).
  const created = useRef<number | null>(null);
  useEffect(() => {
    if (!projects) return;
    if (created.current !== null) {
      if (!projects.some((p) => p.id === created.current)) return;
      nav.setProjectId(created.current);
      created.current = null;
      return;
    }
    if (nav.projectId !== null && projects.some((p) => p.id === nav.projectId)) return;
    const newest = [...projects].sort((a, b) => b.createdAt - a.createdAt || b.id - a.id)[0];
    nav.setProjectId(newest?.id ?? null);
  }, [projects, nav]);
  const create = useCallback(async (name: string) => {
    const project = await client.call('projects.create', { name });
    created.current = project.id;
    nav.setProjectId(project.id);
  }, [client, nav]);
  return { projects, projectId: nav.projectId, choose: nav.setProjectId, create, error };
}

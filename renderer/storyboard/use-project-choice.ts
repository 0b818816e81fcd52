// The project the storyboard (and costs) show: the one chosen, else the most recent with shots.
import { useCallback, useEffect } from 'react';
import type { Project } from '../../shared/domain.js';
import { useClient } from '../client/client-context.js';
import { useLiveCall } from '../client/use-live-call.js';
import { useNavigation } from '../app/navigation.js';

export function useProjectChoice(): { projects: Project[] | undefined; projectId: number | null; choose(id: number | null): void; error: string | null } {
  const client = useClient();
  const nav = useNavigation();
  const fetchProjects = useCallback(() => client.call('projects.list', {}), [client]);
  const { value: projects, error } = useLiveCall(fetchProjects, (e) => e.type === 'catalogue.changed' && e.entity === 'projects');
  useEffect(() => {
    if (!projects || (nav.projectId !== null && projects.some((p) => p.id === nav.projectId))) return;
    const newest = [...projects].sort((a, b) => b.createdAt - a.createdAt || b.id - a.id)[0];
    nav.setProjectId(newest?.id ?? null);
  }, [projects, nav]);
  return { projects, projectId: nav.projectId, choose: nav.setProjectId, error };
}

// The form's project and shot options, from projects.list, projects.costs and shots.list.
import { useCallback } from 'react';
import type { CoreEvent } from '../../shared/events.js';
import type { Shot } from '../../shared/domain.js';
import { useClient } from '../client/client-context.js';
import { useLiveCall } from '../client/use-live-call.js';
import { isActive } from '../jobs/job-words.js';

export interface ProjectChoice {
  id: number;
  name: string;
  /** Credits spent or in flight; null for a project with no jobs yet. */
  credits: number | null;
}

// Costs move when a job is submitted or ends (its estimate, charge or refund lands in the
// ledger), not on every progress tick, so those are the events that refetch them.
const costsChanged = (e: CoreEvent) =>
  (e.type === 'catalogue.changed' && e.entity !== 'references') ||
  (e.type === 'job.updated' && e.job.projectId !== null && (e.job.state === 'queued' || !isActive(e.job.state)));

/** Every project with its running credit total, in projects.list order. */
export function useProjectChoices(): { projects: ProjectChoice[]; error: string | null } {
  const client = useClient();
  const fetchProjects = useCallback(() => client.call('projects.list', {}), [client]);
  const projects = useLiveCall(fetchProjects, (e) => e.type === 'catalogue.changed' && e.entity === 'projects');
  const fetchCosts = useCallback(() => client.call('projects.costs', {}), [client]);
  const costs = useLiveCall(fetchCosts, costsChanged);

  const byProject = new Map((costs.value ?? []).map((c) => [c.projectId, c.credits]));
  return {
    projects: (projects.value ?? []).map((p) => ({ id: p.id, name: p.name, credits: byProject.get(p.id) ?? null })),
    // The totals are a nicety: a failure to load them is not worth an alert, a failure to load projects is.
    error: projects.error,
  };
}

/** The shot list of one project; empty (and no call) when no project is picked. */
export function useShots(projectId: number | null): { shots: Shot[]; loaded: boolean; error: string | null } {
  const client = useClient();
  const fetchShots = useCallback(
    () => (projectId === null ? Promise.resolve([]) : client.call('shots.list', { projectId })),
    [client, projectId],
  );
  // Shots have no event of their own yet; a new project (the demo one) arrives with its shots.
  const shots = useLiveCall(fetchShots, (e) => e.type === 'catalogue.changed' && e.entity === 'projects');
  return { shots: shots.value ?? [], loaded: shots.value !== undefined, error: shots.error };
}

import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobState } from '../../shared/domain.js';
import type { JobSummary } from '../../shared/jobs.js';
import { errorMessage } from '../client/client.js';
import { useClient, useCoreEvents } from '../client/client-context.js';

const LIST_LIMIT = 100;

export interface JobList {
  jobs: JobSummary[];
  loaded: boolean;
  error: string | null;
}

/**
 * The newest jobs (optionally only in `states`), fetched once and after a resync, then kept
 * current by `job.updated` events: a job is replaced by its newer summary, added when new, and
 * dropped when it leaves the requested states.
 */
export function useJobs(states?: JobState[]): JobList {
  const client = useClient();
  const [list, setList] = useState<JobList>({ jobs: [], loaded: false, error: null });
  const latest = useRef(0);
  const statesKey = states?.join(',') ?? '';

  const load = useCallback(() => {
    const ticket = ++latest.current;
    const input = statesKey ? { states: statesKey.split(',') as JobState[], limit: LIST_LIMIT } : { limit: LIST_LIMIT };
    client.call('jobs.list', input).then(
      (jobs) => ticket === latest.current && setList({ jobs, loaded: true, error: null }),
      (err: unknown) => ticket === latest.current && setList((l) => ({ ...l, loaded: true, error: errorMessage(err) })),
    );
  }, [client, statesKey]);
  useEffect(load, [load]);

  useCoreEvents((event) => {
    if (event.type !== 'job.updated') return;
    const { job } = event;
    const wanted = !statesKey || statesKey.split(',').includes(job.state);
    setList((l) => ({ ...l, jobs: upsert(l.jobs, job, wanted) }));
  }, load);

  return list;
}

function upsert(jobs: JobSummary[], job: JobSummary, keep: boolean): JobSummary[] {
  const i = jobs.findIndex((j) => j.id === job.id);
  if (i >= 0 && jobs[i]!.updatedAt > job.updatedAt) return jobs; // an older event arriving late
  const rest = i >= 0 ? jobs.filter((j) => j.id !== job.id) : jobs;
  if (!keep) return rest;
  return [...rest, job].sort((a, b) => b.id - a.id).slice(0, LIST_LIMIT);
}

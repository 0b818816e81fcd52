// Following one background bundle task (export or import) through its events.
import { useCallback, useState } from 'react';
import type { BundleProgressInfo, BundleTaskInfo } from '../../shared/channels/bundles.js';
import { useClient, useCoreEvents } from '../client/client-context.js';

export function useBundleTask() {
  const client = useClient();
  const [taskId, setTaskId] = useState<string | null>(null);
  const [progress, setProgress] = useState<BundleProgressInfo | null>(null);
  const [finished, setFinished] = useState<BundleTaskInfo | null>(null);

  useCoreEvents(
    (e) => {
      if (!taskId) return;
      if (e.type === 'bundle.progress' && e.taskId === taskId) setProgress(e.progress);
      if (e.type === 'bundle.finished' && e.task.taskId === taskId) setFinished(e.task);
    },
    () => {
      // Events may have been missed: ask how the task stands.
      if (taskId) void client.call('bundles.task', { taskId }).then((t) => (t.state === 'running' ? setProgress(t.progress) : setFinished(t)));
    },
  );

  const follow = useCallback((id: string) => {
    setTaskId(id);
    setProgress(null);
    setFinished(null);
  }, []);
  const reset = useCallback(() => {
    setTaskId(null);
    setProgress(null);
    setFinished(null);
  }, []);
  const cancel = useCallback(() => {
    if (taskId) void client.call('bundles.cancel', { taskId });
  }, [client, taskId]);

  return { taskId, progress, finished, running: taskId !== null && finished === null, follow, reset, cancel };
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

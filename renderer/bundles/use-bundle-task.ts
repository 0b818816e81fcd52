// Following one background bundle task (export or import) through its events.
import { useCallback, useRef, useState } from 'react';
import type { BundleProgressInfo, BundleTaskInfo } from '../../shared/channels/bundles.js';
import { useClient, useCoreEvents } from '../client/client-context.js';

export function useBundleTask() {
  const client = useClient();
  const [taskId, setTaskId] = useState<string | null>(null);
  const [progress, setProgress] = useState<BundleProgressInfo | null>(null);
  const [finished, setFinished] = useState<BundleTaskInfo | null>(null);
  // The task followed, read by the event listener at once (state would only reach it after a render).
  const followed = useRef<string | null>(null);

  // Asks how the task stands: after a resync, and once on following it, since a small task can
  // finish — and its 'bundle.finished' event go by — before the call that started it has answered.
  const check = useCallback(
    (id: string) =>
      void client.call('bundles.task', { taskId: id }).then(
        (t) => {
          if (followed.current !== id) return;
          if (t.state === 'running') setProgress((p) => p ?? t.progress);
          else setFinished(t);
        },
        () => {
          // The events still tell how it goes.
        },
      ),
    [client],
  );

  useCoreEvents(
    (e) => {
      const id = followed.current;
      if (!id) return;
      if (e.type === 'bundle.progress' && e.taskId === id) setProgress(e.progress);
      if (e.type === 'bundle.finished' && e.task.taskId === id) setFinished(e.task);
    },
    () => {
      // Events may have been missed: ask how the task stands.
      if (followed.current) check(followed.current);
    },
  );

  const follow = useCallback((id: string) => {
    followed.current = id;
    setTaskId(id);
    setProgress(null);
    setFinished(null);
    check(id);
  }, [check]);
  const reset = useCallback(() => {
    followed.current = null;
    setTaskId(null);
    setProgress(null);
    setFinished(null);
  }, []);
  const cancel = useCallback(() => {
    if (taskId) void client.call('bundles.cancel', { taskId });
  }, [client, taskId]);

  return { taskId, progress, finished, running: taskId !== null && finished === null, follow, reset, cancel };
}

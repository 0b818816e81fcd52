import { useCallback, useEffect, useRef, useState } from 'react';
import type { WatchFolder } from '../../../shared/channels/watch.js';
import { errorMessage } from '../../client/client.js';
import { useClient, useCoreEvents } from '../../client/client-context.js';

export interface WatchFolders {
  folders: WatchFolder[] | undefined;
  error: string | null;
  /** A folder as a call returned it (added, updated, rescanned): its settings are taken. */
  put(folder: WatchFolder): void;
  drop(id: number): void;
}

/** The watched folders, kept current by `watch.status` events (status, files seen, scan progress). */
export function useWatchFolders(): WatchFolders {
  const client = useClient();
  const [folders, setFolders] = useState<WatchFolder[] | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  // Removed here: a status event sent just before the removal must not bring the folder back.
  const removed = useRef(new Set<number>());

  const load = useCallback(() => {
    client.call('watch.list', {}).then(
      (list) => {
        setFolders(list);
        setError(null);
      },
      (err: unknown) => setError(errorMessage(err)),
    );
  }, [client]);
  useEffect(load, [load]);

  const upsert = useCallback((folder: WatchFolder, merge: (old: WatchFolder) => WatchFolder) => {
    if (removed.current.has(folder.id)) return;
    setFolders((list) => {
      if (!list) return list;
      return list.some((f) => f.id === folder.id) ? list.map((f) => (f.id === folder.id ? merge(f) : f)) : [...list, folder];
    });
  }, []);
  // A call's answer can arrive after newer status events (they travel separately), so from an
  // answer only the settings are taken; status, counts and progress come from the events.
  const put = useCallback(
    (folder: WatchFolder) =>
      upsert(folder, (old) => ({
        ...old,
        path: folder.path, mode: folder.mode, projectId: folder.projectId, include: folder.include,
        exclude: folder.exclude, recursive: folder.recursive, paused: folder.paused, imagesAs: folder.imagesAs,
      })),
    [upsert],
  );
  const drop = useCallback((id: number) => {
    removed.current.add(id);
    setFolders((list) => list?.filter((f) => f.id !== id));
  }, []);

  useCoreEvents((e) => {
    if (e.type === 'watch.status') upsert(e.folder, () => e.folder);
  }, load);

  return { folders, error, put, drop };
}

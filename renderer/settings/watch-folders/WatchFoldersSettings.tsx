import { useCallback, useState } from 'react';
import { useClient } from '../../client/client-context.js';
import { useLiveCall } from '../../client/use-live-call.js';
import { useWatchFolders } from './use-watch-folders.js';
import { WatchFolderForm } from './WatchFolderForm.js';
import { WatchFolderItem } from './WatchFolderItem.js';

/** Settings → Watch folders: the folders Dailies imports from without being asked. */
export function WatchFoldersSettings() {
  const client = useClient();
  const { folders, error, put, drop } = useWatchFolders();
  const fetchProjects = useCallback(() => client.call('projects.list', {}), [client]);
  const projects = useLiveCall(fetchProjects, (e) => e.type === 'catalogue.changed' && e.entity === 'projects').value ?? [];
  const [adding, setAdding] = useState(false);

  return (
    <div className="watch-folders">
      <h3 className="settings-heading">Watch folders</h3>
      <p className="muted settings-note">
        Clips and images that land in these folders join the library by themselves, about a second after they are
        finished: partial downloads wait for their final name, and a file already in the library is never imported twice.
      </p>
      {error && (
        <p role="alert" className="error-text">
          Could not load the watched folders: {error}
        </p>
      )}
      {folders?.length === 0 && !adding && <p className="muted">No folder is watched yet.</p>}
      <ul className="watch-list" aria-label="Watched folders">
        {(folders ?? []).map((folder) => (
          <WatchFolderItem
            key={folder.id}
            folder={folder}
            projectName={projects.find((p) => p.id === folder.projectId)?.name ?? null}
            onChanged={put}
            onRemoved={drop}
          />
        ))}
      </ul>
      {adding ? (
        <WatchFolderForm
          onSaved={(folder) => {
            setAdding(false);
            put(folder);
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <button type="button" className="button" onClick={() => setAdding(true)}>
          Watch a folder…
        </button>
      )}
    </div>
  );
}

// Lip sync: which face speaks. Kling finds the faces in the clip first (edit.faces; no task, no
// charge); with one face there is nothing to choose, with several the user picks one before
// submitting, told apart by when each is on screen.
import { useCallback } from 'react';
import type { LipSyncFace } from '../../shared/channels/edit.js';
import { useClient } from '../client/client-context.js';
import { useLiveCall, type LiveCall } from '../client/use-live-call.js';

export function useFaces(renderId: number, enabled: boolean): LiveCall<{ faces: LipSyncFace[] }> {
  const client = useClient();
  const fetchFaces = useCallback(
    () => (enabled ? client.call('edit.faces', { renderId }) : Promise.resolve({ faces: [] })),
    [client, renderId, enabled],
  );
  return useLiveCall(fetchFaces, () => false);
}

/** Why a lip sync cannot be submitted yet as far as faces go, or null. */
export function faceMissing(faces: LiveCall<{ faces: LipSyncFace[] }>, chosen: string | null): string | null {
  if (!faces.value) return faces.error ? 'The faces in the clip could not be found.' : 'Finding the faces in the clip…';
  if (faces.value.faces.length === 0) return 'Kling found no face in this clip.';
  if (faces.value.faces.length > 1 && chosen === null) return 'Choose which face speaks.';
  return null;
}

const seconds = (ms: number | null) => (ms === null ? '?' : `${(ms / 1000).toFixed(1)} s`);
const onScreen = (f: LipSyncFace) => `on screen ${seconds(f.startMs)} – ${seconds(f.endMs)}`;

export function FacePicker({ faces, value, onChange }: { faces: LiveCall<{ faces: LipSyncFace[] }>; value: string | null; onChange(id: string): void }) {
  if (faces.error) return <p role="alert" className="error-text">Could not find the faces: {faces.error}</p>;
  if (!faces.value) return <p className="muted">Finding the faces in the clip…</p>;
  const list = faces.value.faces;
  if (list.length === 0) return <p role="alert" className="error-text">Kling found no face in this clip: lip sync needs a visible face.</p>;
  if (list.length === 1) return <p className="muted">One face found ({onScreen(list[0]!)}): it speaks.</p>;
  return (
    <fieldset className="gen-group">
      <legend>Which face speaks</legend>
      <p className="gen-note">Kling found {list.length} faces in this clip; the audio goes to the one chosen, from when it appears.</p>
      {list.map((f, i) => (
        <label key={f.faceId} className="gen-check">
          <input type="radio" name="lip-sync-face" value={f.faceId} checked={value === f.faceId} onChange={() => onChange(f.faceId)} />
          Face {i + 1} <span className="muted">({onScreen(f)})</span>
        </label>
      ))}
    </fieldset>
  );
}

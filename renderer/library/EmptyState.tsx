import { ImportButton } from '../import/ImportButton.js';
import { DemoProjectButton } from './DemoProjectButton.js';

export function EmptyState({ onDemoStarted }: { onDemoStarted(): void }) {
  return (
    <section className="empty-state" aria-labelledby="empty-title">
      <h2 id="empty-title">Your library is empty</h2>
      <p>
        Bring in the takes you already have: <strong>Import a folder…</strong> copies every video and image inside it
        (subfolders too) into this library, makes posters and hover-scrub strips, and reports anything it skipped.
      </p>
      <p className="muted">
        Clips downloaded from Kling, Veo, Runway and friends, ComfyUI or InvokeAI outputs, and reference images all work.
        The originals are left where they are.
      </p>
      <ImportButton primary />
      <p className="empty-state-demo">
        New here? <strong>Create demo project</strong> makes a three-shot spot and renders it on the built-in Demo
        simulator — no key and no network — so you can see jobs, renders and credits at work.
      </p>
      <DemoProjectButton onStarted={onDemoStarted} />
    </section>
  );
}

// "Create demo project": a short spot in three shots, each with its shot-list fields, and one
// demo generation per shot, so an empty library shows jobs, renders, prompts and costs at once.
import type { Db } from '../catalogue/open.js';
import { newUid } from '../catalogue/uid.js';
import type { GenerationSpecInput } from '../../shared/generation.js';
import { DEMO_ACCOUNT_ID } from './accounts.js';

const SHOTS = [
  { name: 'Opening: the market wakes', subject: 'a night market street', action: 'lanterns flicker on one by one', framing: 'wide', camera: 'slow push in', lighting: 'blue hour, warm lanterns', style: 'cinematic, 35mm film' },
  { name: 'The cook', subject: 'a street-food cook', action: 'tosses noodles in a flaming wok', framing: 'medium close-up', camera: 'handheld', lighting: 'firelight', style: 'cinematic, 35mm film' },
  { name: 'Closing: steam and neon', subject: 'steam rising past neon signs', action: 'drifts upward', framing: 'close-up', camera: 'tilt up', lighting: 'neon magenta and teal', style: 'cinematic, 35mm film' },
] as const;

export function createDemoProject(db: Db): { projectId: number; specs: GenerationSpecInput[] } {
  const now = Date.now();
  return db.transaction(() => {
    const projectId = Number(
      db.prepare('INSERT INTO projects (uid, name, created_at, updated_at) VALUES (?, ?, ?, ?)').run(newUid(), 'Demo: Night market', now, now).lastInsertRowid,
    );
    const specs = SHOTS.map((shot, i): GenerationSpecInput => {
      const shotId = Number(
        db.prepare(
          `INSERT INTO shots (uid, project_id, position, name, subject, action, framing, camera, lighting, style, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(newUid(), projectId, i + 1, shot.name, shot.subject, shot.action, shot.framing, shot.camera, shot.lighting, shot.style, now, now).lastInsertRowid,
      );
      return {
        accountId: DEMO_ACCOUNT_ID, model: 'kling-v2-6', taskType: 'text_to_video', durationS: 5, aspectRatio: '16:9',
        prompt: `${shot.framing} shot of ${shot.subject}, ${shot.action}; ${shot.camera}; ${shot.lighting}; ${shot.style}`,
        negativePrompt: 'no text overlay, no extra fingers, no camera shake, no warping',
        projectId, shotId,
      };
    });
    return { projectId, specs };
  })();
}

// A library of many renders for the grid's scale tests and `npm run bench:ui`, written straight
// into a catalogue through the real schema (migrations, FTS and search-term triggers) with a few
// set-based INSERTs: seconds, where the benchmark's realistic generator takes minutes.
//
// Deterministic, so a test knows what a search must find: render i (1-based) is titled
// `take_<i>.mp4`; every render's prompt is built from a small vocabulary; every 1000th render
// (i % 1000 === 0) also mentions a "zebra", so "zebra" matches exactly n / 1000 renders.
// Posters are marked absent (there are no image files), so the grid shows placeholders.
import path from 'node:path';
import { openCatalogue } from '../../main/catalogue/open.js';

export const ZEBRA_EVERY = 1000;

export function makeBigLibrary(dir: string, n: number): void {
  const db = openCatalogue(path.join(dir, 'catalogue.sqlite'));
  try {
    db.pragma('synchronous = OFF');
    db.transaction(() => {
      db.exec(`
        INSERT INTO projects (uid, name, created_at, updated_at) VALUES ('p1', 'Spring spot', 0, 0), ('p2', 'Winter spot', 0, 0);
        WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 50)
        INSERT INTO prompts (hash, text, created_at)
        SELECT 'h' || i,
          'a ' || (CASE i % 5 WHEN 0 THEN 'fisherman' WHEN 1 THEN 'red fox' WHEN 2 THEN 'astronaut' WHEN 3 THEN 'dancer' ELSE 'lighthouse' END)
          || ' ' || (CASE i % 3 WHEN 0 THEN 'at golden hour' WHEN 1 THEN 'in the rain' ELSE 'under neon light' END)
          || ', shot ' || i,
          0
        FROM k;
        INSERT INTO prompts (hash, text, created_at) VALUES ('zebra', 'a zebra crossing a misty plain at dawn', 0);
      `);
      db.prepare(
        `WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < @n)
         INSERT INTO assets (sha256, kind, ext, size, container, duration_ms, width, height, has_poster, sprite_frames, created_at)
         SELECT printf('%064x', i), 'video', 'mp4', 1000 + i, 'mp4', 2000 + (i % 9) * 500, 1280, 720, 0, 8, i FROM k`,
      ).run({ n });
      db.prepare(
        `WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < @n)
         INSERT INTO renders (uid, asset_id, project_id, prompt_id, title, source, provider, model, task_type, duration_ms, rating, created_at)
         SELECT 'r' || i, i, 1 + (i % 2), CASE WHEN i % ${ZEBRA_EVERY} = 0 THEN (SELECT id FROM prompts WHERE hash = 'zebra') ELSE 1 + (i % 50) END,
           'take_' || i || '.mp4', 'import', CASE i % 3 WHEN 0 THEN 'kling' WHEN 1 THEN 'veo' ELSE 'runway' END, 'model-' || (i % 4),
           'text_to_video', 2000 + (i % 9) * 500, i % 6, 1700000000000 + i * 1000
         FROM k`,
      ).run({ n });
    })();
  } finally {
    db.close();
  }
}

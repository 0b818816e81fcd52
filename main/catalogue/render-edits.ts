// Edits a reviewer makes to many takes at once (the grid's selection) or to one (the detail
// panel): stars, pick/reject, tags, the shot a take is filed under. One transaction per edit, so
// a refused edit (a second pick in a shot) changes nothing.
import type { Db } from './open.js';
import type { RenderFlag } from '../../shared/domain.js';
import { ContractError } from '../../shared/errors.js';

export interface RenderEdit {
  ids: number[];
  rating?: number | undefined;
  /** null clears the flag. */
  flag?: RenderFlag | null | undefined;
  addTags?: string[] | undefined;
  removeTags?: string[] | undefined;
  /** Files the takes under this shot (and its project); null takes them out of any shot. */
  shotId?: number | null | undefined;
}

export interface RenderEditResult {
  /** How many takes the edit touched. */
  updated: number;
  /** Takes that were their shot's pick and no longer are, because a take of the edit became it. */
  unpicked: number[];
}

const IDS = 'SELECT value FROM json_each(@ids)';

export function editRenders(db: Db, edit: RenderEdit): RenderEditResult {
  const ids = [...new Set(edit.ids)];
  const params = { ids: JSON.stringify(ids) };
  return db.transaction((): RenderEditResult => {
    const found = db.prepare(`SELECT id FROM renders WHERE id IN (${IDS})`).pluck().all(params) as number[];
    if (found.length !== ids.length) {
      const have = new Set(found);
      const missing = ids.filter((id) => !have.has(id));
      throw new ContractError('not_found', `${missing.length === 1 ? 'Render' : 'Renders'} ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? '…' : ''} no longer ${missing.length === 1 ? 'exists' : 'exist'}; nothing was changed.`, [
        { field: 'ids', message: 'no such render' },
      ]);
    }

    if (edit.shotId !== undefined) {
      if (edit.shotId === null) {
        db.prepare(`UPDATE renders SET shot_id = NULL WHERE id IN (${IDS})`).run(params);
      } else {
        const shot = db.prepare('SELECT project_id AS projectId, name FROM shots WHERE id = ?').get(edit.shotId) as { projectId: number; name: string } | undefined;
        if (!shot) throw new ContractError('not_found', `There is no shot ${edit.shotId} in this library.`, [{ field: 'shotId', message: 'no such shot' }]);
        // A pick moved into a shot that has one would make two; the edit says which stays.
        if (edit.flag !== 'pick') {
          const picks = db.prepare(`SELECT count(*) FROM renders WHERE flag = 'pick' AND (id IN (${IDS}) OR shot_id = @shot)`).pluck().get({ ...params, shot: edit.shotId }) as number;
          if (picks > 1) {
            throw new ContractError('conflict', `Shot “${shot.name}” would have ${picks} picks; a shot has one. Unpick all but one of them first; nothing was moved.`, [
              { field: 'shotId', message: 'would give the shot a second pick' },
            ]);
          }
        }
        db.prepare(`UPDATE renders SET shot_id = @shot, project_id = @project WHERE id IN (${IDS})`).run({ ...params, shot: edit.shotId, project: shot.projectId });
      }
    }

    if (edit.rating !== undefined) db.prepare(`UPDATE renders SET rating = @rating WHERE id IN (${IDS})`).run({ ...params, rating: edit.rating });

    let unpicked: number[] = [];
    if (edit.flag !== undefined) {
      if (edit.flag === 'pick') {
        const crowded = db
          .prepare(`SELECT s.name, count(*) AS n FROM renders r JOIN shots s ON s.id = r.shot_id WHERE r.id IN (${IDS}) GROUP BY r.shot_id HAVING n > 1 LIMIT 1`)
          .get(params) as { name: string; n: number } | undefined;
        if (crowded) {
          throw new ContractError('conflict', `A shot has one pick, and ${crowded.n} of these takes are in shot “${crowded.name}”. Pick one of them; nothing was changed.`, [
            { field: 'flag', message: 'more than one pick for a shot' },
          ]);
        }
        unpicked = db
          .prepare(
            `UPDATE renders SET flag = NULL WHERE flag = 'pick' AND id NOT IN (${IDS})
               AND shot_id IN (SELECT shot_id FROM renders WHERE id IN (${IDS}) AND shot_id IS NOT NULL) RETURNING id`,
          )
          .pluck()
          .all(params) as number[];
      }
      db.prepare(`UPDATE renders SET flag = @flag WHERE id IN (${IDS})`).run({ ...params, flag: edit.flag });
    }

    if (edit.addTags?.length) {
      const names = JSON.stringify(edit.addTags);
      db.prepare('INSERT OR IGNORE INTO tags (name) SELECT value FROM json_each(@names)').run({ names });
      db.prepare(
        `INSERT OR IGNORE INTO render_tags (render_id, tag_id)
         SELECT r.value, t.id FROM json_each(@ids) r CROSS JOIN tags t WHERE t.name IN (SELECT value FROM json_each(@names))`,
      ).run({ ...params, names });
    }
    if (edit.removeTags?.length) {
      db.prepare(
        `DELETE FROM render_tags WHERE render_id IN (${IDS})
           AND tag_id IN (SELECT id FROM tags WHERE name IN (SELECT value FROM json_each(@names)))`,
      ).run({ ...params, names: JSON.stringify(edit.removeTags) });
    }
    return { updated: ids.length, unpicked };
  })();
}

/** Every tag with how many takes carry it, most used first: the batch tag field's suggestions. */
export function listTags(db: Db): Array<{ name: string; count: number }> {
  return db
    .prepare('SELECT t.name, count(rt.render_id) AS count FROM tags t LEFT JOIN render_tags rt ON rt.tag_id = t.id GROUP BY t.id ORDER BY count DESC, t.name COLLATE NOCASE')
    .all() as Array<{ name: string; count: number }>;
}

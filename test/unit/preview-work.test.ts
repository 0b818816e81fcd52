// The preview count's arithmetic and its throttle, on the real class with real timers: a burst
// of a thousand strips queued and made must reach the windows as a handful of events, the last
// one always carrying the final state.
import { describe, expect, it } from 'vitest';
import { PreviewWork } from '../../main/import/preview-work.js';
import type { CoreEvent } from '../../shared/events.js';
import type { PreviewProgress } from '../../shared/channels/media.js';
import { waitFor } from '../helpers/wait.js';

function watched(everyMs?: number) {
  const seen: PreviewProgress[] = [];
  const work = new PreviewWork((e: CoreEvent) => e.type === 'media.progress' && seen.push(e.progress), everyMs);
  return { work, seen };
}

describe('PreviewWork', () => {
  it('reports a synchronous burst of 1,000 queued and made as one event with the final counts', async () => {
    const { work, seen } = watched();
    const tickets = Array.from({ length: 1000 }, () => work.begin('sprite'));
    for (const [i, t] of tickets.entries()) {
      t.start(`clip ${i}`);
      if (i === 7) t.fail({ name: `clip ${i}`, path: `/in/clip ${i}.mp4` }, 'ffmpeg said no');
      else t.done();
    }
    await waitFor('an event', () => seen.length > 0);
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ pending: 0, done: 999, failed: 1, current: null });
    expect(seen[0]!.failures).toEqual([{ name: 'clip 7', path: '/in/clip 7.mp4', kind: 'sprite', reason: 'ffmpeg said no', at: expect.any(Number) }]);
    work.close();
  });

  it('sends the state as it is when the throttle allows, never dropping the last change', async () => {
    const { work, seen } = watched(100);
    const a = work.begin('poster');
    await waitFor('first event', () => seen.length === 1);
    expect(seen[0]).toMatchObject({ pending: 1, done: 0 });
    // Changes inside the window wait for it, and go out together.
    const b = work.begin('sprite');
    a.done();
    b.start('b.mp4');
    await waitFor('second event', () => seen.length === 2);
    expect(seen[1]).toMatchObject({ pending: 1, done: 1, current: 'b.mp4' });
    b.drop();
    await waitFor('third event', () => seen.length === 3);
    // A dropped piece (the library closing) is neither made nor failed.
    expect(seen[2]).toMatchObject({ pending: 0, done: 1, failed: 0, current: null });
    work.close();
  });

  it('settles a ticket once, and starts a new run of work from zero while keeping failures', () => {
    const { work } = watched();
    const t = work.begin('sprite');
    t.fail({ name: 'x.mp4', path: null }, 'r'.repeat(1000));
    t.done();
    t.drop();
    expect(work.state()).toMatchObject({ pending: 0, done: 0, failed: 1 });
    // A long ffmpeg message is cut, not the list.
    expect(work.state().failures[0]!.reason).toHaveLength(300);
    const u = work.begin('sprite');
    expect(work.state()).toMatchObject({ pending: 1, done: 0, failed: 0 });
    u.done();
    expect(work.state()).toMatchObject({ pending: 0, done: 1, failed: 0 });
    expect(work.state().failures.map((f) => f.name)).toEqual(['x.mp4']);
    expect(work.dismissFailures()).toMatchObject({ failures: [], failuresTotal: 0 });
    work.close();
  });

  it('flush sends a change still held by the throttle at once', () => {
    const { work, seen } = watched(10_000);
    work.begin('sprite').done();
    work.flush();
    expect(seen).toEqual([expect.objectContaining({ pending: 0, done: 1 })]);
    work.flush();
    expect(seen).toHaveLength(1);
    work.close();
  });

  it('keeps the newest 50 failures listed and counts them all until dismissed', () => {
    const { work } = watched();
    const tickets = Array.from({ length: 60 }, () => work.begin('poster'));
    tickets.forEach((t, i) => t.fail({ name: `f${i}.mp4`, path: null }, 'no picture came out'));
    const s = work.state();
    expect(s).toMatchObject({ failed: 60, failuresTotal: 60 });
    expect(s.failures).toHaveLength(50);
    expect(s.failures[0]!.name).toBe('f59.mp4');
    expect(s.failures.at(-1)!.name).toBe('f10.mp4');
    work.close();
  });
});

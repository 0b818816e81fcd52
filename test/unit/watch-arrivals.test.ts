// The wording of the "files arrived" notice (renderer/watch/arrivals.ts): pure, so tested here.
import { describe, expect, it } from 'vitest';
import { addArrival, details, folderName, headline, type ArrivedEvent } from '../../renderer/watch/arrivals.js';

const event = (over: Partial<ArrivedEvent>): ArrivedEvent => ({
  type: 'watch.arrived', folderId: 1, folder: '/home/ana/Downloads', imported: 0, duplicates: 0, moved: 0, failed: 0,
  names: [], errors: [], ...over,
});

describe('arrivals notice', () => {
  it('says what arrived, from which folder, with the other counts beside it', () => {
    const [a] = addArrival([], event({ imported: 3, duplicates: 1, failed: 1, names: ['a.mp4', 'b.mp4', 'c.mov'] }));
    expect(headline(a!)).toBe('3 new clips from Downloads');
    expect(details(a!)).toEqual(['1 already in the library', '1 failed']);
    expect(headline({ ...a!, imported: 1, names: ['x.png'] })).toBe('1 new image from Downloads');
    expect(headline({ ...a!, imported: 2, names: ['x.png', 'y.mp4'] })).toBe('2 new files from Downloads');
  });

  it('leads with what did happen when nothing new came', () => {
    const [moved] = addArrival([], event({ moved: 2, duplicates: 1 }));
    expect(headline(moved!)).toBe('2 files moved or renamed in Downloads');
    expect(details(moved!)).toEqual(['1 already in the library']);
    const [failed] = addArrival([], event({ failed: 1, errors: [{ path: '/d/x.mp4', reason: 'empty (0 bytes)' }] }));
    expect(headline(failed!)).toBe('1 file from Downloads could not be imported');
    expect(details(failed!)).toEqual([]);
  });

  it('adds batches from one folder together while the notice is up, keeping the first names', () => {
    let list = addArrival([], event({ imported: 4, names: ['1.mp4', '2.mp4', '3.mp4', '4.mp4'] }));
    list = addArrival(list, event({ folderId: 2, folder: 'C:\\Renders\\', imported: 1, names: ['z.mp4'] }));
    list = addArrival(list, event({ imported: 2, failed: 1, names: ['5.mp4', '6.mp4'], errors: [{ path: '/d/7.mp4', reason: 'bad' }] }));
    expect(list.map((a) => a.folderId)).toEqual([2, 1]);
    const downloads = list[1]!;
    expect(downloads).toMatchObject({ imported: 6, failed: 1, names: ['1.mp4', '2.mp4', '3.mp4', '4.mp4', '5.mp4'], version: 1 });
    expect(downloads.errors).toHaveLength(1);
    expect(folderName('C:\\Renders\\')).toBe('Renders');
  });
});

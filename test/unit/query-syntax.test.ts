import { describe, expect, it } from 'vitest';
import { parseQuery, QuerySyntaxError } from '../../main/catalogue/query-syntax.js';

const NOW = new Date(2026, 10, 28, 15, 30); // 28 Nov 2026, local time
const day = (y: number, m: number, d: number) => new Date(y, m - 1, d).getTime();

function refusal(input: string): QuerySyntaxError {
  try {
    parseQuery(input, NOW);
  } catch (err) {
    if (err instanceof QuerySyntaxError) return err;
    throw err;
  }
  throw new Error(`parseQuery(${JSON.stringify(input)}) was accepted`);
}

describe('parseQuery', () => {
  it('takes the issue example apart into filters and free text', () => {
    expect(parseQuery('provider:kling cost:>5 rating:>=4 "golden hour"', NOW)).toEqual({
      text: '"golden hour"', provider: 'kling', cost: { gt: 5 }, ratingMin: 4,
    });
  });

  it('leaves plain words and phrases as free text, in order', () => {
    expect(parseQuery('  fox  "red coat" take_03.mp4 12:30 ', NOW)).toEqual({ text: 'fox "red coat" take_03.mp4 12:30' });
  });

  it('reads every comparison and range form of rating as whole stars', () => {
    expect(parseQuery('rating:4', NOW)).toMatchObject({ ratingMin: 4, ratingMax: 4 });
    expect(parseQuery('rating:>3', NOW)).toMatchObject({ ratingMin: 4 });
    expect(parseQuery('rating:<3', NOW)).toMatchObject({ ratingMax: 2 });
    expect(parseQuery('rating:<=2', NOW)).toMatchObject({ ratingMax: 2 });
    expect(parseQuery('stars:2..4', NOW)).toMatchObject({ ratingMin: 2, ratingMax: 4 });
    expect(parseQuery('rating:0', NOW)).toEqual({ text: '', ratingMax: 0 });
  });

  it('reads cost in credits and duration in seconds (kept as milliseconds)', () => {
    expect(parseQuery('cost:1.5..10', NOW).cost).toEqual({ gte: 1.5, lte: 10 });
    expect(parseQuery('cost:<=2', NOW).cost).toEqual({ lte: 2 });
    expect(parseQuery('duration:>5s', NOW).duration).toEqual({ gt: 5000 });
    expect(parseQuery('duration:..8', NOW).duration).toEqual({ lte: 8000 });
  });

  it('compares dates by whole local days', () => {
    expect(parseQuery('date:2026-11-01', NOW).created).toEqual({ gte: day(2026, 11, 1), lt: day(2026, 11, 2) });
    expect(parseQuery('date:>2026-11-01', NOW).created).toEqual({ gte: day(2026, 11, 2) });
    expect(parseQuery('date:<=2026-11-01', NOW).created).toEqual({ lt: day(2026, 11, 2) });
    expect(parseQuery('date:2026-11-01..2026-11-15', NOW).created).toEqual({ gte: day(2026, 11, 1), lt: day(2026, 11, 16) });
    expect(parseQuery('date:2026-11', NOW).created).toEqual({ gte: day(2026, 11, 1), lt: day(2026, 12, 1) });
    expect(parseQuery('added:today', NOW).created).toEqual({ gte: day(2026, 11, 28), lt: day(2026, 11, 29) });
    expect(parseQuery('date:yesterday', NOW).created).toEqual({ gte: day(2026, 11, 27), lt: day(2026, 11, 28) });
  });

  it('reads flags, lineage, kind, task, tag, project and shot', () => {
    expect(parseQuery('is:pick', NOW).flag).toBe('pick');
    expect(parseQuery('is:rejected', NOW).flag).toBe('reject');
    expect(parseQuery('is:unflagged', NOW).flag).toBe('none');
    expect(parseQuery('has:children', NOW).hasChildren).toBe(true);
    expect(parseQuery('-has:children', NOW).hasChildren).toBe(false);
    expect(parseQuery('kind:Video', NOW).kind).toBe('video');
    expect(parseQuery('type:image-to-video', NOW).taskType).toBe('image_to_video');
    expect(parseQuery('Provider:Kling', NOW).provider).toBe('kling');
    expect(parseQuery('tag:"hero shot" project:"Spring spot" shot:Opening', NOW)).toEqual({
      text: '', tag: 'hero shot', projectName: 'Spring spot', shotName: 'Opening',
    });
  });

  it('refuses an unknown field, naming it and listing the real ones', () => {
    const err = refusal('ratng:5 fox');
    expect(err.code).toBe('validation');
    expect(err.message).toMatch(/“ratng:” is not a filter/);
    expect(err.message).toMatch(/rating:/);
    expect(err.issues).toEqual([{ field: 'filter.text', message: expect.stringContaining('ratng:') }]);
  });

  it('refuses bad values with the form that works', () => {
    expect(refusal('rating:high').message).toMatch(/rating:>=4/);
    expect(refusal('rating:9').message).toMatch(/0 to 5/);
    expect(refusal('rating:>5').message).toMatch(/matches no rating/);
    expect(refusal('cost:>five').message).toMatch(/cost:>5/);
    expect(refusal('date:2026-13-01').message).toMatch(/YYYY-MM-DD/);
    expect(refusal('date:2026-02-30').message).toMatch(/YYYY-MM-DD/);
    expect(refusal('is:maybe').message).toMatch(/pick, reject or unflagged/);
    expect(refusal('kind:gif').message).toMatch(/video, image, audio/);
    expect(refusal('provider:').message).toMatch(/needs a value after the colon, as in provider:kling/);
    expect(refusal('has:parents').message).toMatch(/has:children/);
  });

  it('refuses an unclosed quote, a negated filter other than has:, and a field given twice', () => {
    expect(refusal('"golden hour').message).toMatch(/not closed/);
    expect(refusal('tag:"hero').message).toMatch(/not closed/);
    expect(refusal('-is:pick').message).toMatch(/only has: can be negated/);
    expect(refusal('provider:kling provider:veo').message).toMatch(/contradicts an earlier provider filter/);
  });

  it('accepts the same filter twice when it says the same thing', () => {
    expect(parseQuery('provider:kling provider:kling', NOW).provider).toBe('kling');
  });
});

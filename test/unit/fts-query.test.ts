import { describe, expect, it } from 'vitest';
import { toFtsQuery } from '../../main/catalogue/fts-query.js';

describe('toFtsQuery', () => {
  it('makes each word a prefix term so partial words find whole ones', () => {
    expect(toFtsQuery('gold hour')).toBe('"gold"* AND "hour"*');
  });
  it('keeps quoted phrases exact', () => {
    expect(toFtsQuery('"golden hour" beach')).toBe('"golden hour" AND "beach"*');
  });
  it('splits file names the way the index tokenizes them', () => {
    expect(toFtsQuery('take_03.mp4')).toBe('"take"* AND "03"* AND "mp4"*');
  });
  it('neutralises FTS5 operators and quotes typed by the user', () => {
    expect(toFtsQuery('NEAR(a b) OR -c "x')).toBe('"NEAR"* AND "a"* AND "b"* AND "OR"* AND "c"* AND "x"*');
  });
  it('returns null when nothing searchable remains', () => {
    expect(toFtsQuery('  -- ** "" ')).toBeNull();
  });
  it('keeps non-latin words', () => {
    expect(toFtsQuery('日落 café')).toBe('"日落"* AND "café"*');
  });
});

describe('toFtsQuery with a vocabulary', () => {
  const vocabulary: Record<string, string[]> = { gold: ['gold', 'golden'], hour: ['hour'] };
  const expand = (word: string) => vocabulary[word] ?? null;

  it('turns a prefix word into the exact words it stands for', () => {
    expect(toFtsQuery('gold hour', expand)).toBe('("gold" OR "golden") AND "hour"');
  });

  it('keeps words it cannot expand as prefixes, and phrases as phrases', () => {
    expect(toFtsQuery('"gold hour" beach', expand)).toBe('"gold hour" AND "beach"*');
  });
});

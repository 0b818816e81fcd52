// Which words of one prompt are not in another, by longest common subsequence of words: what a
// reviewer needs to see why two takes differ ("dusk" vs "dawn"), not a character patch.

export interface DiffPart {
  text: string;
  /** True for a word the other prompt does not have at this place. */
  changed: boolean;
}

/** Words and the spaces between them, so the text joins back exactly. */
function tokens(text: string): string[] {
  return text.split(/(\s+)/).filter((t) => t !== '');
}

const MAX_WORDS = 1500;

/** `text` in parts, the words missing from `other` marked changed. */
export function wordDiff(text: string, other: string): DiffPart[] {
  const a = tokens(text);
  const b = tokens(other);
  const aw = a.filter((t) => !/^\s+$/.test(t));
  const bw = b.filter((t) => !/^\s+$/.test(t));
  if (aw.length > MAX_WORDS || bw.length > MAX_WORDS) {
    return text === other ? [{ text, changed: false }] : [{ text, changed: true }];
  }
  // LCS table over words (prompts are at most a few thousand characters).
  const n = aw.length;
  const m = bw.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = aw[i] === bw[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const kept = new Set<number>();
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (aw[i] === bw[j]) {
      kept.add(i);
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) i++;
    else j++;
  }
  const parts: DiffPart[] = [];
  let word = 0;
  for (const t of a) {
    const space = /^\s+$/.test(t);
    const changed = space ? false : !kept.has(word++);
    const last = parts.at(-1);
    // Spaces join the run they sit in, so a changed phrase is one highlight.
    if (last && (last.changed === changed || (space && last.changed))) last.text += t;
    else parts.push({ text: t, changed });
  }
  // A trailing space inside a highlight reads oddly: give it back.
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const m2 = p.changed ? /\s+$/.exec(p.text) : null;
    if (m2) {
      p.text = p.text.slice(0, m2.index);
      parts.splice(i + 1, 0, { text: m2[0], changed: false });
      i++;
    }
  }
  return parts.filter((p) => p.text !== '');
}

// Turns what a user types into a safe FTS5 MATCH expression. Words become prefix terms
// ("gold" finds "golden"), "quoted phrases" stay exact phrases, and every term is quoted so FTS5
// operators and punctuation in the input can never produce a syntax error.
//
// `expand` may replace a prefix word by the exact words it stands for (see search-terms.ts): the
// same matches, found without FTS5 merging every matching word's document list first.

const WORDLIKE = /[\p{L}\p{N}]/u;

function quote(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

/** Returns null when the text holds nothing searchable (only punctuation or spaces). */
export function toFtsQuery(text: string, expand?: (word: string) => string[] | null): string | null {
  const parts: string[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const phrase = m[1];
    if (phrase !== undefined) {
      if (WORDLIKE.test(phrase)) parts.push(quote(phrase.trim()));
    } else {
      // Split on what the unicode61 tokenizer treats as separators, so "take_03.mp4" behaves
      // like the three words it is indexed as.
      for (const word of m[2]!.split(/[^\p{L}\p{N}]+/u)) {
        if (word && WORDLIKE.test(word)) parts.push(prefixTerm(word, expand?.(word) ?? null));
      }
    }
  }
  return parts.length ? parts.join(' AND ') : null;
}

function prefixTerm(word: string, exact: string[] | null): string {
  if (!exact || exact.length === 0) return `${quote(word)}*`;
  if (exact.length === 1) return quote(exact[0]!);
  return `(${exact.map(quote).join(' OR ')})`;
}

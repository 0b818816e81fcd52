// Turns what a user types into a safe FTS5 MATCH expression. Words become prefix terms
// ("gold" finds "golden"), "quoted phrases" stay exact phrases, and every term is quoted so FTS5
// operators and punctuation in the input can never produce a syntax error.

const WORDLIKE = /[\p{L}\p{N}]/u;

function quote(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

/** Returns null when the text holds nothing searchable (only punctuation or spaces). */
export function toFtsQuery(text: string): string | null {
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
        if (word && WORDLIKE.test(word)) parts.push(`${quote(word)}*`);
      }
    }
  }
  return parts.length ? parts.join(' AND ') : null;
}

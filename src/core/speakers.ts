// Speaker names: normalisation and lookup keys shared by the extractor and the registry.
// PLACEHOLDER: to be completed by the quotes issue (issue 3).

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'president', 'prime', 'minister', 'sen', 'senator', 'rep', 'gov', 'governor', 'sir', 'lord', 'lady', 'prof', 'professor']);

/** Lowercase, accent-free, punctuation-free, titles dropped: "Mr. López" -> "lopez". */
export function normalizeName(name: string): string {
  const folded = name.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/['’]s\b/g, '');
  const words = folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  while (words.length > 1 && TITLES.has(words[0]!)) words.shift();
  return words.join(' ');
}

/** Loose spelling key: "Zelenskyy" and "Zelensky" share one. */
export function variantKey(name: string): string {
  return normalizeName(name).replace(/y\b/g, 'i').replace(/(.)\1+/g, '$1');
}

/** The keys under which the registry indexes a speaker name (full name, surname, variants). */
export function nameKeys(name: string): string[] {
  const full = normalizeName(name);
  if (!full) return [];
  const parts = full.split(' ');
  const surname = parts[parts.length - 1]!;
  return [...new Set([full, variantKey(full), surname, variantKey(surname)])];
}

// String similarity for names: character-bigram Dice, used to join near-identical goals and to pair goals across plans.

/** The character bigrams of a string with their counts. */
export function bigrams(s: string): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) out.set(s.slice(i, i + 2), (out.get(s.slice(i, i + 2)) ?? 0) + 1);
  return out;
}

/** Dice similarity of two bigram counts (1 = same bigrams); for callers that compare one string many times. */
export function diceOf(A: Map<string, number>, B: Map<string, number>): number {
  let inter = 0;
  let total = 0;
  for (const [k, v] of A) {
    inter += Math.min(v, B.get(k) ?? 0);
    total += v;
  }
  for (const v of B.values()) total += v;
  return total === 0 ? 0 : (2 * inter) / total;
}

/** Character-bigram Dice similarity of two strings (1 = same bigrams). */
export function dice(a: string, b: string): number {
  return diceOf(bigrams(a), bigrams(b));
}

// Name and alias search shared by both stores: Chinese-aware query forms and one ranking, exact > prefix > substring.
import { NODE_LABELS, normalizeName, type NodeLabel } from "../../schema/index.ts";
import { byCodePoint } from "./defaults.ts";
import type { NodeRef, SearchHit } from "./types.ts";

/** A node that may match a search, with the aliases it is also known by. */
export interface SearchCandidate extends NodeRef {
  aliases: readonly string[];
}

const RANKS = ["exact", "prefix", "substring"] as const;

/** Turns a string into the form searches compare: NFKC (full-width letters and digits folded), lower case, no spaces or quotes. */
function fold(text: string): string {
  return normalizeName("", text).toLowerCase();
}

/** The forms a query is looked for in names of a label: as typed, and without a suffix the label ignores (唐山市 → 唐山). */
export function queryForms(query: string, label?: NodeLabel): string[] {
  const forms = new Set([query.trim().toLowerCase(), fold(query)]);
  if (label) forms.add(normalizeName(label, query).toLowerCase());
  forms.delete("");
  return [...forms];
}

/** Every form of a query for any label, for a database to find candidates before they are ranked. */
export function allQueryForms(query: string): string[] {
  return [...new Set(NODE_LABELS.flatMap((label) => queryForms(query, label)))];
}

/** How well a candidate matches a query, or undefined when it does not. */
function matchOf(candidate: SearchCandidate, forms: readonly string[]): Omit<SearchHit, keyof NodeRef> | undefined {
  let best: { rank: number; match: string } | undefined;
  for (const text of [candidate.name, ...candidate.aliases]) {
    const lower = text.toLowerCase();
    const folded = fold(text);
    for (const form of forms) {
      const rank =
        lower === form || folded === form
          ? 0
          : lower.startsWith(form) || folded.startsWith(form)
            ? 1
            : lower.includes(form) || folded.includes(form)
              ? 2
              : -1;
      if (rank < 0) continue;
      if (!best || rank < best.rank || (rank === best.rank && text.length < best.match.length))
        best = { rank, match: text };
    }
  }
  return best && { rank: RANKS[best.rank] as SearchHit["rank"], match: best.match };
}

/** Ranks candidates against a query: exact before prefix before substring, then shorter matches, then label and id. */
export function rankSearch(candidates: Iterable<SearchCandidate>, query: string, limit: number): SearchHit[] {
  const formsByLabel = new Map(NODE_LABELS.map((label) => [label, queryForms(query, label)]));
  const hits: SearchHit[] = [];
  for (const candidate of candidates) {
    const found = matchOf(candidate, formsByLabel.get(candidate.label) ?? []);
    if (found) hits.push({ key: candidate.key, label: candidate.label, name: candidate.name, ...found });
  }
  hits.sort(
    (a, b) =>
      RANKS.indexOf(a.rank) - RANKS.indexOf(b.rank) ||
      a.match.length - b.match.length ||
      NODE_LABELS.indexOf(a.label) - NODE_LABELS.indexOf(b.label) ||
      byCodePoint(a.key, b.key),
  );
  return hits.slice(0, limit);
}

// Scores an extracted graph against a hand-made gold file: P/R/F1 per entity and relation type, with the misses listed.
import {
  ENTITY_LABELS,
  RELATION_TYPES,
  isEntityLabel,
  dice,
  isRelationType,
  normalizeName,
  type EntityLabel,
  type RelationType,
  type SerializedPlanGraph,
} from "../../schema/index.ts";
import type { GoldFile } from "./gold.ts";

/** Counts and derived precision, recall and F1 for one type or for all. */
export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** The result of scoring: per-type tables for entities and relations, and the false positives and misses by name. */
export interface Score {
  entities: Record<"all" | EntityLabel, Prf>;
  relations: Record<"all" | RelationType, Prf>;
  falsePositives: string[];
  missed: string[];
  /** The graph keys behind the false positives, for tracing them to the rules that made them. */
  falsePositiveKeys: { nodes: string[]; edges: string[] };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision: round3(precision), recall: round3(recall), f1: round3(f1) };
}

function formsOf(label: EntityLabel, name: unknown, aliases: unknown): Set<string> {
  const all = [name, ...(Array.isArray(aliases) ? aliases : [])].filter(
    (x): x is string => typeof x === "string" && x.length > 0,
  );
  return new Set(all.map((x) => normalizeName(label, x)));
}

/** How well a predicted entity's names match a gold entity's: 2 for a shared name; for goals 1.5 when one clause holds the other (6+ characters), else the bigram Dice when ≥ 0.6; 0 otherwise. */
export function nameSimilarity(label: EntityLabel, predicted: Set<string>, gold: Set<string>): number {
  for (const p of predicted) if (gold.has(p)) return 2;
  if (label !== "Goal") return 0;
  let best = 0;
  for (const p of predicted) {
    for (const g of gold) {
      const [shorter, longer] = p.length <= g.length ? [p, g] : [g, p];
      if (shorter.length >= 6 && longer.includes(shorter)) best = Math.max(best, 1.5);
      const d = dice(p, g);
      if (d >= 0.6) best = Math.max(best, d);
    }
  }
  return best;
}

/** Scores a graph against a gold file with the matching rules of the gold format (each gold entity matched once, best pairs first). */
export function score(graph: SerializedPlanGraph, gold: GoldFile): Score {
  const golds = gold.entities.map((e, i) => ({
    i,
    label: e.type,
    name: e.name,
    forms: formsOf(e.type, e.name, e.aliases),
  }));
  const goldIndex = new Map(golds.map((g) => [`${g.label}:${g.name}`, g.i]));
  const preds = graph.nodes
    .filter((n) => isEntityLabel(n.attributes.label))
    .map((n) => {
      const label = n.attributes.label as EntityLabel;
      return {
        key: n.key,
        label,
        name: String(n.attributes.name),
        forms: formsOf(label, n.attributes.name, n.attributes.aliases),
      };
    });

  const pairs: { p: number; g: number; s: number }[] = [];
  preds.forEach((p, pi) =>
    golds.forEach((g) => {
      if (g.label !== p.label) return;
      const s = nameSimilarity(p.label, p.forms, g.forms);
      if (s > 0) pairs.push({ p: pi, g: g.i, s });
    }),
  );
  pairs.sort((a, b) => b.s - a.s);
  const goldOf = new Map<string, number>();
  const matchedPred = new Set<number>();
  const matchedGold = new Set<number>();
  for (const { p, g } of pairs) {
    const key = preds[p]!.key;
    if (!goldOf.has(key)) goldOf.set(key, g);
    if (matchedPred.has(p) || matchedGold.has(g)) continue;
    matchedPred.add(p);
    matchedGold.add(g);
    goldOf.set(key, g);
  }
  const counts = (labels: readonly string[]) =>
    Object.fromEntries(labels.map((l) => [l, { tp: 0, fp: 0, fn: 0 }])) as Record<
      string,
      { tp: number; fp: number; fn: number }
    >;
  const entityCounts = counts(ENTITY_LABELS);
  const falsePositives: string[] = [];
  const missed: string[] = [];
  const falsePositiveKeys: Score["falsePositiveKeys"] = { nodes: [], edges: [] };
  preds.forEach((p, pi) => {
    if (matchedPred.has(pi)) entityCounts[p.label]!.tp++;
    else {
      entityCounts[p.label]!.fp++;
      falsePositiveKeys.nodes.push(p.key);
      falsePositives.push(`${p.label}:${p.name}${goldOf.has(p.key) ? " (duplicate)" : ""}`);
    }
  });
  for (const g of golds)
    if (!matchedGold.has(g.i)) {
      entityCounts[g.label]!.fn++;
      missed.push(`${g.label}:${g.name}`);
    }

  const goldRelations = new Set<string>();
  const parents = new Map<number, number[]>();
  for (const r of gold.relations) {
    const s = goldIndex.get(r.source);
    const t = goldIndex.get(r.target);
    if (s === undefined || t === undefined)
      throw new Error(`ingest/evaluate: gold relation names an unknown entity: ${r.source} -> ${r.target}`);
    goldRelations.add(`${r.type}|${s}|${t}`);
    if (r.type === "LOCATED_IN") parents.set(s, [...(parents.get(s) ?? []), t]);
  }
  const ancestorsOf = (i: number): Set<number> => {
    const seen = new Set<number>();
    const stack = [...(parents.get(i) ?? [])];
    while (stack.length > 0) {
      const p = stack.pop()!;
      if (seen.has(p)) continue;
      seen.add(p);
      stack.push(...(parents.get(p) ?? []));
    }
    return seen;
  };
  const relationCounts = counts(RELATION_TYPES);
  const found = new Set<string>();
  const predName = new Map(preds.map((p) => [p.key, `${p.label}:${p.name}`]));
  for (const e of graph.edges) {
    const type = e.attributes.type;
    if (!isRelationType(type) || !predName.has(e.source) || !predName.has(e.target)) continue;
    const s = goldOf.get(e.source);
    const t = goldOf.get(e.target);
    const k = `${type}|${s}|${t}`;
    if (s !== undefined && t !== undefined && goldRelations.has(k)) {
      if (!found.has(k)) {
        found.add(k);
        relationCounts[type]!.tp++;
      }
      continue;
    }
    if (type === "LOCATED_IN" && s !== undefined && t !== undefined && ancestorsOf(s).has(t)) continue;
    relationCounts[type]!.fp++;
    falsePositiveKeys.edges.push(e.key);
    falsePositives.push(`${type} ${predName.get(e.source)} -> ${predName.get(e.target)}`);
  }
  for (const k of goldRelations) {
    if (found.has(k)) continue;
    const [type, s, t] = k.split("|") as [RelationType, string, string];
    relationCounts[type]!.fn++;
    const g = golds[Number(s)]!;
    const h = golds[Number(t)]!;
    missed.push(`${type} ${g.label}:${g.name} -> ${h.label}:${h.name}`);
  }
  const table = <L extends string>(c: Record<string, { tp: number; fp: number; fn: number }>) => {
    const sum = Object.values(c).reduce((a, b) => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn }), {
      tp: 0,
      fp: 0,
      fn: 0,
    });
    return {
      all: prf(sum.tp, sum.fp, sum.fn),
      ...Object.fromEntries(Object.entries(c).map(([k, v]) => [k, prf(v.tp, v.fp, v.fn)])),
    } as Record<"all" | L, Prf>;
  };
  return {
    entities: table<EntityLabel>(entityCounts),
    relations: table<RelationType>(relationCounts),
    falsePositives,
    missed,
    falsePositiveKeys,
  };
}

/** Formats a score as the table people read: one line per type, then the first `errors` false positives and misses. */
export function formatScore(result: Score, errors = 0): string {
  const line = (name: string, m: Prf) =>
    `  ${name.padEnd(12)} P ${m.precision.toFixed(3)}  R ${m.recall.toFixed(3)}  F1 ${m.f1.toFixed(3)}   (tp ${m.tp}, fp ${m.fp}, fn ${m.fn})`;
  const out = [
    "entities",
    ...Object.entries(result.entities).map(([k, m]) => line(k, m)),
    "relations",
    ...Object.entries(result.relations).map(([k, m]) => line(k, m)),
  ];
  if (errors > 0) {
    out.push("", `false positives (first ${errors}):`, ...result.falsePositives.slice(0, errors).map((x) => `  ${x}`));
    out.push("", `missed (first ${errors}):`, ...result.missed.slice(0, errors).map((x) => `  ${x}`));
  }
  out.push(`entity F1 ${result.entities.all.f1.toFixed(3)} relation F1 ${result.relations.all.f1.toFixed(3)}`);
  return out.join("\n");
}

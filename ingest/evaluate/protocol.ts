// The development protocol over a folder of gold files: per-file and mean scores, errors by rule, and the keep-or-reject check.
import type { SerializedPlanGraph } from "../../schema/index.ts";
import type { Score } from "./score.ts";

/** The scores of one run over a folder of gold files, by gold file name. */
export type RunScores = Record<string, { entityF1: number; relationF1: number }>;

/** How far a file's F1 may fall before a rule change is rejected, though the mean improves. */
export const MAX_FILE_DROP = 0.02;

/** The mean entity and relation F1 of a run. */
export function meanOf(run: RunScores): { entityF1: number; relationF1: number } {
  const rows = Object.values(run);
  const mean = (pick: (r: (typeof rows)[number]) => number) =>
    rows.length === 0 ? 0 : Math.round((rows.reduce((n, r) => n + pick(r), 0) / rows.length) * 1000) / 1000;
  return { entityF1: mean((r) => r.entityF1), relationF1: mean((r) => r.relationF1) };
}

/** The verdict on a run against a baseline: kept when neither mean falls and no file drops by more than MAX_FILE_DROP. */
export interface Verdict {
  kept: boolean;
  meanDelta: { entityF1: number; relationF1: number };
  drops: { file: string; measure: "entity" | "relation"; delta: number }[];
}

/** Compares a run with a baseline run of the same files (files missing from either are left out). */
export function compareRuns(run: RunScores, baseline: RunScores): Verdict {
  const shared = Object.keys(run).filter((f) => f in baseline);
  const pick = (r: RunScores) => Object.fromEntries(shared.map((f) => [f, r[f]!]));
  const now = meanOf(pick(run));
  const before = meanOf(pick(baseline));
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const meanDelta = {
    entityF1: round(now.entityF1 - before.entityF1),
    relationF1: round(now.relationF1 - before.relationF1),
  };
  const drops: Verdict["drops"] = [];
  for (const f of shared) {
    const e = round(run[f]!.entityF1 - baseline[f]!.entityF1);
    const r = round(run[f]!.relationF1 - baseline[f]!.relationF1);
    if (e < -MAX_FILE_DROP) drops.push({ file: f, measure: "entity", delta: e });
    if (r < -MAX_FILE_DROP) drops.push({ file: f, measure: "relation", delta: r });
  }
  return { kept: drops.length === 0 && meanDelta.entityF1 >= 0 && meanDelta.relationF1 >= 0, meanDelta, drops };
}

/** False positives grouped by the rule that made them (node `rules`, edge `cue` or `via`), most frequent first, with examples. */
export function errorsByRule(
  graph: SerializedPlanGraph,
  result: Score,
): { rule: string; count: number; examples: string[] }[] {
  const nodes = new Map(graph.nodes.map((n) => [n.key, n.attributes as Record<string, unknown>]));
  const edges = new Map(graph.edges.map((e) => [e.key, e]));
  const groups = new Map<string, string[]>();
  const add = (rule: string, example: string) => groups.set(rule, [...(groups.get(rule) ?? []), example]);
  for (const key of result.falsePositiveKeys.nodes) {
    const a = nodes.get(key)!;
    const rules = Array.isArray(a.rules) && a.rules.length > 0 ? a.rules.join("+") : "(no rule recorded)";
    add(`${String(a.label)} ${rules}`, String(a.name));
  }
  for (const key of result.falsePositiveKeys.edges) {
    const e = edges.get(key)!;
    const a = e.attributes as Record<string, unknown>;
    const name = (k: string) => String(nodes.get(k)?.name ?? k);
    add(`${String(a.type)} ${String(a.cue ?? a.via ?? "(no cue)")}`, `${name(e.source)} → ${name(e.target)}`);
  }
  return [...groups]
    .map(([rule, examples]) => ({ rule, count: examples.length, examples }))
    .sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule));
}

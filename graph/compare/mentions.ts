// Which plans mention an entity, and which entities the most plans mention.
import { normalizeName, type EntityLabel } from "../../schema/index.ts";
import type { PlanGraph } from "../model/index.ts";
import { entityLabel } from "./plan-contents.ts";

/** One plan that mentions an entity, with the number of its sentences that do. */
export interface PlanMention {
  plan: string;
  title: string;
  region?: string;
  level?: string;
  sentences: number;
}

/** Finds entity ids by id, name or alias (after the same normalisation ids use). */
export function findEntities(graph: PlanGraph, ref: string): string[] {
  if (graph.hasNode(ref) && entityLabel(graph, ref)) return [ref];
  const out: string[] = [];
  graph.forEachNode((key, a) => {
    const label = entityLabel(graph, key);
    if (!label) return;
    const wanted = normalizeName(label, ref);
    if ([a.name, ...(a.aliases as string[])].some((n) => normalizeName(label, String(n)) === wanted)) out.push(key);
  });
  return out;
}

/** Turns sentence counts per plan into mentions named after each plan's node (title, region, level), most sentences first. */
export function listMentions(
  counts: Iterable<[plan: string, sentences: number]>,
  planOf: (plan: string) => Readonly<Record<string, unknown>> | undefined,
): PlanMention[] {
  return [...counts]
    .map(([plan, sentences]) => {
      const p = planOf(plan) ?? {};
      const m: PlanMention = { plan, title: String(p.name ?? plan), sentences };
      if (typeof p.region === "string") m.region = p.region;
      if (typeof p.level === "string") m.level = p.level;
      return m;
    })
    .sort((x, y) => y.sentences - x.sentences || x.plan.localeCompare(y.plan));
}

/** Lists the plans that mention an entity, most sentences first. */
export function plansMentioning(graph: PlanGraph, entity: string): PlanMention[] {
  const counts = new Map<string, number>();
  graph.forEachOutEdge(entity, (_, attrs) => {
    if (attrs.type === "MENTIONED_IN")
      counts.set(attrs.plan, (counts.get(attrs.plan) ?? 0) + (attrs.evidence?.length ?? 1));
  });
  return listMentions(counts, (plan) =>
    graph.hasNode(`plan:${plan}`) ? (graph.getNodeAttributes(`plan:${plan}`) as Record<string, unknown>) : undefined,
  );
}

/** Plans that name a term only inside other entities' names (氢能应用示范工程, 氢能及氢能源汽车), with those names: why they are not among the plans mentioning the term's own entity. */
export function namedInside(
  graph: PlanGraph,
  term: string,
  entities: readonly string[],
): { plan: string; names: string[] }[] {
  const counted = new Set(entities.flatMap((e) => plansMentioning(graph, e).map((p) => p.plan)));
  const skip = new Set(entities);
  const found = new Map<string, Set<string>>();
  graph.forEachNode((key, a) => {
    if (skip.has(key) || !entityLabel(graph, key)) return;
    if (![a.name, ...((a.aliases as string[]) ?? [])].some((n) => String(n).includes(term))) return;
    graph.forEachOutEdge(key, (_e, attrs) => {
      if (attrs.type !== "MENTIONED_IN" || counted.has(attrs.plan)) return;
      found.set(attrs.plan, (found.get(attrs.plan) ?? new Set()).add(String(a.name)));
    });
  });
  return [...found]
    .map(([plan, names]) => ({ plan, names: [...names].sort() }))
    .sort((x, y) => x.plan.localeCompare(y.plan));
}

/** The entities of a label mentioned by the most plans, with that number. */
export function mostMentioned(
  graph: PlanGraph,
  label: EntityLabel,
  limit = 10,
): { key: string; name: string; plans: number }[] {
  const plans = new Map<string, Set<string>>();
  graph.forEachEdge((_, attrs, source) => {
    if (attrs.type !== "MENTIONED_IN" || entityLabel(graph, source) !== label) return;
    const set = plans.get(source) ?? new Set<string>();
    set.add(attrs.plan);
    plans.set(source, set);
  });
  return [...plans]
    .map(([key, set]) => ({ key, name: String(graph.getNodeAttribute(key, "name")), plans: set.size }))
    .sort((a, b) => b.plans - a.plans || a.name.localeCompare(b.name, "zh"))
    .slice(0, limit);
}

// Cross-plan comparison: what two plans share and what only one of them has, by type, with their goals side by side.
import { ENTITY_LABELS, RELATION_TYPES, dice, type EntityLabel, type RelationType } from "../../schema/index.ts";
import type { PlanGraph } from "../model/index.ts";
import { entityLabel, planContents, relationParts } from "./plan-contents.ts";

/** An entity as a comparison lists it, with how many sentences of each plan mention it. */
export interface ComparedEntity {
  key: string;
  label: EntityLabel;
  name: string;
  a: number;
  b: number;
}

/** A relation as a comparison lists it. */
export interface ComparedRelation {
  type: RelationType;
  source: string;
  target: string;
  sourceName: string;
  targetName: string;
}

/** A goal with the properties analysts line up: horizon and, for targets, metric, value and unit. */
export interface GoalView {
  key: string;
  name: string;
  horizon?: number;
  metric?: string;
  value?: number;
  unit?: string;
}

/** Both, only-A and only-B lists. */
export interface Split<T> {
  both: T[];
  onlyA: T[];
  onlyB: T[];
}

/** The comparison of two plans. */
export interface PlanComparison {
  a: { id: string; title: string };
  b: { id: string; title: string };
  entities: Record<EntityLabel, Split<ComparedEntity>>;
  relations: Record<RelationType, Split<ComparedRelation>>;
  goals: { a?: GoalView; b?: GoalView; similarity: number }[];
}

function byCodePoint(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

function goalView(graph: PlanGraph, key: string): GoalView {
  const a = graph.getNodeAttributes(key) as Record<string, unknown>;
  const view: GoalView = { key, name: String(a.name) };
  for (const k of ["horizon", "value"] as const) if (typeof a[k] === "number") view[k] = a[k] as number;
  for (const k of ["metric", "unit"] as const) if (typeof a[k] === "string") view[k] = a[k] as string;
  return view;
}

function pairGoals(graph: PlanGraph, aKeys: string[], bKeys: string[]): PlanComparison["goals"] {
  const a = aKeys.map((k) => goalView(graph, k));
  const b = bKeys.map((k) => goalView(graph, k));
  const pairs: { i: number; j: number; s: number }[] = [];
  a.forEach((x, i) =>
    b.forEach((y, j) => {
      // One metric pairs; a target of the same year pairs first (a 2021 target with a 2021 one, not a 2020 result).
      const sameMetric = x.metric && x.metric === y.metric ? 1.5 + (x.horizon === y.horizon ? 0.25 : 0) : 0;
      const s = x.key === y.key ? 2 : sameMetric || dice(x.name, y.name);
      if (s >= 0.5) pairs.push({ i, j, s });
    }),
  );
  pairs.sort((p, q) => q.s - p.s);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const out: PlanComparison["goals"] = [];
  for (const { i, j, s } of pairs) {
    if (usedA.has(i) || usedB.has(j)) continue;
    usedA.add(i);
    usedB.add(j);
    out.push({ a: a[i], b: b[j], similarity: Math.min(1, Math.round(s * 100) / 100) });
  }
  a.forEach((x, i) => usedA.has(i) || out.push({ a: x, similarity: 0 }));
  b.forEach((y, j) => usedB.has(j) || out.push({ b: y, similarity: 0 }));
  return out;
}

/** Compares two plans of one graph: entities and relations in both, only in A, only in B (most mentioned first), and goals paired by metric or wording; the order never depends on the graph's edge order. */
export function comparePlans(graph: PlanGraph, planA: string, planB: string): PlanComparison {
  const A = planContents(graph, planA);
  const B = planContents(graph, planB);
  const name = (key: string) => String(graph.getNodeAttribute(key, "name"));
  const entities = Object.fromEntries(
    ENTITY_LABELS.map((l) => [l, { both: [], onlyA: [], onlyB: [] }]),
  ) as unknown as PlanComparison["entities"];
  for (const key of new Set([...A.entities.keys(), ...B.entities.keys()])) {
    const label = entityLabel(graph, key);
    if (!label) continue;
    const item: ComparedEntity = {
      key,
      label,
      name: name(key),
      a: A.entities.get(key) ?? 0,
      b: B.entities.get(key) ?? 0,
    };
    entities[label][item.a && item.b ? "both" : item.a ? "onlyA" : "onlyB"].push(item);
  }
  for (const split of Object.values(entities))
    for (const list of Object.values(split))
      list.sort(
        (x: ComparedEntity, y: ComparedEntity) =>
          y.a + y.b - (x.a + x.b) || x.name.localeCompare(y.name, "zh") || byCodePoint(x.key, y.key),
      );
  const relations = Object.fromEntries(
    RELATION_TYPES.map((t) => [t, { both: [], onlyA: [], onlyB: [] }]),
  ) as unknown as PlanComparison["relations"];
  for (const key of new Set([...A.relations, ...B.relations])) {
    const { type, source, target } = relationParts(key);
    const item: ComparedRelation = { type, source, target, sourceName: name(source), targetName: name(target) };
    relations[type][
      A.relations.has(key) && B.relations.has(key) ? "both" : A.relations.has(key) ? "onlyA" : "onlyB"
    ].push(item);
  }
  for (const split of Object.values(relations))
    for (const list of Object.values(split))
      list.sort(
        (x: ComparedRelation, y: ComparedRelation) =>
          x.sourceName.localeCompare(y.sourceName, "zh") ||
          x.targetName.localeCompare(y.targetName, "zh") ||
          byCodePoint(`${x.source}|${x.target}`, `${y.source}|${y.target}`),
      );
  // Goals in key order, so the pairing does not depend on the order a store returned the edges in.
  const goalsOf = (c: typeof A) =>
    [...c.entities.keys()].filter((k) => entityLabel(graph, k) === "Goal").sort(byCodePoint);
  const title = (plan: string) => String(graph.getNodeAttribute(`plan:${plan}`, "name"));
  return {
    a: { id: planA, title: title(planA) },
    b: { id: planB, title: title(planB) },
    entities,
    relations,
    goals: pairGoals(graph, goalsOf(A), goalsOf(B)),
  };
}

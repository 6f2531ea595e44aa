// Splits a validated graph into one part per plan, the unit the loader writes in one transaction.
import {
  edgeId,
  error,
  isEntityLabel,
  planNodeId,
  type EdgeType,
  type Evidence,
  type Issue,
  type SerializedEdge,
  type SerializedNode,
  type SerializedPlanGraph,
} from "../../schema/index.ts";

/** What one plan contributes: its Plan node, its sections, the edges it states and the entities they touch. */
export interface PlanPart {
  /** The key of the Plan node (`plan:hebei`). */
  planKey: string;
  /** The values edges and sections use to name this plan in their `plan` property (usually one). */
  planValues: string[];
  plan: SerializedNode;
  sections: SerializedNode[];
  entities: SerializedNode[];
  /** The plan's edges, each with the deterministic key it is stored under (`TYPE:source->target@plan`). */
  edges: (SerializedEdge & { storedKey: string })[];
}

/** The plan parts, the entity nodes no edge touches (written on their own), and the problems that block loading. */
export interface PlanSplit {
  parts: PlanPart[];
  unattached: SerializedNode[];
  issues: Issue[];
}

/** Most evidence mismatches reported per plan: one is enough to refuse it, a few show the pattern. */
const MAX_MISMATCHES = 10;

/**
 * Checks each evidence of a plan's edges against the plan's text: the sentence must be what the text holds between
 * its offsets, or the explorer would highlight the wrong words. A plan stored without its text is not checked.
 */
function evidenceMismatches(
  part: PlanPart,
  resolve: (value: string) => PlanPart | undefined,
  file: string | undefined,
): Issue[] {
  const text = (part.plan.attributes as { text?: unknown }).text;
  if (typeof text !== "string") return [];
  const issues: Issue[] = [];
  for (const edge of part.edges) {
    const evidence = (edge.attributes as { evidence?: Evidence[] }).evidence ?? [];
    for (const [i, e] of evidence.entries()) {
      if (resolve(e.plan) !== part) continue;
      const found = text.slice(e.start, e.end);
      if (e.start >= 0 && e.end <= text.length && e.start <= e.end && found === e.sentence) continue;
      const item = `edge '${edge.key}'`;
      const shown = (t: string) => (t.length > 30 ? `${t.slice(0, 30)}…` : t);
      issues.push(
        error(
          "graph/bad-property",
          `${item}: evidence ${i} quotes '${shown(e.sentence)}' at characters ${e.start}–${e.end} of plan ` +
            `'${part.planKey}', but its text there reads '${shown(found)}' (of ${text.length} characters); ` +
            "the graph does not match its plan text: ingest the plan again",
          file ? { file, item } : { item },
        ),
      );
      if (issues.length >= MAX_MISMATCHES) return issues;
    }
  }
  return issues;
}

/** Groups nodes and edges by the plan that states them; entities shared by several plans appear in each part. */
export function splitByPlan(graph: SerializedPlanGraph, file?: string): PlanSplit {
  const issues: Issue[] = [];
  const at = (item: string) => (file ? { file, item } : { item });
  const nodes = new Map(graph.nodes.map((n) => [n.key, n]));
  const parts = new Map<string, PlanPart>();
  for (const node of graph.nodes) {
    if (node.attributes.label === "Plan")
      parts.set(node.key, { planKey: node.key, planValues: [], plan: node, sections: [], entities: [], edges: [] });
  }
  const resolve = (value: string): PlanPart | undefined => parts.get(planNodeId(value)) ?? parts.get(value);
  const remember = (part: PlanPart, value: string) => {
    if (!part.planValues.includes(value)) part.planValues.push(value);
  };
  const sectionPlan = new Map<string, PlanPart>();

  for (const node of graph.nodes) {
    if (node.attributes.label !== "Section") continue;
    const value = String(node.attributes.plan);
    const part = resolve(value);
    if (!part) {
      const item = `node '${node.key}'`;
      issues.push(
        error("graph/bad-property", `${item} names plan '${value}', which is not a Plan node here`, at(item)),
      );
      continue;
    }
    remember(part, value);
    part.sections.push(node);
    sectionPlan.set(node.key, part);
  }

  const touched = new Map<PlanPart, Set<string>>();
  const storedKeys = new Map<string, string>();
  for (const edge of graph.edges) {
    const item = `edge '${edge.key}'`;
    const value = (edge.attributes as { plan: string }).plan;
    const part = resolve(value);
    if (!part) {
      issues.push(
        error("graph/dangling-edge", `${item} names plan '${value}', which is not a Plan node here`, at(item)),
      );
      continue;
    }
    const foreign = [edge.source, edge.target].find((k) => {
      const owner = sectionPlan.get(k);
      return (owner && owner !== part) || (nodes.get(k)?.attributes.label === "Plan" && k !== part.planKey);
    });
    if (foreign) {
      issues.push(
        error(
          "graph/bad-endpoints",
          `${item} is stated by plan '${value}' but touches '${foreign}' of another plan`,
          at(item),
        ),
      );
      continue;
    }
    const storedKey = edgeId(edge.attributes.type as EdgeType, edge.source, edge.target, value);
    const twin = storedKeys.get(storedKey);
    if (twin !== undefined) {
      issues.push(
        error(
          "graph/duplicate-key",
          `${item} repeats edge '${twin}' (same type, ends and plan: ${storedKey})`,
          at(item),
        ),
      );
      continue;
    }
    storedKeys.set(storedKey, edge.key);
    remember(part, value);
    part.edges.push({ ...edge, storedKey });
    const ends = touched.get(part) ?? new Set<string>();
    ends.add(edge.source).add(edge.target);
    touched.set(part, ends);
  }

  for (const part of parts.values()) issues.push(...evidenceMismatches(part, resolve, file));

  const attached = new Set<string>();
  for (const [part, keys] of touched) {
    for (const key of keys) {
      const node = nodes.get(key);
      if (node && isEntityLabel(node.attributes.label)) {
        part.entities.push(node);
        attached.add(key);
      }
    }
  }
  for (const part of parts.values())
    if (part.planValues.length === 0) part.planValues.push(part.planKey.replace(/^plan:/, ""));
  const unattached = graph.nodes.filter((n) => isEntityLabel(n.attributes.label) && !attached.has(n.key));
  return { parts: [...parts.values()], unattached, issues };
}

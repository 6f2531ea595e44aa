// What both stores share in answering a subgraph selection: plan references resolved, the steps graph/select takes.
import type { Selection } from "../select/index.ts";
import { StoreError } from "./errors.ts";
import { resolvePlan } from "./resolve-plan.ts";
import type { PlanSummary, SubgraphSelection } from "./types.ts";

/** The plan ids a selection names: each reference resolved by resolvePlan, plus every plan of its level; none: undefined. */
export function selectedPlans(selection: SubgraphSelection, plans: readonly PlanSummary[]): string[] | undefined {
  const ids = (selection.plans ?? []).map((ref) => resolvePlan(plans, ref));
  if (selection.level) {
    const ofLevel = plans.filter((p) => p.level === selection.level).map((p) => p.id);
    if (ofLevel.length === 0) throw new StoreError("store/not-found", `no plan has the level '${selection.level}'`);
    ids.push(...ofLevel);
  }
  return ids.length > 0 ? [...new Set(ids)] : undefined;
}

/** Whether a selection names plans, by reference or by level (resolving them needs the store's plan list). */
export function namesPlans(selection: SubgraphSelection): boolean {
  return Boolean(selection.plans?.length || selection.level);
}

/** The steps of a selection graph/select applies, given resolved plan ids; empty lists select nothing away. */
export function selectSteps(
  selection: SubgraphSelection,
  plans: readonly string[] | undefined,
  withItems = true,
): Selection {
  const items = withItems && (selection.nodes || selection.edges);
  return {
    ...(items
      ? {
          items: {
            ...(selection.nodes ? { nodes: selection.nodes } : {}),
            ...(selection.edges ? { edges: selection.edges } : {}),
          },
        }
      : {}),
    ...(plans ? { plans } : {}),
    ...(selection.labels?.length ? { labels: selection.labels } : {}),
    ...(selection.types?.length ? { types: selection.types } : {}),
    ...(selection.ego ? { ego: selection.ego } : {}),
    ...(selection.derived ? { derived: true } : {}),
  };
}

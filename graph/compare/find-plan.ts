// Finds a plan by what a user types: its id, its file, its title, or the region that issued it (河北, 广东省).
import { normalizeName } from "../../schema/index.ts";
import type { PlanGraph } from "../model/index.ts";

/** The plan fields a reference is matched against, read from a Plan node (`id` without the `plan:` prefix). */
export interface PlanCandidate {
  id: string;
  file: string;
  title: string;
  region: string;
}

/** Candidates an error lists at most. */
const MAX_CANDIDATES = 20;

/** Thrown when a plan reference matches no plan or several; the message and `candidates` name plans to choose from. */
export class PlanNotFoundError extends Error {
  readonly code: "compare/plan-not-found" | "compare/plan-ambiguous";
  /** The plans the reference matched (ambiguous), or some plans the graph holds (not found). */
  readonly candidates: { id: string; title: string }[];
  constructor(code: PlanNotFoundError["code"], message: string, candidates: { id: string; title: string }[] = []) {
    super(message);
    this.code = code;
    this.candidates = candidates;
  }
}

/** The plans of a graph as references are matched against them. */
export function planCandidates(graph: PlanGraph): PlanCandidate[] {
  const plans: PlanCandidate[] = [];
  graph.forEachNode((key, a) => {
    if (a.label !== "Plan") return;
    plans.push({
      id: key.slice("plan:".length),
      file: String(a.file),
      title: String(a.name),
      region: String(a.region ?? ""),
    });
  });
  return plans;
}

/** Resolves a plan reference among candidates: exact id first, then a unique match on file, issuing region or title. */
export function resolvePlan(plans: readonly PlanCandidate[], ref: string): string {
  const exact = plans.find((p) => p.id === ref || `plan:${p.id}` === ref);
  if (exact) return exact.id;
  const wanted = normalizeName("Region", ref);
  const tiers = [
    plans.filter((p) => p.file === ref || p.id.endsWith(`/${ref}`)),
    plans.filter((p) => p.region !== "" && normalizeName("Region", p.region) === wanted),
    plans.filter((p) => p.title.includes(ref) || p.id.includes(ref)),
  ];
  const listed = (list: readonly PlanCandidate[]) =>
    [...list]
      .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
      .slice(0, MAX_CANDIDATES)
      .map((p) => ({ id: p.id, title: p.title }));
  for (const hits of tiers) {
    if (hits.length === 1) return hits[0]!.id;
    if (hits.length > 1) {
      const candidates = listed(hits);
      throw new PlanNotFoundError(
        "compare/plan-ambiguous",
        `graph/compare: "${ref}" matches ${hits.length} plans: ${candidates
          .slice(0, 8)
          .map((p) => p.id)
          .join(", ")}${hits.length > 8 ? ", …" : ""}; give the plan id`,
        candidates,
      );
    }
  }
  const some = listed(plans).slice(0, 5);
  throw new PlanNotFoundError(
    "compare/plan-not-found",
    `graph/compare: no plan matches "${ref}"; plans in this graph include ${some.map((p) => p.id).join(", ")}`,
    some,
  );
}

/** Resolves a plan reference to a plan id: exact id first, then a unique match on file, title or issuing region. */
export function findPlan(graph: PlanGraph, ref: string): string {
  return resolvePlan(planCandidates(graph), ref);
}

// The one plan resolver: what a person types for a plan (id, file, region, title words) to one plan id, or candidates.
import { normalizeName, type NodeAttributes } from "../../schema/index.ts";
import type { PlanGraph } from "../model/index.ts";

/** The plan fields a reference is matched against (a PlanSummary has them all). */
export interface PlanCandidate {
  /** The plan id, as edges name it (`reports-2021/省自治区/河北省`). */
  id: string;
  /** The plan's title. */
  name: string;
  /** The file the plan was read from, as ingest named it. */
  file?: string;
  /** The short name of the issuing region (河北省). */
  region?: string;
}

/** A plan as an error lists it, so a person can pick one. */
export interface PlanChoice {
  id: string;
  title: string;
}

/** What went wrong resolving a plan reference. */
export type PlanReferenceCode = "plan/not-found" | "plan/ambiguous";

/** Candidates an error lists at most. */
const MAX_CANDIDATES = 20;

/** A plan reference that matched no plan or several; `candidates` lists the matches (ambiguous) or some plans (not found). */
export class PlanReferenceError extends Error {
  readonly code: PlanReferenceCode;
  readonly candidates: PlanChoice[];

  constructor(code: PlanReferenceCode, message: string, candidates: PlanChoice[] = []) {
    super(message);
    this.name = "PlanReferenceError";
    this.code = code;
    this.candidates = candidates;
  }
}

/** Whether a plan was issued by the region a person named: the same name up to 省/市 (河北 = 河北省), or its start (内蒙古). */
function issuedBy(plan: PlanCandidate, ref: string): boolean {
  if (!plan.region) return false;
  const wanted = normalizeName("Region", ref);
  const region = normalizeName("Region", plan.region);
  return region === wanted || ([...wanted].length >= 2 && region.startsWith(wanted));
}

/** The tiers a reference is tried against, most specific first; the first tier with any match decides. */
const TIERS: readonly ((plan: PlanCandidate, ref: string) => boolean)[] = [
  (p, ref) => p.id === ref || `plan:${p.id}` === ref,
  (p, ref) => p.file === ref || p.name === ref || p.id.endsWith(`/${ref}`),
  issuedBy,
  (p, ref) => p.name.includes(ref) || p.id.includes(ref),
];

const byId = (a: PlanCandidate, b: PlanCandidate) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const choices = (plans: readonly PlanCandidate[]) =>
  [...plans]
    .sort(byId)
    .slice(0, MAX_CANDIDATES)
    .map((p) => ({ id: p.id, title: p.name }));

/**
 * Resolves a plan reference to one plan id. Tried in order, the first tier with a match deciding: the id (or `plan:` key);
 * the file, the exact title or the id's last parts; the issuing region (河北, 河北省, 内蒙古); words of the title or id.
 * Several plans in the deciding tier are never guessed between: a PlanReferenceError lists them as candidates.
 */
export function resolvePlan(plans: readonly PlanCandidate[], reference: string): string {
  const ref = reference.trim();
  for (const tier of TIERS) {
    const hits = plans.filter((p) => tier(p, ref));
    if (hits.length === 1) return hits[0]!.id;
    if (hits.length > 1) {
      const candidates = choices(hits);
      const shown = candidates.slice(0, 8).map((p) => p.id);
      throw new PlanReferenceError(
        "plan/ambiguous",
        `"${ref}" matches ${hits.length} plans: ${shown.join(", ")}${hits.length > shown.length ? ", …" : ""}; give the plan id`,
        candidates,
      );
    }
  }
  const some = choices(plans).slice(0, 5);
  throw new PlanReferenceError(
    "plan/not-found",
    some.length > 0
      ? `no plan matches "${ref}"; plans in this graph include ${some.map((p) => p.id).join(", ")}`
      : `no plan matches "${ref}": the graph holds no plan`,
    some,
  );
}

/** The plans of a graph as references are matched against them. */
export function planCandidates(graph: PlanGraph): PlanCandidate[] {
  const plans: PlanCandidate[] = [];
  graph.forEachNode((key, attrs) => {
    if (attrs.label !== "Plan") return;
    const { name, file, region } = attrs as NodeAttributes<"Plan">;
    plans.push({ id: key.slice("plan:".length), name, file, ...(region ? { region } : {}) });
  });
  return plans;
}

/** Resolves a plan reference among the plans of a graph (see resolvePlan). */
export function findPlan(graph: PlanGraph, reference: string): string {
  return resolvePlan(planCandidates(graph), reference);
}

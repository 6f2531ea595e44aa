// Finds a plan by what a user types: its id, its file, its title, or the region that issued it (河北, 广东省).
import { normalizeName } from "../../schema/index.ts";
import type { PlanGraph } from "../../ingest/stages/build.ts";

/** Thrown when a plan reference matches no plan or several; the message lists candidates. */
export class PlanNotFoundError extends Error {
  readonly code: "compare/plan-not-found" | "compare/plan-ambiguous";
  constructor(code: PlanNotFoundError["code"], message: string) {
    super(message);
    this.code = code;
  }
}

/** Resolves a plan reference to a plan id: exact id first, then a unique match on file, title or issuing region. */
export function findPlan(graph: PlanGraph, ref: string): string {
  const plans: { id: string; file: string; title: string; region: string }[] = [];
  graph.forEachNode((key, a) => {
    if (a.label !== "Plan") return;
    plans.push({
      id: key.slice("plan:".length),
      file: String(a.file),
      title: String(a.name),
      region: String(a.region ?? ""),
    });
  });
  const exact = plans.find((p) => p.id === ref || `plan:${p.id}` === ref);
  if (exact) return exact.id;
  const wanted = normalizeName("Region", ref);
  const tiers = [
    plans.filter((p) => p.file === ref || p.id.endsWith(`/${ref}`)),
    plans.filter((p) => p.region !== "" && normalizeName("Region", p.region) === wanted),
    plans.filter((p) => p.title.includes(ref) || p.id.includes(ref)),
  ];
  for (const hits of tiers) {
    if (hits.length === 1) return hits[0]!.id;
    if (hits.length > 1)
      throw new PlanNotFoundError(
        "compare/plan-ambiguous",
        `graph/compare: "${ref}" matches ${hits.length} plans: ${hits
          .slice(0, 8)
          .map((p) => p.id)
          .join(", ")}${hits.length > 8 ? ", …" : ""}; give the plan id`,
      );
  }
  throw new PlanNotFoundError(
    "compare/plan-not-found",
    `graph/compare: no plan matches "${ref}"; plans in this graph include ${plans
      .slice(0, 5)
      .map((p) => p.id)
      .join(", ")}`,
  );
}

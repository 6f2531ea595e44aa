// splitByPlan: one part per plan, shared entities in each part that uses them, problems that block a load.
import { describe, expect, it } from "vitest";
import { splitByPlan } from "../../../graph/neo4j/index.ts";
import { HEBEI_PROPOSAL, HEBEI_REPORT_2021, mergeGraphs, planGraph } from "./fixtures.ts";

describe("splitByPlan", () => {
  it("puts each plan's sections and edges in its own part and shared entities in both", () => {
    const first = planGraph(HEBEI_PROPOSAL);
    const second = planGraph(HEBEI_REPORT_2021);
    const { parts, unattached, issues } = splitByPlan(mergeGraphs(first, second));
    expect(issues).toEqual([]);
    expect(unattached).toEqual([]);
    expect(parts.map((p) => p.planKey)).toEqual([`plan:${HEBEI_PROPOSAL.id}`, `plan:${HEBEI_REPORT_2021.id}`]);
    expect(parts[0]?.edges).toHaveLength(first.edges.length);
    expect(parts[1]?.edges).toHaveLength(second.edges.length);
    expect(parts[0]?.planValues).toEqual([HEBEI_PROPOSAL.id]);
    const entities = parts.map((p) => new Set(p.entities.map((e) => e.key)));
    expect(entities[0]?.has("region:雄安新区") && entities[1]?.has("region:雄安新区")).toBe(true);
    expect(parts[1]?.edges[0]?.storedKey).toMatch(/^[A-Z_]+:.+->.+@reports-2021\/hebei$/);
  });

  it("reports evidence whose offsets do not hold its sentence in the plan text, and accepts a plan stored without text", () => {
    const graph = planGraph(HEBEI_PROPOSAL);
    expect(splitByPlan(graph).issues).toEqual([]);
    const edge = graph.edges.find((e) => (e.attributes as { evidence?: unknown[] }).evidence?.length);
    const evidence = (edge?.attributes as { evidence: { start: number; end: number }[] }).evidence[0]!;
    evidence.end = evidence.start + 2;
    // The fixture's edges share evidence objects, so every edge quoting that sentence is reported.
    const { issues } = splitByPlan(graph);
    expect(issues.length).toBeGreaterThanOrEqual(1);
    expect(issues.every((i) => i.code === "graph/bad-property")).toBe(true);
    expect(issues.map((i) => i.source.item)).toContain(`edge '${edge?.key}'`);
    expect(issues[0]?.message).toMatch(/evidence 0 quotes '.+' at characters \d+–\d+ of plan 'plan:.+', but its text/);
    const plan = graph.nodes.find((n) => n.attributes.label === "Plan");
    delete (plan?.attributes as { text?: string }).text;
    expect(splitByPlan(graph).issues).toEqual([]);
  });

  it("keeps entities no edge touches apart, to be written on their own", () => {
    const graph = planGraph(HEBEI_PROPOSAL);
    graph.nodes.push({ key: "region:承德", attributes: { label: "Region", name: "承德", aliases: [] } as never });
    expect(splitByPlan(graph).unattached.map((n) => n.key)).toEqual(["region:承德"]);
  });

  it("reports an edge whose plan is not in the graph, naming the edge", () => {
    const graph = planGraph(HEBEI_PROPOSAL);
    const edge = graph.edges.find((e) => e.attributes.type === "SUPPORTS");
    (edge?.attributes as { plan: string }).plan = "no-such-plan";
    const { issues } = splitByPlan(graph);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toContain(`edge '${edge?.key}' names plan 'no-such-plan'`);
  });
});

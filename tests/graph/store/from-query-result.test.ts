// Query results (as runReadQuery returns them) become a plan graph with schema properties only.
import { describe, expect, it } from "vitest";
import { graphFromQueryResult } from "../../../graph/store/from-query-result.ts";
import type { QueryNode, QueryRelationship } from "../../../graph/neo4j/index.ts";

const node = (id: string, labels: string[], properties: QueryNode["properties"]): QueryNode => ({
  id,
  elementId: `4:x:${id}`,
  labels,
  properties,
});

describe("graphFromQueryResult", () => {
  it("keeps schema properties, restores lists Neo4j did not store, and counts what it could not place", () => {
    const evidence = [{ plan: "p", section: "section:p/1", sentence: "京雄城际铁路全线轨道贯通。", start: 0, end: 13 }];
    const relationships: QueryRelationship[] = [
      {
        key: "LOCATED_IN:project:京雄城际铁路->region:雄安新区@p",
        elementId: "5:x:1",
        type: "LOCATED_IN",
        source: "project:京雄城际铁路",
        target: "region:雄安新区",
        properties: { plan: "p", evidence, via: "text" },
      },
      {
        key: "k2",
        elementId: "5:x:2",
        type: "LOCATED_IN",
        source: "project:京雄城际铁路",
        target: "4:x:elsewhere",
        properties: { plan: "p" },
      },
    ];
    const { graph, skippedNodes, skippedRelationships } = graphFromQueryResult({
      nodes: [
        node("region:雄安新区", ["Region"], { name: "雄安新区", aliases: ["雄安"], level: "new-area" }),
        node("project:京雄城际铁路", ["Project"], { name: "京雄城际铁路" }),
        node("plan:p", ["Plan"], { name: "规划", aliases: [], loadedDigest: "abc" }),
        node("4:x:9", ["Person"], { name: "someone" }),
      ],
      relationships,
    });
    expect(graph.getNodeAttributes("project:京雄城际铁路")).toStrictEqual({
      label: "Project",
      name: "京雄城际铁路",
      aliases: [],
    });
    expect(graph.getNodeAttributes("plan:p")).not.toHaveProperty("loadedDigest");
    expect(graph.getEdgeAttributes(relationships[0]!.key)).toStrictEqual({
      type: "LOCATED_IN",
      plan: "p",
      evidence,
      via: "text",
    });
    expect([graph.order, graph.size, skippedNodes, skippedRelationships]).toEqual([3, 1, 1, 1]);
  });
});

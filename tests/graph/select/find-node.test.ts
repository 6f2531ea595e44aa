// Resolving what a person types to one node: ids, names, aliases, normalised forms, and clear errors otherwise.
import { describe, expect, it } from "vitest";
import { SelectError, findNode } from "../../../graph/select/index.ts";
import { sampleGraph } from "../export/graphs.ts";

describe("findNode", () => {
  it("accepts an id, a name, an alias, or a name with a suffix the ids normalise away", () => {
    const g = sampleGraph();
    expect(findNode(g, "region:雄安新区")).toBe("region:雄安新区");
    expect(findNode(g, "雄安新区")).toBe("region:雄安新区");
    expect(findNode(g, "雄安")).toBe("region:雄安新区");
    expect(findNode(g, " 河北省 ")).toBe("region:河北");
    expect(findNode(g, "燕赵大地")).toBe("region:河北");
  });

  it("prefers a node named so over one that only has it as an alias", () => {
    // 东北亚 is region:东北亚's name and an alias of region:东北亚地区.
    expect(findNode(sampleGraph(), "东北亚")).toBe("region:东北亚");
  });

  it("reports ambiguity with the candidate ids", () => {
    const g = sampleGraph().copy();
    g.addNode("project:雄安新区", { label: "Project", name: "雄安新区", aliases: [] });
    const error = (() => {
      try {
        return findNode(g, "雄安新区");
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(SelectError);
    expect(error).toMatchObject({ code: "select/ambiguous-node", candidates: ["region:雄安新区", "project:雄安新区"] });
  });

  it("reports an unknown name with names that contain it", () => {
    const error = (() => {
      try {
        return findNode(sampleGraph(), "雄安新");
      } catch (e) {
        return e as SelectError;
      }
    })();
    expect(error).toMatchObject({ code: "select/unknown-node" });
    expect((error as SelectError).candidates[0]).toBe("region:雄安新区");
    expect(() => findNode(sampleGraph(), "火星基地")).toThrow(/no node has the id, name or alias '火星基地'/);
  });
});

// Entity resolution on real sentences: one node per real-world thing, aliases merged, ids deterministic, English labels.
import { describe, expect, it } from "vitest";
import { extract } from "../../ingest/pipeline.ts";
import { lexicon } from "../../ingest/lexicon/index.ts";
import { resolve } from "../../ingest/stages/resolve.ts";

// Sentences from the sample plan (data/plans/hebei-14th-fyp-proposal.txt) and the 2021 Hebei work report.
const text = [
  "一、坚持创新驱动发展",
  "1．高标准高质量推进雄安新区建设发展。以建设雄安新区带动冀中南乃至整个河北发展，支持雄安建设数字经济创新发展试验区。",
  "2．大力发展数字经济。加快建设石家庄数字经济产业园，加快打造沿海经济带和大力发展海洋经济，河北省要全面建成经济强省、美丽河北。",
].join("\n");

describe("resolve", () => {
  const { extraction } = extract(Buffer.from(text), "reports-2021/省自治区/河北省.txt", "hebei");
  const entities = resolve(extraction!.mentions, lexicon(), "河北");
  const byId = new Map(entities.map((e) => [e.id, e]));

  it("merges a place's forms into one node with the canonical name and the other forms as aliases", () => {
    const xiongan = byId.get("region:雄安新区")!;
    expect(xiongan.aliases).toContain("雄安");
    expect(xiongan.mentions.length).toBeGreaterThanOrEqual(3);
    const hebei = byId.get("region:河北")!;
    expect(hebei.aliases).toEqual(expect.arrayContaining(["河北省"]));
    expect(hebei.props).toMatchObject({ code: "130000", level: "province", nameEn: "Hebei" });
  });

  it("gives industries one id whatever the suffix, with an English label from the shipped list", () => {
    const digital = byId.get("industry:数字经济")!;
    expect(digital.props.nameEn).toBe("digital economy");
    expect(entities.filter((e) => e.label === "Industry" && e.name.startsWith("数字经济"))).toHaveLength(1);
  });

  it("makes the variants of an industry's name one entity, with the variants as aliases", () => {
    // Variants as plans write them (data/corpus/reports-2021): 氢能产业集群, 氢能全产业链, 氢能源汽车's 氢能源, 氢能经济.
    const variants =
      "一、发展氢能\n1．打造氢能产业集群，完善氢能全产业链，大力发展氢能源，发展氢能经济，壮大装备制造业和装备制造。";
    const { extraction: ex } = extract(Buffer.from(variants), "reports-2021/省自治区/河北省.txt", "hebei");
    const found = resolve(ex!.mentions, lexicon(), "河北").filter((e) => e.label === "Industry");
    const hydrogen = found.filter((e) => e.id === "industry:氢能");
    expect(hydrogen).toHaveLength(1);
    expect(hydrogen[0]!.name).toBe("氢能");
    expect(hydrogen[0]!.aliases).toEqual(
      expect.arrayContaining(["氢能产业集群", "氢能全产业链", "氢能源", "氢能经济"]),
    );
    expect(found.filter((e) => e.id.startsWith("industry:氢能"))).toHaveLength(1);
    expect(found.filter((e) => e.id.startsWith("industry:装备制造"))).toHaveLength(1);
  });

  it("scopes a zone named without a place to the plan's province", () => {
    expect(byId.has("region:河北/沿海经济带")).toBe(true);
    expect(byId.get("region:冀中南")).toBeDefined();
  });

  it("gives the same ids on every run", () => {
    const again = resolve(
      extract(Buffer.from(text), "reports-2021/省自治区/河北省.txt", "hebei").extraction!.mentions,
      lexicon(),
      "河北",
    );
    expect(again.map((e) => e.id).sort()).toEqual(entities.map((e) => e.id).sort());
  });
});

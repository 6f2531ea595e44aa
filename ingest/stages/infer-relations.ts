// Stage infer relations: industries inside wider ones (SUBSECTOR_OF) and derived region answers (DEVELOPS, PURSUES).
import hierarchy from "../lexicon/data/industry-hierarchy.json" with { type: "json" };
import type { Lexicon } from "../lexicon/index.ts";
import { bySentence } from "../text/spans.ts";
import type { DocumentExtraction, Mention, RelationMention } from "../types.ts";
import { industryCore, type ResolvedEntity } from "./resolve.ts";

/** Development verbs before an industry in its clause: the plan sets out to build the industry up (大力发展 数字经济). */
const DEVELOPED =
  /(发展|培育|壮大|做强|做大|做优|打造|布局|振兴|聚焦|提升|引进|集聚|延伸|拓展|推动|支持|围绕|抓好)[^，。；、]{0,10}$/u;
/** The plan's own jurisdiction as a subject (我省, 全市): the plan's region develops what follows. */
const OWN_SUBJECT = /^(我省|我市|我区|我州|我县|全省|全市|全区|全州|全县)/u;

/** Catalogue parents by the core form of each child name, built once. */
let parentsCache: Map<string, string[]> | undefined;
function catalogueParents(lex: Lexicon): Map<string, string[]> {
  if (parentsCache) return parentsCache;
  parentsCache = new Map();
  for (const [parent, children] of Object.entries(hierarchy.parents))
    for (const child of children) {
      const key = industryCore(child, lex);
      parentsCache.set(key, [...(parentsCache.get(key) ?? []), industryCore(parent, lex)]);
    }
  return parentsCache;
}

/** SUBSECTOR_OF between two industries of the plan: the wider one's name ends the narrower one's (海上风电 → 风电, 新能源汽车 → 汽车), or the national catalogue puts one under the other (光伏 → 新能源). */
function subsectors(industries: ResolvedEntity[], lex: Lexicon): RelationMention[] {
  const byCore = new Map(industries.map((e) => [industryCore(e.name, lex), e]));
  const parents = catalogueParents(lex);
  const out: RelationMention[] = [];
  for (const [core, narrow] of byCore) {
    const first = narrow.mentions[0]!;
    const relate = (wide: ResolvedEntity, via: "name" | "catalogue") =>
      out.push({ type: "SUBSECTOR_OF", source: first, target: wide.mentions[0]!, sentence: first.sentence, cue: via });
    for (const [other, wide] of byCore)
      if (other !== core && other.length >= 2 && core.length > other.length && core.endsWith(other))
        relate(wide, "name");
    for (const parent of parents.get(core) ?? []) {
      const wide = byCore.get(parent);
      if (wide && wide !== narrow && !core.endsWith(parent)) relate(wide, "catalogue");
    }
  }
  return out;
}

/** Derived answers: DEVELOPS when a project sited in a region (LOCATED_IN) supports an industry (SUPPORTS), or the plan's own region builds up an industry with no other region as subject; PURSUES from the plan's region to each goal no sentence places elsewhere. */
function developed(
  doc: DocumentExtraction,
  mentions: Mention[],
  relations: RelationMention[],
  planRegion: Mention | undefined,
): RelationMention[] {
  const out: RelationMention[] = [];
  const targeted = new Set(
    relations.filter((r) => r.type === "TARGETS").map((r) => `${r.source.name}|${r.target.name}`),
  );
  const place = new Map<Mention, Mention>();
  for (const r of relations)
    if (r.type === "LOCATED_IN" && r.source.label === "Project" && !place.has(r.source)) place.set(r.source, r.target);
  for (const r of relations) {
    if (r.type !== "SUPPORTS" || r.source.label !== "Project" || r.target.label !== "Industry") continue;
    const region = place.get(r.source);
    if (region && !targeted.has(`${region.name}|${r.target.name}`))
      out.push({ ...r, type: "DEVELOPS", source: region, cue: "project", chain: [r.source], derived: true });
  }
  if (!planRegion) return out;
  const text = doc.clean.text;
  const regionsBySentence = new Map<number, Mention[]>();
  for (const m of mentions)
    if (m.label === "Region") regionsBySentence.set(m.sentence, [...(regionsBySentence.get(m.sentence) ?? []), m]);
  const projectsIn = bySentence(mentions.filter((m) => m.label === "Project"));
  const inProject = (i: Mention) =>
    (projectsIn.get(i.sentence) ?? []).some((p) => p.start <= i.start && p.end >= i.end);
  for (const i of mentions) {
    if (i.label !== "Industry" || inProject(i)) continue;
    const sentence = doc.sentences[i.sentence]!;
    const others = (regionsBySentence.get(i.sentence) ?? []).filter(
      (r) => r.ref !== planRegion.ref && r.start < i.start,
    );
    const own = OWN_SUBJECT.test(text.slice(sentence.start, sentence.start + 4));
    if ((others.length > 0 && !own) || !DEVELOPED.test(text.slice(sentence.start, i.start))) continue;
    out.push({ type: "DEVELOPS", source: planRegion, target: i, sentence: i.sentence, cue: "issuer", derived: true });
  }
  const placed = new Set(relations.filter((r) => r.type === "TARGETS").map((r) => r.target));
  for (const g of mentions)
    if (g.label === "Goal" && !placed.has(g))
      out.push({ type: "PURSUES", source: planRegion, target: g, sentence: g.sentence, cue: "issuer", derived: true });
  return out;
}

/** Relations inferred from a document's recognised relations and resolved entities: SUBSECTOR_OF between its industries and derived DEVELOPS answers for region → industry questions. */
export function inferRelations(doc: DocumentExtraction, entities: ResolvedEntity[], lex: Lexicon): RelationMention[] {
  const home = doc.metadata.regionCode;
  const planRegion = entities.find((e) => e.label === "Region" && e.mentions[0]?.ref === home)?.mentions[0];
  return [
    ...subsectors(
      entities.filter((e) => e.label === "Industry"),
      lex,
    ),
    ...developed(doc, doc.mentions, doc.relations, planRegion),
  ];
}

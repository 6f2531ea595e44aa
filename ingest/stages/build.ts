// Stage build: one plan's sections, entities and relations as a graphology graph with sentence-level provenance.
import {
  edgeId,
  planNodeId,
  sectionId,
  type EdgeAttributes,
  type Evidence,
  type NodeAttributes,
} from "../../schema/index.ts";
import { createPlanGraph, type PlanGraph } from "../../graph/model/index.ts";
import type { DocumentExtraction, Mention, RelationMention } from "../types.ts";
import type { ResolvedEntity } from "./resolve.ts";

function evidence(doc: DocumentExtraction, sentence: number): Evidence {
  const s = doc.sentences[sentence]!;
  return { plan: doc.planId, section: sectionId(doc.planId, s.section), sentence: s.text, start: s.start, end: s.end };
}

/** Adds a sentence to an edge's evidence once; `seen` remembers the edge-and-sentence pairs added (one plan per build). */
function addEvidence(graph: PlanGraph, key: string, ev: Evidence, seen: Set<string>): void {
  const attrs = graph.getEdgeAttributes(key) as { evidence?: Evidence[] };
  const id = `${key}@${ev.start}`;
  if (attrs.evidence && !seen.has(id)) {
    seen.add(id);
    attrs.evidence.push(ev);
  }
}

/** Builds the graph of one plan: Plan and Section nodes, PART_OF, entity nodes with MENTIONED_IN, relations, and ISSUED_BY. */
export function build(doc: DocumentExtraction, entities: ResolvedEntity[], relations: RelationMention[]): PlanGraph {
  const graph = createPlanGraph();
  const plan = planNodeId(doc.planId);
  const md = doc.metadata;
  const planAttrs: NodeAttributes<"Plan"> = {
    label: "Plan",
    name: md.title,
    aliases: md.aliases ?? [],
    file: doc.file,
    genre: md.genre,
    sha256: doc.sha256,
    chars: doc.clean.text.length,
    text: doc.clean.text,
  };
  if (md.level) planAttrs.level = md.level;
  if (md.region) planAttrs.region = md.region;
  if (md.issuer) planAttrs.issuer = md.issuer;
  if (md.year) planAttrs.year = md.year;
  if (md.published) planAttrs.published = md.published;
  if (md.sourceUrl) planAttrs.sourceUrl = md.sourceUrl;
  graph.addNode(plan, planAttrs);

  const used = new Set(doc.sentences.map((s) => s.section));
  const sections = [...doc.structure.sections];
  if (used.has("0"))
    sections.unshift({
      path: "0",
      number: "",
      depth: 1,
      heading: "（前言）",
      start: 0,
      end: doc.sentences[0]?.end ?? 0,
      headingStart: 0,
      headingEnd: 0,
      role: "body",
    });
  sections.forEach((s, order) => {
    const id = sectionId(doc.planId, s.path);
    graph.addNode(id, {
      label: "Section",
      name: s.heading || s.number,
      aliases: [],
      plan: doc.planId,
      number: s.number,
      depth: s.depth,
      order,
      start: s.start,
      end: s.end,
    });
    const parentPath = s.path.includes(".") ? s.path.slice(0, s.path.lastIndexOf(".")) : undefined;
    const parent = parentPath ? sectionId(doc.planId, parentPath) : plan;
    graph.addEdgeWithKey(edgeId("PART_OF", id, parent, doc.planId), id, parent, { type: "PART_OF", plan: doc.planId });
  });

  const idOf = new Map<Mention, string>();
  const seen = new Set<string>();
  for (const e of entities) {
    const attrs = { label: e.label, name: e.name, aliases: e.aliases, ...e.props } as NodeAttributes;
    if (e.rules.length > 0) (attrs as { rules?: string[] }).rules = e.rules;
    graph.mergeNode(e.id, attrs);
    for (const m of e.mentions) {
      idOf.set(m, e.id);
      const ev = evidence(doc, m.sentence);
      const key = edgeId("MENTIONED_IN", e.id, ev.section, doc.planId);
      if (!graph.hasEdge(key)) {
        graph.addEdgeWithKey(key, e.id, ev.section, { type: "MENTIONED_IN", plan: doc.planId, evidence: [ev] });
        seen.add(`${key}@${ev.start}`);
      } else addEvidence(graph, key, ev, seen);
    }
  }
  for (const r of relations) {
    const source = idOf.get(r.source);
    const target = idOf.get(r.target);
    if (!source || !target || source === target) continue;
    const key = edgeId(r.type, source, target, doc.planId);
    const ev = evidence(doc, r.sentence);
    if (graph.hasEdge(key)) addEvidence(graph, key, ev, seen);
    else {
      const attrs: Record<string, unknown> = { type: r.type, plan: doc.planId, evidence: [ev] };
      if (r.type === "LOCATED_IN") attrs.via = r.via ?? "text";
      else if (r.type === "SUBSECTOR_OF") attrs.via = r.cue;
      else if (r.type === "DEVELOPS" || r.type === "PURSUES") {
        attrs.derived = true;
        attrs.basis = r.cue;
        const chain = (r.chain ?? []).map((m) => idOf.get(m)).filter((id): id is string => !!id);
        if (chain.length > 0) attrs.chain = chain;
      } else attrs.cue = r.cue;
      graph.addEdgeWithKey(key, source, target, attrs as EdgeAttributes);
      seen.add(`${key}@${ev.start}`);
    }
  }
  const home = entities.find((e) => e.label === "Region" && e.mentions[0]?.ref === md.regionCode);
  if (home)
    graph.addEdgeWithKey(edgeId("ISSUED_BY", plan, home.id, doc.planId), plan, home.id, {
      type: "ISSUED_BY",
      plan: doc.planId,
    });
  return graph;
}

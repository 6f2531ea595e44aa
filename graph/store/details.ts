// Builds a node's details from its attributes and every edge that touches it, the same way for both stores.
import {
  EDGE_PROPERTIES,
  EDGE_TYPES,
  NODE_PROPERTIES,
  type EdgeType,
  type Evidence,
  type NodeLabel,
} from "../../schema/index.ts";
import { byCodePoint, DETAIL_LIMIT } from "./defaults.ts";
import type { EvidenceView, NodeDetails, NodeRef, RelationView } from "./types.ts";

/** An edge touching the node, with its graph-JSON attributes (evidence as objects) and the node at its other end. */
export interface TouchingEdge {
  key: string;
  type: EdgeType;
  direction: "out" | "in";
  other: NodeRef;
  attributes: Record<string, unknown>;
}

function evidenceOf(attributes: Record<string, unknown>): Evidence[] {
  return Array.isArray(attributes.evidence) ? (attributes.evidence as Evidence[]) : [];
}

/** The keys of every section the edges' evidence points to, so a store can look up their headings in one go. */
export function evidenceSections(edges: readonly TouchingEdge[]): string[] {
  return [...new Set(edges.flatMap((e) => evidenceOf(e.attributes).map((ev) => ev.section)))];
}

/** The schema properties of a node a details panel shows: everything but label, name and a plan's full text. */
export function shownProperties(label: NodeLabel, attributes: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(NODE_PROPERTIES[label])) {
    const value = attributes[name];
    if (name !== "name" && name !== "text" && value !== undefined && value !== null) out[name] = value;
  }
  return out;
}

function byEvidence(a: Evidence, b: Evidence): number {
  return byCodePoint(a.plan, b.plan) || a.start - b.start || a.end - b.end;
}

/** Groups the edges by type, sorts and caps each list, and gathers the sentences that mention the node. */
export function buildDetails(
  node: NodeRef,
  attributes: Record<string, unknown>,
  edges: readonly TouchingEdge[],
  sectionNames: ReadonlyMap<string, string>,
): NodeDetails {
  const view = (ev: Evidence): EvidenceView => {
    const sectionName = sectionNames.get(ev.section);
    const { plan, section, sentence, start, end } = ev;
    return sectionName === undefined
      ? { plan, section, sentence, start, end }
      : { plan, section, sentence, start, end, sectionName };
  };
  const relations: NodeDetails["relations"] = {};
  for (const type of EDGE_TYPES) {
    const items: RelationView[] = edges
      .filter((e) => e.type === type)
      .map((e) => {
        const properties: Record<string, unknown> = {};
        for (const name of Object.keys(EDGE_PROPERTIES[type])) {
          const value = e.attributes[name];
          if (name !== "plan" && name !== "evidence" && value !== undefined && value !== null) properties[name] = value;
        }
        return {
          key: e.key,
          type,
          direction: e.direction,
          other: e.other,
          plan: String(e.attributes.plan),
          properties,
          evidence: [...evidenceOf(e.attributes)].sort(byEvidence).map(view),
        };
      })
      .sort(
        (a, b) =>
          byCodePoint(b.direction, a.direction) ||
          byCodePoint(a.other.name, b.other.name) ||
          byCodePoint(a.plan, b.plan) ||
          byCodePoint(a.key, b.key),
      );
    if (items.length > 0) relations[type] = { total: items.length, items: items.slice(0, DETAIL_LIMIT) };
  }
  const mentions = new Map<string, Evidence>();
  for (const edge of edges) {
    if (edge.type !== "MENTIONED_IN" || edge.direction !== "out") continue;
    for (const ev of evidenceOf(edge.attributes)) mentions.set(`${ev.plan}|${ev.start}|${ev.end}`, ev);
  }
  const provenance = [...mentions.values()].sort(byEvidence);
  return {
    node,
    properties: shownProperties(node.label, attributes),
    relations,
    provenance: { total: provenance.length, items: provenance.slice(0, DETAIL_LIMIT).map(view) },
    plans: [...new Set(edges.map((e) => String(e.attributes.plan)))].sort(byCodePoint),
  };
}

// Resolves what a person types (an id, a name, an alias) to one node of the graph, or says why it cannot.
import { ENTITY_LABELS, entityId, isEntityLabel, normalizeName, type NodeAttributes } from "../../schema/index.ts";
import type { PlanGraph } from "../model/index.ts";
import { SelectError } from "./errors.ts";

const SHOWN = 8;

function describe(graph: PlanGraph, keys: string[]): string {
  const shown = keys.slice(0, SHOWN).map((k) => `${k} (${graph.getNodeAttribute(k, "label")})`);
  return shown.join(", ") + (keys.length > SHOWN ? `, … ${keys.length - SHOWN} more` : "");
}

function names(attrs: NodeAttributes): string[] {
  return [attrs.name, ...(Array.isArray(attrs.aliases) ? attrs.aliases : [])];
}

/**
 * Finds the node a person means: an exact id first, then entities whose normalised id or name matches, then those
 * with a matching alias; throws a SelectError when nothing or more than one node matches at the first tier that hits.
 */
export function findNode(graph: PlanGraph, query: string): string {
  const text = query.trim();
  if (graph.hasNode(text)) return text;
  const byId = ENTITY_LABELS.map((label) => entityId(label, text)).filter((key) => graph.hasNode(key));
  const byName: string[] = [];
  const byAlias: string[] = [];
  graph.forEachNode((key, attrs) => {
    if (!isEntityLabel(attrs.label)) return;
    const wanted = normalizeName(attrs.label, text);
    const [name, ...aliases] = names(attrs).map((n) => normalizeName(attrs.label, n));
    if (name === wanted) byName.push(key);
    else if (aliases.includes(wanted)) byAlias.push(key);
  });
  for (const tier of [[...new Set([...byId, ...byName])], byAlias]) {
    if (tier.length === 1) return tier[0] as string;
    if (tier.length > 1)
      throw new SelectError(
        "select/ambiguous-node",
        `'${text}' names ${tier.length} nodes: ${describe(graph, tier)}; pass one of these ids instead`,
        tier.slice(0, SHOWN),
      );
  }
  const containing: { key: string; length: number }[] = [];
  graph.forEachNode((key, attrs) => {
    if (isEntityLabel(attrs.label) && names(attrs).some((n) => n.includes(text)))
      containing.push({ key, length: attrs.name.length });
  });
  // Shortest names first: typing part of a name usually means the shortest one that contains it.
  const near = containing
    .sort((a, b) => a.length - b.length)
    .slice(0, SHOWN)
    .map((c) => c.key);
  const hint = near.length > 0 ? `; names containing it: ${describe(graph, near)}` : "";
  throw new SelectError("select/unknown-node", `no node has the id, name or alias '${text}'${hint}`, near);
}

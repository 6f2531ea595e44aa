// The embedded store: a plan graph held in memory as a graphology multigraph, no database needed.
import { GraphFileError, fromSerialized, openGraphFile, toSerialized, type PlanGraph } from "../model/index.ts";
import {
  ENTITY_LABELS,
  RELATION_TYPES,
  formatIssue,
  isEntityLabel,
  validateGraph,
  type EdgeType,
  type NodeAttributes,
  type NodeLabel,
  type SerializedPlanGraph,
} from "../../schema/index.ts";
import { comparePlans, plansMentioning, type PlanComparison, type PlanMention } from "../compare/index.ts";
import { select } from "../select/index.ts";
import { buildDetails, type TouchingEdge } from "./details.ts";
import { byCodePoint, DEFAULT_SEARCH_LIMIT, resolveFilter } from "./defaults.ts";
import { StoreError, cypherNeedsNeo4j, edgeNotFound, nodeNotFound, notAnEntity, planNotFound } from "./errors.ts";
import { resolvePlan } from "./resolve-plan.ts";
import { namesPlans, selectedPlans, selectSteps } from "./selection.ts";
import { expandNeighbourhood, findShortestPath, type IncidentEdge } from "./expand.ts";
import { rankSearch, type SearchCandidate } from "./search-rank.ts";
import { sliceGraph } from "./slice-graph.ts";
import type {
  GraphFilter,
  GraphSlice,
  GraphStore,
  NeighbourhoodOptions,
  NodeDetails,
  NodeRef,
  PathOptions,
  PathResult,
  PlanSummary,
  PlanText,
  SearchHit,
  SearchOptions,
  SubgraphSelection,
  ViewEdge,
} from "./types.ts";

/** A GraphStore over a graph held in memory. */
export class MemoryStore implements GraphStore {
  readonly kind = "memory";
  readonly #graph: PlanGraph;
  #plansOf: Map<string, Set<string>> | undefined;
  #candidates: SearchCandidate[] | undefined;

  /** Wraps a graph (not copied: the store only reads it). */
  constructor(graph: PlanGraph) {
    this.#graph = graph;
  }

  /** The plans each node takes part in, from the plan every touching edge names. */
  #memberships(): Map<string, Set<string>> {
    if (this.#plansOf) return this.#plansOf;
    const plansOf = new Map<string, Set<string>>();
    this.#graph.forEachEdge((_key, attrs, source, target) => {
      for (const end of [source, target]) {
        const set = plansOf.get(end) ?? new Set<string>();
        set.add(attrs.plan);
        plansOf.set(end, set);
      }
    });
    this.#plansOf = plansOf;
    return plansOf;
  }

  #ref(key: string): NodeRef {
    const attrs = this.#graph.getNodeAttributes(key);
    return { key, label: attrs.label, name: attrs.name };
  }

  #viewEdge(key: string): ViewEdge {
    const attrs = this.#graph.getEdgeAttributes(key);
    return {
      key,
      source: this.#graph.source(key),
      target: this.#graph.target(key),
      type: attrs.type,
      plan: attrs.plan,
    };
  }

  #requireNode(key: string): NodeRef {
    if (!this.#graph.hasNode(key)) throw nodeNotFound(key);
    return this.#ref(key);
  }

  #incident(types: readonly EdgeType[]): (keys: readonly string[]) => Promise<IncidentEdge[]> {
    const allowed = new Set(types);
    return async (keys) => {
      const found = new Map<string, IncidentEdge>();
      for (const key of keys) {
        if (!this.#graph.hasNode(key)) continue;
        this.#graph.forEachEdge(key, (edge, attrs, source, target) => {
          if (!allowed.has(attrs.type) || found.has(edge)) return;
          const view = { key: edge, source, target, type: attrs.type, plan: attrs.plan };
          found.set(edge, { ...view, sourceNode: this.#ref(source), targetNode: this.#ref(target) });
        });
      }
      return [...found.values()];
    };
  }

  async plans(): Promise<PlanSummary[]> {
    const memberships = this.#memberships();
    const entities = new Map<string, number>();
    this.#graph.forEachNode((key, attrs) => {
      if (!isEntityLabel(attrs.label)) return;
      for (const plan of memberships.get(key) ?? []) entities.set(plan, (entities.get(plan) ?? 0) + 1);
    });
    const plans: PlanSummary[] = [];
    this.#graph.forEachNode((key, attrs) => {
      if (attrs.label !== "Plan") return;
      const id = key.replace(/^plan:/, "");
      const { name, file, genre, level, region, year, chars } = attrs as NodeAttributes<"Plan">;
      plans.push({
        id,
        key,
        name,
        file,
        genre,
        ...(level !== undefined ? { level } : {}),
        ...(region !== undefined ? { region } : {}),
        ...(year !== undefined ? { year } : {}),
        chars,
        entities: entities.get(id) ?? 0,
      });
    });
    return plans.sort((a, b) => byCodePoint(a.id, b.id));
  }

  /** The nodes (by label and plan) and the edges among them (by type and plan) a graph filter selects. */
  #select(
    labels: ReadonlySet<NodeLabel>,
    types: ReadonlySet<EdgeType>,
    plans: ReadonlySet<string> | undefined,
  ): { nodes: string[]; edges: string[] } {
    const memberships = this.#memberships();
    const nodes = new Set<string>();
    this.#graph.forEachNode((key, attrs) => {
      if (!labels.has(attrs.label)) return;
      if (plans && ![...(memberships.get(key) ?? [])].some((p) => plans.has(p))) return;
      nodes.add(key);
    });
    const edges: string[] = [];
    this.#graph.forEachEdge((key, attrs, source, target) => {
      if (types.has(attrs.type) && (!plans || plans.has(attrs.plan)) && nodes.has(source) && nodes.has(target))
        edges.push(key);
    });
    return { nodes: [...nodes].sort(byCodePoint), edges: edges.sort(byCodePoint) };
  }

  async graph(filter?: GraphFilter): Promise<GraphSlice> {
    const f = resolveFilter(filter);
    const { nodes, edges } = this.#select(new Set(f.labels), new Set(f.types), f.plans && new Set(f.plans));
    return sliceGraph(
      nodes.map((key) => this.#ref(key)),
      edges.map((key) => this.#viewEdge(key)),
      f,
    );
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    if (query.trim() === "") return [];
    this.#candidates ??= this.#graph.reduceNodes<SearchCandidate[]>((list, key, attrs) => {
      list.push({ key, label: attrs.label, name: attrs.name, aliases: attrs.aliases ?? [] });
      return list;
    }, []);
    const labels = new Set<NodeLabel>(options.labels?.length ? options.labels : ENTITY_LABELS);
    const candidates = this.#candidates.filter((c) => labels.has(c.label));
    return rankSearch(candidates, query, options.limit ?? DEFAULT_SEARCH_LIMIT);
  }

  async node(key: string): Promise<NodeDetails> {
    const node = this.#requireNode(key);
    const edges: TouchingEdge[] = [];
    this.#graph.forEachEdge(key, (edge, attrs, source, target) => {
      const out = source === key;
      edges.push({
        key: edge,
        type: attrs.type,
        direction: out ? "out" : "in",
        other: this.#ref(out ? target : source),
        attributes: attrs as Record<string, unknown>,
      });
    });
    const sectionNames = new Map<string, string>();
    for (const edge of edges)
      for (const ev of (edge.attributes.evidence as { section: string }[] | undefined) ?? [])
        if (this.#graph.hasNode(ev.section))
          sectionNames.set(ev.section, this.#graph.getNodeAttribute(ev.section, "name"));
    return buildDetails(node, this.#graph.getNodeAttributes(key) as Record<string, unknown>, edges, sectionNames);
  }

  async neighbourhood(key: string, options: NeighbourhoodOptions = {}): Promise<GraphSlice> {
    const center = this.#requireNode(key);
    const f = resolveFilter({ labels: options.labels, types: options.types });
    return expandNeighbourhood(center, this.#incident(f.types), { ...options, labels: f.labels });
  }

  async shortestPath(from: string, to: string, options: PathOptions = {}): Promise<PathResult | null> {
    const [a, b] = [this.#requireNode(from), this.#requireNode(to)];
    const types = options.types?.length ? options.types : RELATION_TYPES;
    return findShortestPath(a, b, this.#incident(types), options);
  }

  async planText(planId: string): Promise<PlanText> {
    const id = planId.replace(/^plan:/, "");
    const key = `plan:${id}`;
    if (!this.#graph.hasNode(key) || this.#graph.getNodeAttribute(key, "label") !== "Plan") throw planNotFound(id);
    const plan = this.#graph.getNodeAttributes(key) as NodeAttributes<"Plan">;
    const sections: PlanText["sections"] = [];
    this.#graph.forEachNode((sectionKey, attrs) => {
      if (attrs.label !== "Section" || attrs.plan !== id) return;
      const { number, name, depth, start, end } = attrs as NodeAttributes<"Section">;
      sections.push({ key: sectionKey, number, name, depth, start, end });
    });
    sections.sort((a, b) => a.start - b.start || a.depth - b.depth);
    return { id, key, name: plan.name, text: plan.text ?? "", sections };
  }

  async subgraph(selection: SubgraphSelection): Promise<SerializedPlanGraph> {
    if (selection.cypher) throw cypherNeedsNeo4j();
    for (const key of selection.nodes ?? []) if (!this.#graph.hasNode(key)) throw nodeNotFound(key);
    for (const key of selection.edges ?? []) if (!this.#graph.hasEdge(key)) throw edgeNotFound(key);
    const plans = namesPlans(selection) ? selectedPlans(selection, await this.plans()) : undefined;
    return toSerialized(select(this.#graph, selectSteps(selection, plans)));
  }

  async comparePlans(a: string, b: string): Promise<PlanComparison> {
    const plans = await this.plans();
    return comparePlans(this.#graph, resolvePlan(plans, a), resolvePlan(plans, b));
  }

  async plansMentioning(key: string): Promise<PlanMention[]> {
    const node = this.#requireNode(key);
    if (!isEntityLabel(node.label)) throw notAnEntity(key, node.label);
    return plansMentioning(this.#graph, key);
  }

  async close(): Promise<void> {}
}

/** Creates a memory store from graph JSON, refusing a graph the schema validator rejects. */
export function createMemoryStore(data: unknown, file?: string): MemoryStore {
  const { graph, issues } = validateGraph(data, file);
  if (!graph) {
    const errors = issues.filter((i) => i.severity === "error");
    const shown = errors.slice(0, 5).map(formatIssue).join("\n  ");
    throw new StoreError("store/bad-request", `${file ?? "the graph"} is not a valid plan graph:\n  ${shown}`);
  }
  return new MemoryStore(fromSerialized(graph));
}

/** Reads a graph JSON file (what `plangraph ingest` writes) into a memory store. */
export async function openMemoryStore(file: string): Promise<MemoryStore> {
  const graph = await openGraphFile(file).catch((err: unknown) => {
    const code =
      err instanceof GraphFileError && err.code === "graph-file/unreadable" ? "store/unavailable" : "store/bad-request";
    throw new StoreError(code, (err as Error).message, { cause: err });
  });
  return new MemoryStore(graph);
}

// The graph store interface the API server talks to, and the plain-JSON shapes it answers with.
import type { EdgeType, Evidence, NodeLabel, SerializedPlanGraph } from "../../schema/index.ts";
import type { ReadQueryResult } from "../neo4j/index.ts";
import type { PlanComparison, PlanMention } from "../compare/index.ts";

/** A node as lists and graphs name it: id, label and display name. */
export interface NodeRef {
  key: string;
  label: NodeLabel;
  name: string;
}

/** A node of a graph slice, with its degree in the matched graph (before any cap), which the explorer sizes it by. */
export interface ViewNode extends NodeRef {
  degree: number;
}

/** An edge of a graph slice: no evidence, which node details carry instead. */
export interface ViewEdge {
  key: string;
  source: string;
  target: string;
  type: EdgeType;
  plan: string;
}

/** A part of the graph to draw, with how much matched in all and how much the cap left out. */
export interface GraphSlice {
  nodes: ViewNode[];
  edges: ViewEdge[];
  total: { nodes: number; edges: number };
  omitted: { nodes: number; edges: number };
}

/** Which part of the graph to return; every field narrows it. */
export interface GraphFilter {
  /** Plan ids (as edges name them, `hebei-14th-fyp-proposal`); none means every plan. */
  plans?: readonly string[];
  /** Node labels to include (default: the four entity labels). */
  labels?: readonly NodeLabel[];
  /** Edge types to include (default: the three relation types). */
  types?: readonly EdgeType[];
  /** Leave out nodes with fewer edges than this in the matched graph (default 0). */
  minDegree?: number;
  /** Most nodes to return, highest degree first (default DEFAULT_GRAPH_LIMIT). */
  limit?: number;
}

/** Options of a neighbourhood expansion. */
export interface NeighbourhoodOptions {
  /** 1 or 2 hops (default 1). */
  depth?: 1 | 2;
  /** Most neighbours to return, nearest and best-connected first (default DEFAULT_NEIGHBOURHOOD_LIMIT). */
  limit?: number;
  labels?: readonly NodeLabel[];
  types?: readonly EdgeType[];
}

/** Options of a shortest-path search (edges are followed in either direction). */
export interface PathOptions {
  types?: readonly EdgeType[];
  /** Longest path looked for, in edges (default DEFAULT_PATH_LENGTH). */
  maxLength?: number;
}

/** A path from one node to another: nodes in order and the edge taken at each step. */
export interface PathResult {
  nodes: NodeRef[];
  edges: ViewEdge[];
}

/** One search hit: the node, the name or alias that matched, and how well. */
export interface SearchHit extends NodeRef {
  match: string;
  rank: "exact" | "prefix" | "substring";
}

/** Options of a search. */
export interface SearchOptions {
  limit?: number;
  /** Labels to search (default: the four entity labels). */
  labels?: readonly NodeLabel[];
}

/** A plan in the store, with how many entities it mentions. */
export interface PlanSummary {
  /** The plan id, as edges and evidence name it. */
  id: string;
  /** The Plan node's key (`plan:<id>`). */
  key: string;
  name: string;
  /** The file the plan was read from, as ingest named it. */
  file: string;
  genre: string;
  level?: string;
  region?: string;
  year?: number;
  chars: number;
  entities: number;
}

/** A sentence that states something, with the heading of the section it sits in. */
export interface EvidenceView extends Evidence {
  sectionName?: string;
}

/** One relationship of a node, seen from that node. */
export interface RelationView {
  key: string;
  type: EdgeType;
  direction: "out" | "in";
  other: NodeRef;
  plan: string;
  /** Schema properties of the relationship besides plan and evidence (cue, via). */
  properties: Record<string, unknown>;
  evidence: EvidenceView[];
}

/** A list cut at a cap, with the full count. */
export interface Capped<T> {
  total: number;
  items: T[];
}

/** Everything the details panel shows about one node. */
export interface NodeDetails {
  node: NodeRef;
  /** The node's schema properties except label and name (a Plan's text is left out: ask for the plan text). */
  properties: Record<string, unknown>;
  /** Relationships grouped by type, in schema order, each list sorted and capped. */
  relations: Partial<Record<EdgeType, Capped<RelationView>>>;
  /** The sentences that mention the node (from MENTIONED_IN), in plan and text order. */
  provenance: Capped<EvidenceView>;
  /** Ids of the plans that state anything about the node. */
  plans: string[];
}

/** A section of a plan, located in its cleaned text. */
export interface SectionView {
  key: string;
  number: string;
  name: string;
  depth: number;
  start: number;
  end: number;
}

/** A plan's cleaned text (every evidence offset refers to it) and its sections. */
export interface PlanText {
  id: string;
  key: string;
  name: string;
  text: string;
  sections: SectionView[];
}

/**
 * Which nodes and edges to hand to an exporter. Every field narrows the selection, in this order: the items (node and
 * edge keys, or what a Cypher query returns), the plans (and the plans of a level), labels and types, the ego network.
 */
export interface SubgraphSelection {
  /** Node keys to keep (the explorer's current view); none means every node the other fields allow. */
  nodes?: readonly string[];
  /** Edge keys to keep, their ends included; none means every edge between kept nodes that the other fields allow. */
  edges?: readonly string[];
  /** A read-only Cypher query whose returned nodes and relationships are the items (Neo4j only). */
  cypher?: { query: string; params?: Record<string, unknown> };
  /** Plans as a person names them (id, file, issuing region, title words; see resolvePlan): what those plans state. */
  plans?: readonly string[];
  /** Every plan of this level (national, province, prefecture, county), added to `plans`. */
  level?: string;
  /** Node labels to keep. */
  labels?: readonly NodeLabel[];
  /** Relationship types to keep; with types given, nodes left without a kept relationship are dropped. */
  types?: readonly EdgeType[];
  /** The ego network of an entity (id, name or alias): relations within `depth` steps (1–3, default 1). */
  ego?: { node: string; depth?: number };
  /** Keep the derived relations (DEVELOPS, PURSUES), which are left out unless asked for or named in `types`. */
  derived?: boolean;
}

/** What the explorer and the API need from a graph, whether it lives in memory or in Neo4j. */
export interface GraphStore {
  /** `memory` for the embedded store, `neo4j` for a database. */
  readonly kind: "memory" | "neo4j";
  plans(): Promise<PlanSummary[]>;
  graph(filter?: GraphFilter): Promise<GraphSlice>;
  search(query: string, options?: SearchOptions): Promise<SearchHit[]>;
  node(key: string): Promise<NodeDetails>;
  neighbourhood(key: string, options?: NeighbourhoodOptions): Promise<GraphSlice>;
  /** The shortest path between two nodes, or null when none is at most `maxLength` edges long. */
  shortestPath(from: string, to: string, options?: PathOptions): Promise<PathResult | null>;
  planText(planId: string): Promise<PlanText>;
  /** The selected nodes and edges with all their attributes, as graph JSON for the exporters (one selection engine: graph/select). */
  subgraph(selection: SubgraphSelection): Promise<SerializedPlanGraph>;
  /**
   * Compares two plans, each named by id or by what `resolvePlan` resolves (file, issuing region, title words);
   * a reference that matches no plan or several rejects with a PlanReferenceError listing candidates.
   */
  comparePlans(a: string, b: string): Promise<PlanComparison>;
  /** The plans that mention an entity, with how many of their sentences do, most first. */
  plansMentioning(key: string): Promise<PlanMention[]>;
  /** Runs a read-only Cypher query; present only when the store is a database. */
  cypher?(query: string, params?: Record<string, unknown>): Promise<ReadQueryResult>;
  /** Whether the database behind the store answers now; present only when the store is a database. */
  health?(): Promise<StoreHealth>;
  close(): Promise<void>;
}

/** What the last check of a database store found: whether it answered, how long ago, and why not. */
export interface StoreHealth {
  reachable: boolean;
  /** Milliseconds since the check that found this. */
  checkedMsAgo: number;
  /** What went wrong, in words safe to show a browser (no addresses or user names). */
  problem?: string;
}

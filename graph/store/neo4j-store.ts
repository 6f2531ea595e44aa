// The database store: the same GraphStore answered from Neo4j, with read-only sessions and values as parameters.
import neo4j, { type Record as Neo4jRecord } from "neo4j-driver";
import {
  ENTITY_LABELS,
  NODE_LABELS,
  RELATION_TYPES,
  isEdgeType,
  isEntityLabel,
  type EdgeType,
  type NodeLabel,
  type SerializedPlanGraph,
} from "../../schema/index.ts";
import {
  IsolatedQueryRunner,
  LivenessProbe,
  edgeFromNeo4j,
  explainNeo4jError,
  nodeFromNeo4j,
  type Neo4jConnection,
  type ReadQueryOptions,
  type ReadQueryResult,
} from "../neo4j/index.ts";
import { comparePlans, type PlanComparison, type PlanMention } from "../compare/index.ts";
import { fromSerialized, toSerialized } from "../model/index.ts";
import { select } from "../select/index.ts";
import { buildDetails, evidenceSections, type TouchingEdge } from "./details.ts";
import { byCodePoint, DEFAULT_SEARCH_LIMIT, resolveFilter } from "./defaults.ts";
import { nodeNotFound, notAnEntity, planNotFound } from "./errors.ts";
import {
  edgesOf,
  fetchSubgraph,
  firstLabel,
  groupByLabel,
  labelOfKey,
  mentionsOf,
  nodesOf,
  type ReadRecords,
} from "./neo4j-queries.ts";
import { readNeo4jGraph } from "./read-neo4j.ts";
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
  StoreHealth,
  SubgraphSelection,
  ViewEdge,
} from "./types.ts";

/** Options of a Neo4j store: limits for the user's Cypher queries, whether closing it closes the driver, and where warnings go. */
export interface Neo4jStoreOptions {
  cypher?: ReadQueryOptions;
  ownsDriver?: boolean;
  /** Told what a Cypher selection left out (rows past the cap, non-plangraph elements); default: nowhere. */
  onWarning?: (message: string) => void;
}

/** Result nodes up to which the console also fetches the relationships among them. */
const CONNECT_LIMIT = 1_000;

interface CacheEntry<T> {
  fingerprint: string;
  value: T;
}

/** A GraphStore over a Neo4j database loaded by `plangraph load`. */
export class Neo4jStore implements GraphStore {
  readonly kind = "neo4j";
  readonly #connection: Neo4jConnection;
  readonly #options: Neo4jStoreOptions;
  readonly #queries: IsolatedQueryRunner;
  readonly #liveness: LivenessProbe;
  #candidates: CacheEntry<SearchCandidate[]> | undefined;
  #planCounts: CacheEntry<Map<string, number>> | undefined;

  /** Uses a connection from graph/neo4j (createDriver); the store never writes. */
  constructor(connection: Neo4jConnection, options: Neo4jStoreOptions = {}) {
    this.#connection = connection;
    this.#options = options;
    this.#queries = new IsolatedQueryRunner(connection);
    this.#liveness = new LivenessProbe(connection);
    // The console's first query would otherwise wait for a worker thread to start (a second or two).
    this.#queries.warm();
  }

  readonly #reader: ReadRecords = (query, params) => this.#read(query, params);

  #warn(message: string): void {
    this.#options.onWarning?.(message);
  }

  async #read(query: string, params: Record<string, unknown> = {}): Promise<Neo4jRecord[]> {
    const { driver, settings } = this.#connection;
    const session = driver.session({ defaultAccessMode: neo4j.session.READ, database: settings.database });
    try {
      const result = await session.executeRead((tx) => tx.run(query, params), {
        metadata: { app: "plangraph explorer" },
      });
      return result.records;
    } catch (err) {
      throw explainNeo4jError(err, settings);
    } finally {
      await session.close();
    }
  }

  /** Changes whenever a plan is (re)loaded or nodes or relationships are added or removed; keys the caches. */
  async #fingerprint(): Promise<string> {
    const [record] = await this.#read(
      `CALL () { MATCH (p:Plan) RETURN collect(p.id + '=' + coalesce(p.loadedDigest, '')) AS plans }
       CALL () { MATCH (n) RETURN count(n) AS nodes }
       CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
       RETURN plans, nodes, relationships`,
    );
    if (!record) return "";
    return JSON.stringify([
      [...(record.get("plans") as string[])].sort(),
      record.get("nodes"),
      record.get("relationships"),
    ]);
  }

  async #nodeRef(key: string): Promise<NodeRef> {
    const label = labelOfKey(key);
    if (!label) throw nodeNotFound(key);
    const [record] = await this.#read(`MATCH (n:${label} {id: $key}) RETURN n.name AS name`, { key });
    if (!record) throw nodeNotFound(key);
    return { key, label, name: String(record.get("name")) };
  }

  /** Every edge of the given types touching the given nodes, with both ends named. */
  #incident(types: readonly EdgeType[]): (keys: readonly string[]) => Promise<IncidentEdge[]> {
    return async (keys) => {
      const groups = groupByLabel(keys);
      if (groups.size === 0 || types.length === 0) return [];
      const params = Object.fromEntries(groups);
      const seeks = [...groups.keys()].map((label) => `MATCH (a:${label}) WHERE a.id IN $${label} RETURN a`);
      const records = await this.#read(
        `CALL () { ${seeks.join(" UNION ")} }
         MATCH (a)-[r:${types.join("|")}]-(b)
         RETURN r.key AS key, type(r) AS type, r.plan AS plan, startNode(r) = a AS out,
                a.id AS aKey, a.name AS aName, labels(a) AS aLabels, b.id AS bKey, b.name AS bName, labels(b) AS bLabels`,
        params,
      );
      const found = new Map<string, IncidentEdge>();
      for (const r of records) {
        const key = String(r.get("key"));
        if (found.has(key)) continue;
        const a: NodeRef = { key: r.get("aKey"), label: firstLabel(r.get("aLabels")), name: r.get("aName") };
        const b: NodeRef = { key: r.get("bKey"), label: firstLabel(r.get("bLabels")), name: r.get("bName") };
        const [sourceNode, targetNode] = r.get("out") ? [a, b] : [b, a];
        found.set(key, {
          key,
          type: r.get("type"),
          plan: r.get("plan"),
          source: sourceNode.key,
          target: targetNode.key,
          sourceNode,
          targetNode,
        });
      }
      return [...found.values()];
    };
  }

  async plans(): Promise<PlanSummary[]> {
    const fingerprint = await this.#fingerprint();
    if (this.#planCounts?.fingerprint !== fingerprint) {
      const counts = await this.#read(
        `MATCH (n:${ENTITY_LABELS.join("|")})-[r]-() RETURN r.plan AS plan, count(DISTINCT n) AS entities`,
      );
      this.#planCounts = {
        fingerprint,
        value: new Map(counts.map((r) => [String(r.get("plan")), Number(r.get("entities"))])),
      };
    }
    const entities = this.#planCounts.value;
    const records = await this.#read(
      "MATCH (p:Plan) RETURN p.id AS key, p.name AS name, p.file AS file, p.genre AS genre, p.level AS level, " +
        "p.region AS region, " +
        "p.year AS year, p.chars AS chars",
    );
    return records
      .map((r) => {
        const key = String(r.get("key"));
        const id = key.replace(/^plan:/, "");
        const optional = Object.fromEntries(
          ["level", "region", "year"].map((name) => [name, r.get(name)]).filter(([, value]) => value !== null),
        );
        return {
          id,
          key,
          name: r.get("name"),
          file: String(r.get("file") ?? ""),
          genre: r.get("genre"),
          ...optional,
          chars: Number(r.get("chars")),
          entities: entities.get(id) ?? 0,
        } as PlanSummary;
      })
      .sort((a, b) => byCodePoint(a.id, b.id));
  }

  async graph(filter?: GraphFilter): Promise<GraphSlice> {
    const f = resolveFilter(filter);
    const nodes: NodeRef[] = [];
    for (const label of f.labels) {
      for (const r of await nodesOf(this.#reader, label, f.plans, undefined, "n.id AS key, n.name AS name"))
        nodes.push({ key: r.get("key"), label, name: r.get("name") });
    }
    const edges: ViewEdge[] = [];
    for (const type of f.types) {
      const records = await edgesOf(
        this.#reader,
        type,
        f.plans,
        "r.key AS key, a.id AS source, b.id AS target, r.plan AS plan",
      );
      for (const r of records)
        edges.push({ key: r.get("key"), source: r.get("source"), target: r.get("target"), type, plan: r.get("plan") });
    }
    return sliceGraph(nodes, edges, f);
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    if (query.trim() === "") return [];
    const fingerprint = await this.#fingerprint();
    if (this.#candidates?.fingerprint !== fingerprint) {
      const value: SearchCandidate[] = [];
      for (const label of NODE_LABELS) {
        const records = await this.#read(`MATCH (n:${label}) RETURN n.id AS key, n.name AS name, n.aliases AS aliases`);
        for (const r of records)
          value.push({ key: r.get("key"), label, name: String(r.get("name")), aliases: r.get("aliases") ?? [] });
      }
      this.#candidates = { fingerprint, value };
    }
    const labels = new Set<NodeLabel>(options.labels?.length ? options.labels : ENTITY_LABELS);
    const candidates = this.#candidates.value.filter((c) => labels.has(c.label));
    return rankSearch(candidates, query, options.limit ?? DEFAULT_SEARCH_LIMIT);
  }

  async node(key: string): Promise<NodeDetails> {
    const label = labelOfKey(key);
    if (!label) throw nodeNotFound(key);
    const [record] = await this.#read(
      `MATCH (n:${label} {id: $key})
       OPTIONAL MATCH (n)-[r]-(m)
       RETURN properties(n) AS props,
              collect(CASE WHEN r IS NULL THEN null ELSE {key: r.key, type: type(r), out: startNode(r) = n,
                props: properties(r), other: m.id, otherName: m.name, otherLabels: labels(m)} END) AS edges`,
      { key },
    );
    if (!record) throw nodeNotFound(key);
    const attributes = nodeFromNeo4j(label, record.get("props") as Record<string, unknown>);
    const edges: TouchingEdge[] = (record.get("edges") as Record<string, unknown>[])
      .filter((e) => isEdgeType(e.type))
      .map((e) => ({
        key: String(e.key),
        type: e.type as EdgeType,
        direction: e.out ? "out" : "in",
        other: { key: String(e.other), label: firstLabel(e.otherLabels), name: String(e.otherName) },
        attributes: edgeFromNeo4j(e.type as EdgeType, e.props as Record<string, unknown>),
      }));
    const sections = evidenceSections(edges);
    const names = sections.length
      ? await this.#read("MATCH (s:Section) WHERE s.id IN $ids RETURN s.id AS key, s.name AS name", { ids: sections })
      : [];
    const sectionNames = new Map(names.map((r) => [String(r.get("key")), String(r.get("name"))]));
    return buildDetails({ key, label, name: String(attributes.name) }, attributes, edges, sectionNames);
  }

  async neighbourhood(key: string, options: NeighbourhoodOptions = {}): Promise<GraphSlice> {
    const center = await this.#nodeRef(key);
    const f = resolveFilter({ labels: options.labels, types: options.types });
    return expandNeighbourhood(center, this.#incident(f.types), { ...options, labels: f.labels });
  }

  async shortestPath(from: string, to: string, options: PathOptions = {}): Promise<PathResult | null> {
    const [a, b] = [await this.#nodeRef(from), await this.#nodeRef(to)];
    const types = options.types?.length ? options.types : RELATION_TYPES;
    return findShortestPath(a, b, this.#incident(types), options);
  }

  async planText(planId: string): Promise<PlanText> {
    const id = planId.replace(/^plan:/, "");
    const key = `plan:${id}`;
    const [plan] = await this.#read("MATCH (p:Plan {id: $key}) RETURN p.name AS name, p.text AS text", { key });
    if (!plan) throw planNotFound(id);
    const sections = await this.#read(
      "MATCH (s:Section) WHERE s.plan = $id " +
        "RETURN s.id AS key, s.number AS number, s.name AS name, s.depth AS depth, s.start AS start, s.end AS end",
      { id },
    );
    return {
      id,
      key,
      name: String(plan.get("name")),
      text: (plan.get("text") as string | null) ?? "",
      sections: sections
        .map((r) => ({
          key: String(r.get("key")),
          number: String(r.get("number")),
          name: String(r.get("name")),
          depth: Number(r.get("depth")),
          start: Number(r.get("start")),
          end: Number(r.get("end")),
        }))
        .sort((a, b) => a.start - b.start || a.depth - b.depth),
    };
  }

  async subgraph(selection: SubgraphSelection): Promise<SerializedPlanGraph> {
    const plans = namesPlans(selection) ? selectedPlans(selection, await this.plans()) : undefined;
    if (selection.cypher) {
      const read = await readNeo4jGraph(this.#connection, selection.cypher);
      if (read.truncated) this.#warn("the query returned more than 1,000,000 rows; the rest were left out");
      if (read.skippedNodes + read.skippedRelationships > 0)
        this.#warn(
          `left out ${read.skippedNodes} node(s) without a plangraph label and ` +
            `${read.skippedRelationships} relationship(s) of other types or without both ends`,
        );
      return toSerialized(select(read.graph, selectSteps(selection, plans, false)));
    }
    const fetched = await fetchSubgraph(this.#reader, { ...selection, ...(plans ? { plans } : {}) });
    // Labels, items and plans the database applied exactly; dropping nodes left without a kept type and the ego
    // network are graph/select's, as in the memory store.
    if (!selection.types?.length && !selection.ego) return fetched;
    return toSerialized(
      select(fromSerialized(fetched), selectSteps({ ...selection, plans: undefined }, undefined, false)),
    );
  }

  /** Compares two plans with graph/compare over their statements, fetched as a subgraph of the two plans. */
  async comparePlans(a: string, b: string): Promise<PlanComparison> {
    const plans = await this.plans();
    const [idA, idB] = [resolvePlan(plans, a), resolvePlan(plans, b)];
    const data = await fetchSubgraph(this.#reader, {
      plans: [...new Set([idA, idB])],
      labels: [...ENTITY_LABELS, "Plan", "Section"],
      types: ["MENTIONED_IN", ...RELATION_TYPES],
    });
    return comparePlans(fromSerialized(data), idA, idB);
  }

  /** Counts an entity's evidence sentences per plan in the database and names the plans as graph/compare does. */
  async plansMentioning(key: string): Promise<PlanMention[]> {
    const node = await this.#nodeRef(key);
    if (!isEntityLabel(node.label)) throw notAnEntity(key, node.label);
    return mentionsOf(this.#reader, node.label, key);
  }

  /** Runs a read-only query; like Neo4j Browser, the relationships among the nodes it returned are added to its graph. */
  async cypher(query: string, params: Record<string, unknown> = {}): Promise<ReadQueryResult> {
    const result = await this.#queries.run(query, params, this.#options.cypher);
    if (result.nodes.length === 0 || result.nodes.length > CONNECT_LIMIT) return result;
    const links = await this.#queries.run(
      "MATCH (a)-[r]->(b) WHERE elementId(a) IN $ids AND elementId(b) IN $ids RETURN a, r, b",
      { ids: result.nodes.map((n) => n.elementId) },
      { ...this.#options.cypher, maxRows: 10 * CONNECT_LIMIT },
    );
    const known = new Set(result.relationships.map((r) => r.elementId));
    const added = links.relationships.filter((r) => !known.has(r.elementId));
    return { ...result, relationships: [...result.relationships, ...added] };
  }

  /** Whether Neo4j answers now (graph/neo4j's liveness probe: a ping at most once a second). */
  async health(): Promise<StoreHealth> {
    return this.#liveness.check();
  }

  async close(): Promise<void> {
    await this.#queries.close();
    if (this.#options.ownsDriver) await this.#connection.driver.close();
  }
}

// The database store: the same GraphStore answered from Neo4j, with read-only sessions and values as parameters.
import Graph from "graphology";
import neo4j, { type Record as Neo4jRecord } from "neo4j-driver";
import {
  EDGE_PROPERTIES,
  EDGE_TYPES,
  ENDPOINTS,
  ENTITY_LABELS,
  EVIDENCE_COLUMNS,
  GRAPH_OPTIONS,
  NODE_LABELS,
  NODE_PROPERTIES,
  RELATION_TYPES,
  isEdgeType,
  isEntityLabel,
  isNodeLabel,
  type EdgeAttributes,
  type EdgeType,
  type NodeAttributes,
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
import {
  comparePlans,
  listMentions,
  resolvePlan,
  type PlanCandidate,
  type PlanComparison,
  type PlanMention,
} from "../compare/index.ts";
import type { PlanGraph } from "../../ingest/stages/build.ts";
import { buildDetails, evidenceSections, type TouchingEdge } from "./details.ts";
import { byCodePoint, DEFAULT_SEARCH_LIMIT, resolveFilter } from "./defaults.ts";
import { edgeNotFound, nodeNotFound, notAnEntity, planNotFound } from "./errors.ts";
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

/** Options of a Neo4j store: limits for the user's Cypher queries, and whether closing the store closes the driver. */
export interface Neo4jStoreOptions {
  cypher?: ReadQueryOptions;
  ownsDriver?: boolean;
}

/** The label a plangraph id names (`region:唐山` → Region), from the schema's closed list. */
export function labelOfKey(key: string): NodeLabel | undefined {
  const prefix = key.slice(0, key.indexOf(":"));
  return NODE_LABELS.find((label) => label.toLowerCase() === prefix);
}

/** The relationship types that may touch a label, so plan membership queries can use each type's plan index. */
function typesTouching(label: NodeLabel): EdgeType[] {
  return EDGE_TYPES.filter((type) => ENDPOINTS[type].some(([a, b]) => a === label || b === label));
}

/** A node set by label for `CALL { … UNION … }`: one index seek per label, never a scan of every node. */
function groupByLabel(keys: readonly string[]): Map<NodeLabel, string[]> {
  const groups = new Map<NodeLabel, string[]>();
  for (const key of keys) {
    const label = labelOfKey(key);
    if (!label) continue;
    groups.set(label, [...(groups.get(label) ?? []), key]);
  }
  return groups;
}

function firstLabel(labels: unknown): NodeLabel {
  return ((labels as string[]).find(isNodeLabel) ?? "Region") as NodeLabel;
}

function schemaOnly(specs: Readonly<Record<string, unknown>>, props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([name, value]) => name in specs && value !== null));
}

/** The Neo4j column holding a relationship's evidence sentences, one entry per sentence (see EVIDENCE_COLUMNS). */
const SENTENCE_COLUMN = Object.entries(EVIDENCE_COLUMNS).find(([, field]) => field === "sentence")?.[0] as string;

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

  /** The nodes of a label, optionally only those some edge of the given plans touches, optionally only the given keys. */
  async #nodesOf(
    label: NodeLabel,
    plans: readonly string[] | undefined,
    keys: readonly string[] | undefined,
    returning: string,
  ): Promise<Neo4jRecord[]> {
    const onlyKeys = keys ? "AND n.id IN $keys" : "";
    if (!plans)
      return this.#read(`MATCH (n:${label}) WHERE true ${onlyKeys} RETURN ${returning}`, { keys: keys ?? null });
    const members = typesTouching(label)
      .map((type) => `MATCH (n:${label})-[r:${type}]-() WHERE r.plan IN $plans ${onlyKeys} RETURN n`)
      .join(" UNION ");
    return this.#read(`CALL () { ${members} } RETURN ${returning}`, { plans, keys: keys ?? null });
  }

  async #edgesOf(type: EdgeType, plans: readonly string[] | undefined, returning: string): Promise<Neo4jRecord[]> {
    const where = plans ? "WHERE r.plan IN $plans" : "";
    return this.#read(`MATCH (a)-[r:${type}]->(b) ${where} RETURN ${returning}`, { plans: plans ?? null });
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
      "MATCH (p:Plan) RETURN p.id AS key, p.name AS name, p.genre AS genre, p.level AS level, p.region AS region, " +
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
      for (const r of await this.#nodesOf(label, f.plans, undefined, "n.id AS key, n.name AS name"))
        nodes.push({ key: r.get("key"), label, name: r.get("name") });
    }
    const edges: ViewEdge[] = [];
    for (const type of f.types) {
      const records = await this.#edgesOf(
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
    const labels = selection.labels?.length ? selection.labels : NODE_LABELS;
    const types = new Set(selection.types?.length ? selection.types : EDGE_TYPES);
    const plans = selection.plans?.length ? selection.plans : undefined;
    const returning = "r.key AS key, a.id AS source, b.id AS target, r.plan AS plan, properties(r) AS props";
    const edgeRecords: { type: EdgeType; record: Neo4jRecord }[] = [];
    if (selection.edges) {
      const byType = new Map<EdgeType, string[]>();
      for (const key of new Set(selection.edges)) {
        const type = EDGE_TYPES.find((t) => key.startsWith(`${t}:`));
        if (!type) throw edgeNotFound(key);
        byType.set(type, [...(byType.get(type) ?? []), key]);
      }
      for (const [type, keys] of byType) {
        const records = await this.#read(`MATCH (a)-[r:${type}]->(b) WHERE r.key IN $keys RETURN ${returning}`, {
          keys,
        });
        const found = new Set(records.map((r) => r.get("key")));
        const missing = keys.find((k) => !found.has(k));
        if (missing !== undefined) throw edgeNotFound(missing);
        edgeRecords.push(...records.map((record) => ({ type, record })));
      }
    } else {
      for (const type of types)
        edgeRecords.push(...(await this.#edgesOf(type, plans, returning)).map((record) => ({ type, record })));
    }
    const chosen =
      selection.nodes || selection.edges
        ? [
            ...new Set([
              ...(selection.nodes ?? []),
              ...(selection.edges
                ? edgeRecords.flatMap(({ record }) => [record.get("source"), record.get("target")])
                : []),
            ]),
          ]
        : undefined;
    for (const key of chosen ?? []) if (!labelOfKey(key)) throw nodeNotFound(key);
    const groups = chosen ? groupByLabel(chosen) : undefined;
    const nodes: SerializedPlanGraph["nodes"] = [];
    for (const label of labels) {
      const keys = groups ? groups.get(label) : undefined;
      if (groups && !keys) continue;
      for (const r of await this.#nodesOf(label, plans, keys, "n.id AS key, properties(n) AS props")) {
        const props = nodeFromNeo4j(label, r.get("props") as Record<string, unknown>);
        const attributes = { label, ...schemaOnly(NODE_PROPERTIES[label], props) } as NodeAttributes;
        nodes.push({ key: String(r.get("key")), attributes });
      }
    }
    const returned = new Set(nodes.map((n) => n.key));
    for (const [label, keys] of groupByLabel((chosen ?? []).filter((k) => !returned.has(k)))) {
      const exist = new Set((await this.#nodesOf(label, undefined, keys, "n.id AS key")).map((r) => r.get("key")));
      const missing = keys.find((k) => !exist.has(k));
      if (missing !== undefined) throw nodeNotFound(missing);
    }
    const edges: SerializedPlanGraph["edges"] = [];
    for (const { type, record } of edgeRecords) {
      const [source, target] = [String(record.get("source")), String(record.get("target"))];
      if (!types.has(type) || !returned.has(source) || !returned.has(target)) continue;
      if (plans && !plans.includes(String(record.get("plan")))) continue;
      const props = edgeFromNeo4j(type, record.get("props") as Record<string, unknown>);
      const attributes = { type, ...schemaOnly(EDGE_PROPERTIES[type], props) } as EdgeAttributes;
      edges.push({ key: String(record.get("key")), source, target, attributes });
    }
    nodes.sort((a, b) => byCodePoint(a.key, b.key));
    edges.sort((a, b) => byCodePoint(a.key, b.key));
    return { attributes: {}, options: { ...GRAPH_OPTIONS }, nodes, edges };
  }

  /** Compares two plans with graph/compare over their statements, fetched as a subgraph of the two plans. */
  async comparePlans(a: string, b: string): Promise<PlanComparison> {
    const records = await this.#read(
      "MATCH (p:Plan) RETURN p.id AS key, p.file AS file, p.name AS name, p.region AS region",
    );
    const plans: PlanCandidate[] = records.map((r) => ({
      id: String(r.get("key")).replace(/^plan:/, ""),
      file: String(r.get("file")),
      title: String(r.get("name")),
      region: (r.get("region") as string | null) ?? "",
    }));
    const [idA, idB] = [resolvePlan(plans, a), resolvePlan(plans, b)];
    const data = await this.subgraph({
      plans: [...new Set([idA, idB])],
      labels: [...ENTITY_LABELS, "Plan", "Section"],
      types: ["MENTIONED_IN", ...RELATION_TYPES],
    });
    return comparePlans(Graph.from(data as never) as unknown as PlanGraph, idA, idB);
  }

  /** Counts an entity's evidence sentences per plan in the database and names the plans as graph/compare does. */
  async plansMentioning(key: string): Promise<PlanMention[]> {
    const node = await this.#nodeRef(key);
    if (!isEntityLabel(node.label)) throw notAnEntity(key, node.label);
    const edges = await this.#read(
      `MATCH (n:${node.label} {id: $key})-[r:MENTIONED_IN]->() RETURN r.plan AS plan, size(r.${SENTENCE_COLUMN}) AS sentences`,
      { key },
    );
    const counts = new Map<string, number>();
    for (const r of edges) {
      const plan = String(r.get("plan"));
      counts.set(plan, (counts.get(plan) ?? 0) + ((r.get("sentences") as number | null) ?? 1));
    }
    const plans = await this.#read(
      "MATCH (p:Plan) WHERE p.id IN $keys RETURN p.id AS key, p.name AS name, p.region AS region, p.level AS level",
      { keys: [...counts.keys()].map((plan) => `plan:${plan}`) },
    );
    const byId = new Map(
      plans.map((r) => [
        String(r.get("key")).replace(/^plan:/, ""),
        Object.fromEntries(["name", "region", "level"].map((k) => [k, r.get(k)]).filter(([, v]) => v !== null)),
      ]),
    );
    return listMentions(counts, (plan) => byId.get(plan));
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

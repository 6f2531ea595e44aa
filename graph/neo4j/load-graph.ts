// Loads a serialised plan graph into Neo4j idempotently: validated first, one transaction per plan, entities merged.
import { createHash } from "node:crypto";
import neo4j, { type Driver, type ManagedTransaction, type Session } from "neo4j-driver";
import {
  EDGE_TYPES,
  ENTITY_LABELS,
  NODE_LABELS,
  validateGraph,
  type EdgeType,
  type Issue,
  type NodeLabel,
  type SerializedNode,
} from "../../schema/index.ts";
import { settingsFromEnv, type Neo4jConnection, type Neo4jSettings } from "./connection.ts";
import { ensureSchema } from "./constraints.ts";
import { InvalidGraphError, explainNeo4jError } from "./errors.ts";
import { edgeStoredNames, edgeToNeo4j, nodeStoredNames, nodeToNeo4j } from "./properties.ts";
import { splitByPlan, type PlanPart } from "./split-by-plan.ts";

/** A step of a load, for progress bars: a plan starts, a batch is written inside its transaction, a plan commits. */
export interface LoadProgress {
  phase: "plan-start" | "batch" | "plan-done";
  /** The Plan node's key, or `(unattached)` for entities no edge touches. */
  plan: string;
  /** Position of this plan among all plans of the load, from 0. */
  index: number;
  plans: number;
  /** Relationships written so far in this load, counting the open transactions. */
  relationships: number;
  totalRelationships: number;
}

/** Options of a load. */
export interface LoadOptions {
  /** Rows per UNWIND statement (default 5,000). */
  batchSize?: number;
  onProgress?: (progress: LoadProgress) => void;
  /** Name of the file the graph came from, for messages. */
  file?: string;
  /** Rewrite plans even when their stored digest shows the same content was loaded before. */
  force?: boolean;
  /**
   * Plans written at the same time, each in its own transaction (default 2, so this process prepares one plan while
   * the server writes another). Plan k starts only once plan k - concurrency has committed.
   */
  concurrency?: number;
}

/** What one plan's transaction wrote. */
export interface PlanLoadResult {
  plan: string;
  nodes: number;
  relationships: number;
  /** Entities that only this plan's previous version referenced, removed after the reload. */
  removedEntities: number;
  /** True when the plan was already stored with the same content and nothing was written. */
  skipped: boolean;
  ms: number;
}

/** What a whole load wrote, plus the validator's warnings (unknown properties it ignored). */
export interface LoadResult {
  plans: PlanLoadResult[];
  nodes: number;
  relationships: number;
  removedEntities: number;
  ms: number;
  warnings: Issue[];
}

/** A node to write: its stored properties, `id` included, so one map serves the write and the unchanged check. */
type NodeRow = Record<string, unknown> & { id: string };

/** A relationship to write: its ends as element ids and its stored properties, `key` included. */
interface EdgeRow {
  source: string;
  target: string;
  props: Record<string, unknown> & { key: string };
}

const UNATTACHED = "(unattached)";
/** Part of every plan digest: bump it when the way plans are written changes, so old loads are rewritten. */
const LOADER_VERSION = "plangraph-load/3";

/**
 * Plans made when the database was nearly empty stay valid: every write below is anchored on a unique index or an
 * element id, so replanning as the statistics grow would only cost compile time (seconds over a corpus).
 */
const PREFIX = "CYPHER replan=skip ";

/**
 * `SET x.p = m.p, …` for every schema property: unlike `SET x += m` it lets the planner skip an Eager step (the map
 * could hold any key), and a property the graph no longer has is removed (set to null).
 */
function assignments(variable: string, map: string, names: readonly string[]): string {
  return names.map((name) => `${variable}.${name} = ${map}.${name}`).join(", ");
}

/**
 * Writes the row's properties unless the stored ones already equal them: an entity shared by many plans is then only
 * read, without the exclusive lock SET takes even for an unchanged value, so plans written at once do not queue on it.
 */
function setIfChanged(variable: string, map: string, names: readonly string[]): string {
  return `FOREACH (_ IN CASE WHEN properties(${variable}) = ${map} THEN [] ELSE [1] END | SET ${assignments(variable, map, names)})`;
}

/**
 * What a node subquery does: a plan that was never stored gets its Plan and Section nodes created outright (a plan's
 * sections are only ever written with its Plan node), while entities, which other plans share, are always merged.
 */
function writeNode(label: NodeLabel, fresh: boolean): string {
  const names = nodeStoredNames(label);
  if (label === "Plan")
    return `${fresh ? "CREATE" : "MERGE"} (n:Plan {id: row.id}) SET ${assignments("n", "row", names)}, n.loadedDigest = $digest`;
  if (label === "Section" && fresh) return `CREATE (n:Section {id: row.id}) SET ${assignments("n", "row", names)}`;
  return `MERGE (n:${label} {id: row.id}) ${setIfChanged("n", "row", names)}`;
}

// One statement writes every label (and one every type), each in its own subquery, so a plan costs a few round
// trips whatever its size. Labels and types come from the schema's closed lists; the rows travel in one map
// parameter ($rows.Region …): the plan cache keys list parameters by size bucket, so six separate lists of varying
// lengths made most statements a cache miss and a fresh compile.
const writeNodes = (fresh: boolean) =>
  PREFIX +
  NODE_LABELS.map(
    (label) =>
      `CALL () { UNWIND $rows.${label} AS row ${writeNode(label, fresh)} RETURN collect([row.id, elementId(n)]) AS ${label} }`,
  ).join("\n") +
  `\nRETURN ${NODE_LABELS.join(" + ")} AS ids`;

const ENDS = "MATCH (a) WHERE elementId(a) = row.source MATCH (b) WHERE elementId(b) = row.target ";

// A plan never stored has no relationships yet, so they are created without the index seek and locks of MERGE; the
// key constraint still refuses a duplicate. A stored plan's relationships are merged and rewritten only if changed.
const writeEdges = (fresh: boolean) =>
  PREFIX +
  EDGE_TYPES.map((type) => {
    const names = ["key", ...edgeStoredNames(type)];
    const write = fresh
      ? `CREATE (a)-[r:${type}]->(b) SET ${assignments("r", "row.props", names)}`
      : `MERGE (a)-[r:${type} {key: row.props.key}]->(b) ${setIfChanged("r", "row.props", names)}`;
    return `CALL () { UNWIND $rows.${type} AS row ${ENDS}${write} RETURN count(r) AS ${type} }`;
  }).join("\n") +
  `\nRETURN ${EDGE_TYPES.join(" + ")} AS written`;

const WRITE_NODES = { fresh: writeNodes(true), stored: writeNodes(false) };
const WRITE_EDGES = { fresh: writeEdges(true), stored: writeEdges(false) };

// The digests of the plans already stored, read once so that unchanged plans are skipped without a transaction each.
const STORED_DIGESTS = "UNWIND $ids AS id MATCH (p:Plan {id: id}) RETURN id, p.loadedDigest AS digest";

// What a stored plan holds now: its relationship keys per type (an index seek on `plan` per type) and section ids.
const STORED_PLAN = `CALL () { ${EDGE_TYPES.map((type) => `MATCH ()-[r:${type}]->() WHERE r.plan IN $plans RETURN '${type}' AS type, r.key AS key`).join(" UNION ALL ")} }
WITH collect([type, key]) AS keys
OPTIONAL MATCH (s:Section) WHERE s.plan IN $plans
RETURN keys, collect(s.id) AS sections`;

// Deletes what a re-loaded plan no longer states, after the new version is merged (deleting first would make every
// later MERGE seek pay for the transaction's growing set of removed relationships), and returns the entities the
// deleted relationships touched, so the ones nothing references any more can be removed.
const SWEEP_PLAN = `CALL () { ${EDGE_TYPES.map((type) => `UNWIND $rows.${type} AS key MATCH (a)-[r:${type} {key: key}]->(b) RETURN a, r, b`).join(" UNION ALL ")} }
WITH a, b, r DELETE r
WITH a, b UNWIND [a, b] AS x
WITH x WHERE ${ENTITY_LABELS.map((l) => `x:${l}`).join(" OR ")}
WITH collect(DISTINCT elementId(x)) AS ends
CALL () { UNWIND $rows.sections AS id MATCH (s:Section {id: id}) DETACH DELETE s }
RETURN ends`;

const REMOVE_ORPHANS = `UNWIND $ids AS id MATCH (n) WHERE elementId(n) = id AND NOT EXISTS { (n)--() }
DELETE n RETURN count(n) AS removed`;

/** Splits every list into batches and zips them: statement i gets batch i of each list (empty once a list runs out). */
function batches<K extends string, T>(groups: ReadonlyMap<K, T[]>, keys: readonly K[], size: number): Record<K, T[]>[] {
  const longest = Math.max(0, ...[...groups.values()].map((rows) => rows.length));
  const out: Record<K, T[]>[] = [];
  for (let start = 0; start < longest; start += size)
    out.push(
      Object.fromEntries(keys.map((k) => [k, (groups.get(k) ?? []).slice(start, start + size)])) as Record<K, T[]>,
    );
  return out;
}

/** Groups nodes by label, each group in id order, so concurrent loads lock shared entities in the same order. */
function nodeRows(nodes: readonly SerializedNode[]): Map<NodeLabel, NodeRow[]> {
  const byLabel = new Map<NodeLabel, NodeRow[]>();
  for (const node of nodes) {
    const label = node.attributes.label;
    const rows = byLabel.get(label) ?? [];
    rows.push({ id: node.key, ...nodeToNeo4j(label, node.attributes) });
    byLabel.set(label, rows);
  }
  for (const rows of byLabel.values()) rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return byLabel;
}

/** Groups a part's edges by type, with their ends as the element ids the node statement returned. */
function edgeRows(part: PlanPart, elementIds: ReadonlyMap<string, string>): Map<EdgeType, EdgeRow[]> {
  const groups = new Map<EdgeType, EdgeRow[]>();
  for (const edge of part.edges) {
    const type = edge.attributes.type;
    const rows = groups.get(type) ?? [];
    rows.push({
      source: elementIds.get(edge.source) as string,
      target: elementIds.get(edge.target) as string,
      props: { key: edge.storedKey, ...edgeToNeo4j(type, edge.attributes) },
    });
    groups.set(type, rows);
  }
  return groups;
}

/** Accepts a driver or a connection, so callers that only hold a driver can load with the environment's settings. */
function toConnection(target: Driver | Neo4jConnection): { driver: Driver; settings: Neo4jSettings } {
  return "driver" in target && "settings" in target ? target : { driver: target, settings: settingsFromEnv() };
}

/** What one transaction writes: a plan part, or the entities no edge touches. */
interface Unit {
  key: string;
  part?: PlanPart;
  nodes: SerializedNode[];
  /** Hash of everything the unit writes; a plan whose stored digest matches is skipped unless forced. */
  digest?: string;
}

function digestOf(part: PlanPart): string {
  const hash = createHash("sha256").update(LOADER_VERSION);
  const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  for (const node of [part.plan, ...[...part.sections, ...part.entities].sort(byKey)])
    hash.update(JSON.stringify(node));
  for (const edge of [...part.edges].sort(byKey)) hash.update(JSON.stringify(edge));
  return hash.digest("hex");
}

/** Writes one unit inside a transaction; returns how many entities were removed, or undefined when it was skipped. */
async function writeUnit(
  tx: ManagedTransaction,
  unit: Unit,
  { batchSize, force, onBatch }: { batchSize: number; force: boolean; onBatch: (written: number) => void },
): Promise<number | undefined> {
  let stored = false;
  if (unit.part) {
    const found = await tx.run(
      "OPTIONAL MATCH (p:Plan {id: $id}) RETURN p IS NOT NULL AS stored, p.loadedDigest AS digest",
      {
        id: unit.key,
      },
    );
    stored = found.records[0]?.get("stored") === true;
    if (stored && !force && found.records[0]?.get("digest") === unit.digest) return undefined;
  }
  // A plan's relationships and sections are only ever written together with its Plan node, so a new plan has none.
  const fresh = unit.part !== undefined && !stored;
  const before = unit.part && stored ? await tx.run(STORED_PLAN, { plans: unit.part.planValues }) : undefined;
  const elementIds = new Map<string, string>();
  for (const rows of batches(nodeRows(unit.nodes), NODE_LABELS, batchSize)) {
    const result = await tx.run(fresh ? WRITE_NODES.fresh : WRITE_NODES.stored, { rows, digest: unit.digest ?? null });
    for (const [id, element] of result.records[0]?.get("ids") as [string, string][]) elementIds.set(id, element);
    onBatch(0);
  }
  let written = 0;
  for (const rows of batches(unit.part ? edgeRows(unit.part, elementIds) : new Map(), EDGE_TYPES, batchSize)) {
    const result = await tx.run(fresh ? WRITE_EDGES.fresh : WRITE_EDGES.stored, { rows });
    written += Number(result.records[0]?.get("written") ?? 0);
    onBatch(written);
  }
  if (!unit.part || !before) return 0;
  const stale = new Map<EdgeType, string[]>(EDGE_TYPES.map((type) => [type, []]));
  const current = new Set(unit.part.edges.map((e) => e.storedKey));
  for (const [type, key] of before.records[0]?.get("keys") as [EdgeType, string | null][])
    if (key !== null && !current.has(key)) stale.get(type)?.push(key);
  const sections = new Set(unit.part.sections.map((n) => n.key));
  const swept = await tx.run(SWEEP_PLAN, {
    rows: {
      ...Object.fromEntries(stale),
      sections: (before.records[0]?.get("sections") as string[]).filter((id) => !sections.has(id)),
    },
  });
  const previous = (swept.records[0]?.get("ends") as string[] | undefined) ?? [];
  if (previous.length === 0) return 0;
  const removed = await tx.run(REMOVE_ORPHANS, { ids: previous });
  return Number(removed.records[0]?.get("removed") ?? 0);
}

/** Validates a graph-JSON value against the schema and writes it plan by plan; a plan is stored whole or not at all. */
export async function loadGraph(
  target: Driver | Neo4jConnection,
  graph: unknown,
  options: LoadOptions = {},
): Promise<LoadResult> {
  const started = performance.now();
  const { driver, settings } = toConnection(target);
  const batchSize = Math.max(1, options.batchSize ?? 5_000);
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 2));
  const validation = validateGraph(graph, options.file);
  if (!validation.graph) throw new InvalidGraphError(validation.issues, options.file);
  const split = splitByPlan(validation.graph, options.file);
  if (split.issues.length > 0) throw new InvalidGraphError(split.issues, options.file);

  await ensureSchema(driver, settings);
  const units: Unit[] = split.parts.map((part) => ({
    key: part.planKey,
    part,
    nodes: [part.plan, ...part.sections, ...part.entities],
  }));
  if (split.unattached.length > 0) units.push({ key: UNATTACHED, nodes: split.unattached });
  const totalRelationships = split.parts.reduce((sum, p) => sum + p.edges.length, 0);
  let done = 0;
  const inFlight = new Map<number, number>();
  const results: PlanLoadResult[] = [];
  const sessions = Array.from({ length: Math.min(concurrency, Math.max(1, units.length)) }, () =>
    driver.session({ defaultAccessMode: neo4j.session.WRITE, database: settings.database }),
  );
  const [first] = sessions as [Session, ...Session[]];
  try {
    const storedDigests = new Map<string, unknown>();
    if (!options.force) {
      const found = await first.executeRead((tx) =>
        tx.run(STORED_DIGESTS, { ids: units.filter((u) => u.part).map((u) => u.key) }),
      );
      for (const record of found.records) storedDigests.set(record.get("id") as string, record.get("digest"));
    }

    const writeOne = async (index: number, unit: Unit, session: Session): Promise<void> => {
      const planStarted = performance.now();
      const writing = () => done + [...inFlight.values()].reduce((sum, n) => sum + n, 0);
      const report = (phase: LoadProgress["phase"]) =>
        options.onProgress?.({
          phase,
          plan: unit.key,
          index,
          plans: units.length,
          relationships: writing(),
          totalRelationships,
        });
      report("plan-start");
      // Hashing here rather than up front lets it overlap the other transaction's server time.
      if (unit.part) unit.digest = digestOf(unit.part);
      // A plan read as unchanged is skipped without a transaction; the others check again inside theirs.
      const unchanged = unit.digest !== undefined && storedDigests.get(unit.key) === unit.digest;
      const removedEntities = unchanged
        ? undefined
        : await session.executeWrite(
            (tx) => {
              inFlight.set(index, 0);
              return writeUnit(tx, unit, {
                batchSize,
                force: options.force ?? false,
                onBatch: (written) => {
                  inFlight.set(index, written);
                  report("batch");
                },
              });
            },
            { metadata: { app: "plangraph load", plan: unit.key } },
          );
      inFlight.delete(index);
      const relationships = unit.part?.edges.length ?? 0;
      done += relationships;
      results[index] = {
        plan: unit.key,
        nodes: unit.nodes.length,
        relationships,
        removedEntities: removedEntities ?? 0,
        skipped: removedEntities === undefined,
        ms: performance.now() - planStarted,
      };
      report("plan-done");
    };

    // Plan k starts once plan k - concurrency has committed: with two at a time, while the server works on one
    // plan this process prepares and sends the other, and every plan before the previous one is already stored.
    const running: Promise<void>[] = [];
    let failure: { error: unknown } | undefined;
    for (const [index, unit] of units.entries()) {
      if (index >= sessions.length) await running[index - sessions.length];
      if (failure) break;
      const session = sessions[index % sessions.length] as Session;
      running.push(writeOne(index, unit, session).catch((error: unknown) => void (failure ??= { error })));
    }
    await Promise.all(running);
    if (failure) throw failure.error;
    await first.run("CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()");
  } catch (err) {
    throw explainNeo4jError(err, settings);
  } finally {
    await Promise.all(sessions.map((session) => session.close()));
  }
  return {
    plans: results,
    nodes: new Set(units.flatMap((u) => u.nodes.map((n) => n.key))).size,
    relationships: done,
    removedEntities: results.reduce((sum, r) => sum + r.removedEntities, 0),
    ms: performance.now() - started,
    warnings: validation.issues.filter((i) => i.severity === "warning"),
  };
}

// What a Neo4j database holds, read with the plain driver, compared with what a plan graph says it should hold.
import { expect } from "vitest";
import type { Driver } from "neo4j-driver";
import { EVIDENCE_COLUMNS, type Evidence } from "../../../schema/index.ts";
import type { PlanGraph } from "../../../graph/model/index.ts";

interface StoredNode {
  labels: string[];
  props: Record<string, unknown>;
}

interface StoredRelationship {
  type: string;
  start: string;
  end: string;
  props: Record<string, unknown>;
}

/** Every node by its `id` and every relationship by its `key`, properties as the driver returns them. */
export async function readDatabase(
  driver: Driver,
  database?: string,
): Promise<{
  nodes: Map<string, StoredNode>;
  relationships: Map<string, StoredRelationship>;
}> {
  const options = { database };
  const nodes = await driver.executeQuery("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props", {}, options);
  const rels = await driver.executeQuery(
    "MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS start, b.id AS end, properties(r) AS props",
    {},
    options,
  );
  return {
    nodes: new Map(
      nodes.records.map((r) => {
        const props = r.get("props") as Record<string, unknown>;
        return [props.id as string, { labels: r.get("labels") as string[], props }];
      }),
    ),
    relationships: new Map(
      rels.records.map((r) => {
        const props = r.get("props") as Record<string, unknown>;
        return [props.key as string, { type: r.get("type"), start: r.get("start"), end: r.get("end"), props }];
      }),
    ),
  };
}

/** How Neo4j should store a graph attribute map: evidence as parallel lists, Plan text dropped unless exported, empty lists dropped when the import cannot store them. */
function storedForm(
  attrs: Record<string, unknown>,
  reserved: string,
  { includeText, emptyListsAbsent }: { includeText: boolean; emptyListsAbsent: boolean },
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(attrs)) {
    if (name === reserved || (name === "text" && !includeText)) continue;
    if (name === "evidence") {
      for (const [column, field] of Object.entries(EVIDENCE_COLUMNS))
        out[column] = (value as Evidence[]).map((e) => e[field]);
    } else if (!(emptyListsAbsent && Array.isArray(value) && value.length === 0)) out[name] = value;
  }
  return out;
}

/** Asserts the database holds exactly the graph: same ids, one label each, same relationships with ends and every property. */
export async function expectDatabaseHolds(
  driver: Driver,
  graph: PlanGraph,
  options: { includeText: boolean; emptyListsAbsent: boolean; database?: string },
): Promise<void> {
  const db = await readDatabase(driver, options.database);
  expect(db.nodes.size).toBe(graph.order);
  expect(db.relationships.size).toBe(graph.size);
  graph.forEachNode((key, attrs) => {
    const stored = db.nodes.get(key);
    expect(stored?.labels, key).toEqual([attrs.label]);
    expect(stored?.props, key).toStrictEqual({ id: key, ...storedForm(attrs, "label", options) });
  });
  graph.forEachEdge((key, attrs, source, target) => {
    const stored = db.relationships.get(key);
    expect([stored?.type, stored?.start, stored?.end], key).toEqual([attrs.type, source, target]);
    expect(stored?.props, key).toStrictEqual({ key, ...storedForm(attrs, "type", options) });
  });
}

/** Neo4j's own names for the types of a few properties that must survive: floats, integers, integer lists, strings. */
export async function storedTypes(driver: Driver, database?: string): Promise<Record<string, string>> {
  const result = await driver.executeQuery(
    `MATCH (g:Goal {id: 'goal:森林覆盖率达到35%'}), (p:Plan), (s:Section {id: 'section:hebei-special-characters/0'}),
           (r:Region {id: 'region:河北'}), ()-[l:LOCATED_IN {key: 'LOCATED_IN:project:京雄城际铁路->region:雄安新区@hebei-special-characters'}]->()
     RETURN valueType(g.value) AS value, valueType(g.horizon) AS horizon, valueType(p.year) AS year,
            valueType(s.number) AS number, valueType(r.code) AS code, valueType(l.starts) AS starts,
            valueType(l.sentences) AS sentences`,
    {},
    { database },
  );
  return result.records[0]?.toObject() as Record<string, string>;
}

/** The types the schema implies for storedTypes' properties. */
export const EXPECTED_TYPES = {
  value: "FLOAT NOT NULL",
  horizon: "INTEGER NOT NULL",
  year: "INTEGER NOT NULL",
  number: "STRING NOT NULL",
  code: "STRING NOT NULL",
  starts: "LIST<INTEGER NOT NULL> NOT NULL",
  sentences: "LIST<STRING NOT NULL> NOT NULL",
};

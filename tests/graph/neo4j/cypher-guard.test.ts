// The console's allow-list on its own (no database): which queries pass, and which rule each refused one names.
import { describe, expect, it } from "vitest";
import { guardQuery } from "../../../graph/neo4j/index.ts";

const ALLOWED = [
  "MATCH (n) RETURN n LIMIT 10",
  "MATCH (p:Project)-[:LOCATED_IN]->(r:Region {name: $name}) RETURN p.name",
  "OPTIONAL MATCH (n:Region)<-[r:LOCATED_IN]-(p) WITH n, count(p) AS c WHERE c > 1 RETURN n.name, c ORDER BY c DESC SKIP 1 LIMIT 5",
  "MATCH (n) RETURN labels(n)[0] AS label, count(*) AS n",
  "MATCH (n) WHERE 'Region' IN labels(n) RETURN n.name, type(r), keys(n), properties(n)",
  "CALL db.index.fulltext.queryNodes('plangraph_entity_names', '雄安') YIELD node, score RETURN node.name, labels(node), score LIMIT 10",
  "CALL db.labels() YIELD label RETURN label",
  "CALL db.schema.visualization()",
  "UNWIND range(1, 2000000000) AS x RETURN sum(x)",
  "RETURN [x IN range(1, 100) WHERE x % 2 = 0 | x * x] AS squares",
  "MATCH p = shortestPath((a:Region {name: '雄安新区'})-[*]-(b:Region {name: '唐山'})) RETURN p",
  "MATCH (a)-[*1..3]-(b) RETURN count(b)",
  "MATCH (n) RETURN n {.id, .name} AS m UNION MATCH (n:Goal) RETURN n {.id} AS m",
  "MATCH (n:Region) RETURN replace(n.name, '省', '') AS short, toLower(n.id), coalesce(n.code, '-')",
  "MATCH (a)-[r]->(b) WHERE elementId(a) IN $ids AND elementId(b) IN $ids RETURN a, r, b",
];

const REFUSED: [string, string, RegExp][] = [
  ["SHOW TRANSACTIONS", "show", /SHOW … is not allowed/],
  ["TERMINATE TRANSACTIONS 'neo4j-transaction-7'", "terminate", /TERMINATE/],
  ["SHOW USERS", "show", /SHOW commands list users/],
  ["ALTER USER neo4j SET PASSWORD 'x'", "alter", /ALTER/],
  ["CREATE (n:Hack) RETURN n", "createClause", /would change the database \(Create\)/],
  ["MATCH (n) DETACH DELETE n", "deleteClause", /\(DetachDelete\)/],
  ["MATCH (n) SET n.x = 1", "setClause", /\(Set\)/],
  ["LOAD CSV FROM 'file:///etc/passwd' AS r RETURN r", "loadCSVClause", /LOAD CSV is not allowed/],
  ["CALL db.stats.retrieve('QUERIES')", "procedure", /procedure db\.stats\.retrieve is not allowed/],
  ["CALL dbms.listConfig()", "procedure", /may only CALL db\.labels/],
  ["RETURN apoc.text.join(['a'], 'b')", "function", /function apoc\.text\.join\(\) is not allowed/],
  ["RETURN size(reduce(s = 'x', i IN range(1, 29) | s + s))", "reduceFunction", /reduce\(\) is not allowed/],
  ["RETURN size([x IN range(1, 30000000) | toString(x)])", "list-size", /30,000,000 list elements/],
  ["RETURN range(1, 10000000) AS l", "list-size", /10,000,000/],
  ["RETURN [x IN range(1, 1000) | [y IN range(1, 1000) | y]]", "list-size", /1,000,000/],
  ["RETURN range(1, $n)", "range", /bounds written as numbers/],
  ["RETURN replace('ab', 'a', 'aaaa')", "replace", /replacement no longer/],
  ["MATCH p = (a)-[*]-(b) RETURN p", "hops", /upper bound of at most 10/],
  ["MATCH (a)-[*1..50]-(b) RETURN b", "hops", /upper bound/],
  ["EXPLAIN MATCH (n) RETURN n", "explain", /EXPLAIN is not allowed/],
  ["CYPHER runtime=slotted MATCH (n) RETURN n", "cypherOption", /CYPHER options/],
  [`RETURN ${"[".repeat(150)}1${"]".repeat(150)}`, "depth", /nests brackets more than 100 deep/],
];

describe("guardQuery", () => {
  it.each(ALLOWED)("allows %s", (query) => {
    expect(guardQuery(query)).toEqual({ allowed: true });
  });

  it.each(REFUSED)("refuses %s, naming the rule", (query, rule, message) => {
    const verdict = guardQuery(query);
    expect(verdict).toHaveProperty("refused");
    const refused = (verdict as { refused: { rule: string; message: string } }).refused;
    expect(refused.rule).toBe(rule);
    expect(refused.message).toMatch(message);
  });

  it("hands Cypher its grammar cannot read to Neo4j as a syntax question, with the position", () => {
    expect(guardQuery("MATCH (n RETURN n")).toMatchObject({ syntax: { line: 1, column: 9 } });
    expect(guardQuery("CALL { MATCH (n) RETURN n } RETURN n")).toHaveProperty("syntax");
  });
});

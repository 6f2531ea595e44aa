// Cypher statements derived from the schema: unique ids and keys, plan lookups, full-text search on names.
import { EDGE_TYPES, ENTITY_LABELS, NODE_LABELS } from "./labels.ts";
import { NODE_PROPERTIES } from "./properties.ts";

/** The name of the full-text index over entity names and aliases, for `db.index.fulltext.queryNodes`. */
export const FULLTEXT_INDEX = "plangraph_entity_names";

const SEARCHED = ["name", "aliases", "nameEn"] as const;

/** Properties the full-text index covers: the name-like strings and string lists every entity label declares. */
export const FULLTEXT_PROPERTIES = SEARCHED.filter((p) =>
  ENTITY_LABELS.every((label) => {
    const spec = (NODE_PROPERTIES[label] as Record<string, { kind: string } | undefined>)[p];
    return spec?.kind === "string" || spec?.kind === "string[]";
  }),
);

/** Every schema statement, idempotent (`IF NOT EXISTS`), in the order they must run. */
export function schemaStatements(): string[] {
  const nodeIds = NODE_LABELS.map(
    (label) =>
      `CREATE CONSTRAINT plangraph_${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
  );
  const edgeKeys = EDGE_TYPES.map(
    (type) =>
      `CREATE CONSTRAINT plangraph_${type.toLowerCase()}_key IF NOT EXISTS FOR ()-[r:${type}]-() REQUIRE r.key IS UNIQUE`,
  );
  const edgePlans = EDGE_TYPES.map(
    (type) => `CREATE INDEX plangraph_${type.toLowerCase()}_plan IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.plan)`,
  );
  const sectionPlan = "CREATE INDEX plangraph_section_plan IF NOT EXISTS FOR (n:Section) ON (n.plan)";
  // The cjk analyzer indexes Chinese as overlapping character pairs, so 雄安 finds 雄安新区; list properties are indexed
  // per element. Eventually consistent: Lucene updates leave the commit path; the loader waits for them at its end.
  const fulltext =
    `CREATE FULLTEXT INDEX ${FULLTEXT_INDEX} IF NOT EXISTS FOR (n:${ENTITY_LABELS.join("|")}) ` +
    `ON EACH [${FULLTEXT_PROPERTIES.map((p) => `n.${p}`).join(", ")}] ` +
    "OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: true}}";
  return [...nodeIds, ...edgeKeys, ...edgePlans, sectionPlan, fulltext];
}

/** The name each schema statement creates, as SHOW INDEXES lists it (a constraint's backing index shares its name). */
export function schemaNames(): string[] {
  return schemaStatements().map(
    (statement) => /^CREATE (?:FULLTEXT )?(?:CONSTRAINT|INDEX) (\w+)/.exec(statement)?.[1] ?? "",
  );
}

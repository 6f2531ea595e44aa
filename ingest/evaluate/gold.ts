// The gold-file format users annotate their own plans in, and its validation.
import { isEntityLabel, isRelationType, type EntityLabel, type RelationType } from "../../schema/index.ts";

/** A hand-made answer for one input document. */
export interface GoldFile {
  document: string;
  entities: {
    type: EntityLabel;
    name: string;
    aliases?: string[];
    horizon?: number;
    metric?: string;
    value?: number;
    unit?: string;
  }[];
  relations: { type: RelationType; source: string; target: string }[];
}

/** Checks a parsed gold file and returns it, or throws naming the first item that does not fit the format. */
export function parseGold(data: unknown, file: string): GoldFile {
  const fail = (what: string): never => {
    throw Object.assign(new Error(`ingest/evaluate: ${file}: ${what}`), { code: "gold/invalid" });
  };
  if (typeof data !== "object" || data === null) return fail("not a JSON object");
  const g = data as Record<string, unknown>;
  if (!Array.isArray(g.entities) || !Array.isArray(g.relations)) return fail("needs 'entities' and 'relations' arrays");
  g.entities.forEach((e: Record<string, unknown>, i: number) => {
    if (!isEntityLabel(e?.type) || typeof e?.name !== "string")
      fail(`entity #${i} needs a type (Region, Industry, Project, Goal) and a name`);
  });
  g.relations.forEach((r: Record<string, unknown>, i: number) => {
    if (!isRelationType(r?.type) || typeof r?.source !== "string" || typeof r?.target !== "string")
      fail(`relation #${i} needs a type (LOCATED_IN, SUPPORTS, TARGETS) and 'Type:name' source and target`);
  });
  return {
    document: typeof g.document === "string" ? g.document : "",
    entities: g.entities,
    relations: g.relations,
  } as GoldFile;
}

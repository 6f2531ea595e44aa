// Properties of every node label and relationship type, declared once; types, validation and Cypher derive from them.
import type { EdgeType, NodeLabel } from "./labels.ts";

/** The value kinds a property may have; `evidence[]` is stored flattened in Neo4j (see EVIDENCE_COLUMNS). */
export type PropertyKind = "string" | "string[]" | "integer" | "number" | "boolean" | "evidence[]";

/** One property declaration: its kind, whether it must be present, and what it means. */
export interface PropertySpec {
  readonly kind: PropertyKind;
  readonly required: boolean;
  readonly doc: string;
  /** For a string property with a closed list of values: that list. */
  readonly values?: readonly string[];
}

/** The kinds of document a Plan node may be; 统计公报 is the statistics bureau's yearly communiqué of realised figures. */
export const PLAN_GENRES = ["建议", "纲要", "政府工作报告", "统计公报", "other"] as const;

/** The administrative level of the body that issued a plan (a communiqué of the national statistics bureau is national). */
export const PLAN_LEVELS = ["national", "province", "prefecture", "county"] as const;

export type PlanGenre = (typeof PLAN_GENRES)[number];
export type PlanLevel = (typeof PLAN_LEVELS)[number];

/** Where a statement was read: plan, section, the sentence itself and its offsets in the cleaned text. */
export interface Evidence {
  plan: string;
  section: string;
  sentence: string;
  start: number;
  end: number;
}

/** The Neo4j columns an `evidence[]` property is flattened into (parallel arrays, one entry per evidence). */
export const EVIDENCE_COLUMNS = {
  plans: "plan",
  sections: "section",
  sentences: "sentence",
  starts: "start",
  ends: "end",
} as const satisfies Record<string, keyof Evidence>;

const req = <K extends PropertyKind>(kind: K, doc: string) => ({ kind, required: true, doc }) as const;
const opt = <K extends PropertyKind>(kind: K, doc: string) => ({ kind, required: false, doc }) as const;
const oneOf = <R extends boolean>(required: R, values: readonly string[], doc: string) =>
  ({ kind: "string", required, doc, values }) as const;

const ENTITY_COMMON = {
  name: req("string", "canonical name, as the plan writes it (shortest unambiguous form)"),
  aliases: req("string[]", "other forms of the name seen in plans"),
  nameEn: opt("string", "English label where a general source gives one"),
  rules: opt("string[]", "the extraction rules that found the entity in the text (industry/list, project/head …)"),
} as const;

/** Properties per node label (besides `label` itself, which every node carries). */
export const NODE_PROPERTIES = {
  Region: {
    ...ENTITY_COMMON,
    code: opt("string", "official administrative-division code (GB/T 2260), when the region is in the list"),
    level: opt("string", "province, prefecture, county, new-area, planning, natural or foreign"),
  },
  Industry: {
    ...ENTITY_COMMON,
    category: opt("string", "catalogue the name was found in (GB/T 4754-2017, 战略性新兴产业分类 2018) or 'pattern'"),
  },
  Project: {
    ...ENTITY_COMMON,
    kind: opt("string", "programme, infrastructure, platform, event or named"),
  },
  Goal: {
    ...ENTITY_COMMON,
    horizon: opt("integer", "the year the goal is set for (2025 for the five-year period, 2035 long-range)"),
    metric: opt("string", "for a quantitative target, what is measured"),
    value: opt("number", "for a quantitative target, the number"),
    unit: opt("string", "for a quantitative target, the unit (%, 万元, 亿元 …)"),
    modifier: opt("string", "qualifier of the value such as 以上, 左右, 以内"),
    commitment: opt("string", "strength of the commitment word such as 确保, 力争, 基本"),
  },
  Plan: {
    name: req("string", "the plan's title"),
    aliases: req("string[]", "other titles"),
    file: req("string", "source file name, relative to the ingested folder"),
    genre: oneOf(true, PLAN_GENRES, "建议, 纲要, 政府工作报告, 统计公报 (a statistical communiqué) or other"),
    level: oneOf(false, PLAN_LEVELS, "national, province, prefecture or county"),
    region: opt("string", "name of the region whose body issued the plan"),
    issuer: opt("string", "issuing body as the text names it"),
    year: opt(
      "integer",
      "year the plan was adopted or the report delivered; for a 统计公报, the year whose figures it reports (the 2020 communiqué, published in 2021, has year 2020)",
    ),
    published: opt("integer", "year a 统计公报 was published, when it differs from year (usually year + 1)"),
    sourceUrl: opt("string", "the web page the text was taken from (a Markdown file's front-matter source:)"),
    sha256: req("string", "hash of the source bytes, for incremental ingest"),
    chars: req("integer", "length of the cleaned text in characters"),
    text: opt("string", "the cleaned text every offset refers to (left out of some exports)"),
  },
  Section: {
    name: req("string", "heading or lead sentence of the section"),
    aliases: req("string[]", "unused for sections; always empty"),
    plan: req("string", "id of the plan the section belongs to"),
    number: req("string", "the section's own number as written (一、 1． （一）)"),
    depth: req("integer", "1 for chapters, 2 for articles, 3 below"),
    order: req("integer", "position of the section in document order"),
    start: req("integer", "offset of the section's first character in the cleaned text"),
    end: req("integer", "offset just past the section's last character"),
  },
} as const satisfies { readonly [L in NodeLabel]: Readonly<Record<string, PropertySpec>> };

const RELATION_COMMON = {
  plan: req("string", "id of the plan the statement comes from"),
  evidence: req("evidence[]", "the sentences that state the relation"),
} as const;

/** Properties per relationship type (besides `type`). */
export const EDGE_PROPERTIES = {
  LOCATED_IN: {
    ...RELATION_COMMON,
    via: opt("string", "'text' when the sentence says it, 'divisions' when the list does"),
  },
  SUPPORTS: { ...RELATION_COMMON, cue: opt("string", "the words that signal the relation") },
  TARGETS: { ...RELATION_COMMON, cue: opt("string", "the words that signal the relation") },
  SUBSECTOR_OF: {
    ...RELATION_COMMON,
    via: opt(
      "string",
      "'name' when the wider industry's name ends the narrower one's (海上风电 → 风电), 'catalogue' when the national catalogue says so",
    ),
  },
  DEVELOPS: {
    ...RELATION_COMMON,
    derived: req("boolean", "always true: inferred from other relations, not stated by one sentence"),
    basis: req(
      "string",
      "'issuer' (the plan's own region develops what the plan develops) or 'project' (a project sited in the region supports the industry)",
    ),
    chain: opt("string[]", "ids of the projects the inference goes through"),
  },
  PURSUES: {
    ...RELATION_COMMON,
    derived: req("boolean", "always true: inferred from the plan's issuer, not stated by one sentence"),
    basis: req(
      "string",
      "'issuer': the goal is set by a plan of this region and no sentence names another region for it",
    ),
  },
  PART_OF: { plan: req("string", "id of the plan") },
  MENTIONED_IN: RELATION_COMMON,
  ISSUED_BY: { plan: req("string", "id of the plan") },
} as const satisfies { readonly [T in EdgeType]: Readonly<Record<string, PropertySpec>> };

interface KindTypes {
  string: string;
  "string[]": string[];
  integer: number;
  number: number;
  boolean: boolean;
  "evidence[]": Evidence[];
}

type RequiredKeys<S> = { [K in keyof S]: S[K] extends { required: true } ? K : never }[keyof S];
type OptionalKeys<S> = Exclude<keyof S, RequiredKeys<S>>;
type KindOf<P> = P extends { kind: infer K extends PropertyKind } ? KindTypes[K] : never;

/** The TypeScript shape of a property table. */
export type PropsOf<S> = { [K in RequiredKeys<S>]: KindOf<S[K]> } & { [K in OptionalKeys<S>]?: KindOf<S[K]> };

/** Attributes of a node with the given label, as stored in the graph JSON. */
export type NodeAttributes<L extends NodeLabel = NodeLabel> = L extends NodeLabel
  ? { label: L } & PropsOf<(typeof NODE_PROPERTIES)[L]>
  : never;

/** Attributes of an edge with the given type, as stored in the graph JSON. */
export type EdgeAttributes<T extends EdgeType = EdgeType> = T extends EdgeType
  ? { type: T } & PropsOf<(typeof EDGE_PROPERTIES)[T]>
  : never;

// Node labels, relationship types and their allowed endpoints: the closed lists every other module derives from.

/** The four kinds of thing a plan talks about, scored against gold files. */
export const ENTITY_LABELS = ["Region", "Industry", "Project", "Goal"] as const;

/** Provenance nodes: the plan document and its sections. */
export const DOCUMENT_LABELS = ["Plan", "Section"] as const;

/** Every node label the graph may hold. */
export const NODE_LABELS = [...ENTITY_LABELS, ...DOCUMENT_LABELS] as const;

/** Relations between entities that the extractor reads from sentences. */
export const RELATION_TYPES = ["LOCATED_IN", "SUPPORTS", "TARGETS"] as const;

/** Relations inferred rather than read from one sentence: an industry's place in a wider one (by name or catalogue), and a region's industries derived from a chain of relations (flagged `derived`). */
export const INFERRED_TYPES = ["SUBSECTOR_OF", "DEVELOPS", "PURSUES"] as const;

/** The inferred types that are derived from chains of other relations: left out of views and exports unless asked for. */
export const DERIVED_TYPES = ["DEVELOPS", "PURSUES"] as const satisfies readonly (typeof INFERRED_TYPES)[number][];

/** Structural relationships that tie entities and sections to their plan. */
export const DOCUMENT_TYPES = ["PART_OF", "MENTIONED_IN", "ISSUED_BY"] as const;

/** Every relationship type the graph may hold. */
export const EDGE_TYPES = [...RELATION_TYPES, ...INFERRED_TYPES, ...DOCUMENT_TYPES] as const;

export type EntityLabel = (typeof ENTITY_LABELS)[number];
export type DocumentLabel = (typeof DOCUMENT_LABELS)[number];
export type NodeLabel = (typeof NODE_LABELS)[number];
export type RelationType = (typeof RELATION_TYPES)[number];
export type InferredType = (typeof INFERRED_TYPES)[number];
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export type EdgeType = (typeof EDGE_TYPES)[number];

/** Allowed (source label, target label) pairs per relationship type, from the annotation guideline. */
export const ENDPOINTS: { readonly [T in EdgeType]: readonly (readonly [NodeLabel, NodeLabel])[] } = {
  LOCATED_IN: [
    ["Region", "Region"],
    ["Project", "Region"],
  ],
  SUPPORTS: [
    ["Project", "Goal"],
    ["Project", "Industry"],
    ["Project", "Project"],
    ["Industry", "Goal"],
    ["Industry", "Industry"],
    ["Industry", "Project"],
  ],
  TARGETS: [
    ["Region", "Industry"],
    ["Region", "Goal"],
  ],
  SUBSECTOR_OF: [["Industry", "Industry"]],
  DEVELOPS: [["Region", "Industry"]],
  PURSUES: [["Region", "Goal"]],
  PART_OF: [
    ["Section", "Section"],
    ["Section", "Plan"],
  ],
  MENTIONED_IN: ENTITY_LABELS.map((label) => [label, "Section"] as const),
  ISSUED_BY: [["Plan", "Region"]],
};

/** Short English descriptions of each label and type, shown in the explorer's legend and the README. */
export const DESCRIPTIONS: { readonly [K in NodeLabel | EdgeType]: string } = {
  Region: "a named geographic, administrative or planning area",
  Industry: "a named sector, industrial chain or form of economy",
  Project: "a named programme, piece of infrastructure, platform, park or event",
  Goal: "a desired end state the plan commits to",
  Plan: "a plan document",
  Section: "a chapter, article or sub-section of a plan",
  LOCATED_IN: "the source lies in, or is sited in, the target region",
  SUPPORTS: "the source helps achieve or build the target",
  TARGETS: "the region is designated to develop the industry or reach the goal",
  SUBSECTOR_OF: "the industry is a branch of the wider industry (by its name or the national catalogue)",
  DEVELOPS: "derived: the region develops the industry (the plan's own region, or a project sited there supports it)",
  PURSUES: "derived: the plan's own region pursues the goal the plan sets",
  PART_OF: "the section belongs to the parent section or plan",
  MENTIONED_IN: "the entity is mentioned in the section",
  ISSUED_BY: "the plan was issued for the region",
};

/** Whether a string is one of the schema's node labels. */
export function isNodeLabel(value: unknown): value is NodeLabel {
  return typeof value === "string" && (NODE_LABELS as readonly string[]).includes(value);
}

/** Whether a string is one of the schema's entity labels. */
export function isEntityLabel(value: unknown): value is EntityLabel {
  return typeof value === "string" && (ENTITY_LABELS as readonly string[]).includes(value);
}

/** Whether a string is one of the schema's relationship types. */
export function isEdgeType(value: unknown): value is EdgeType {
  return typeof value === "string" && (EDGE_TYPES as readonly string[]).includes(value);
}

/** Whether a string is one of the inferred relation types. */
export function isInferredType(value: unknown): value is InferredType {
  return typeof value === "string" && (INFERRED_TYPES as readonly string[]).includes(value);
}

/** Whether a string is one of the extracted relation types. */
export function isRelationType(value: unknown): value is RelationType {
  return typeof value === "string" && (RELATION_TYPES as readonly string[]).includes(value);
}

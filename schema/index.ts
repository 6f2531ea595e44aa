// Public names of the schema: labels, types, properties, ids, issues, the graph format and its validator.
export {
  ENTITY_LABELS,
  DOCUMENT_LABELS,
  NODE_LABELS,
  RELATION_TYPES,
  INFERRED_TYPES,
  DERIVED_TYPES,
  DOCUMENT_TYPES,
  EDGE_TYPES,
  ENDPOINTS,
  DESCRIPTIONS,
  isNodeLabel,
  isEntityLabel,
  isEdgeType,
  isRelationType,
  isInferredType,
} from "./labels.ts";
export type {
  EntityLabel,
  DocumentLabel,
  NodeLabel,
  RelationType,
  InferredType,
  DocumentType,
  EdgeType,
} from "./labels.ts";
export { NODE_PROPERTIES, EDGE_PROPERTIES, EVIDENCE_COLUMNS, PLAN_GENRES, PLAN_LEVELS } from "./properties.ts";
export type {
  PropertyKind,
  PropertySpec,
  Evidence,
  NodeAttributes,
  EdgeAttributes,
  PlanGenre,
  PlanLevel,
} from "./properties.ts";
export {
  normalizeName,
  entityId,
  planNodeId,
  sectionId,
  edgeId,
  planIdFromPath,
  displayPath,
  hasInvisibleCharacters,
} from "./ids.ts";
export { bigrams, diceOf, dice } from "./similarity.ts";
export { ISSUE_CODES, error, warning, formatIssue } from "./issues.ts";
export type { Issue, IssueCode, IssueSource } from "./issues.ts";
export { FULLTEXT_INDEX, FULLTEXT_PROPERTIES, schemaStatements, schemaNames } from "./cypher-schema.ts";
export { GRAPH_OPTIONS } from "./graph-json.ts";
export type { SerializedNode, SerializedEdge, SerializedPlanGraph } from "./graph-json.ts";
export { validateGraph, hasKind } from "./validate.ts";
export { graphJsonSchema } from "./json-schema.ts";

// The console's allow-lists: grammar rules, functions and procedures a read query may use, and the size bounds it must keep.

/** Grammar rules (of @neo4j-cypher/antlr4's Cypher grammar) a console query may contain; any other is refused. */
export const ALLOWED_RULES: ReadonlySet<string> = new Set([
  // Statement structure: one or more read queries joined by UNION.
  "cypher",
  "cypherPart",
  "cypherQuery",
  "queryOptions",
  "anyCypherOption",
  "statement",
  "query",
  "regularQuery",
  "singleQuery",
  "union",
  "clause",
  // Read clauses.
  "matchClause",
  "unwindClause",
  "withClause",
  "returnClause",
  "returnBody",
  "returnItems",
  "returnItem",
  "func",
  "order",
  "skip",
  "limit",
  "sortItem",
  "where",
  "hint",
  // CALL of a procedure on PROCEDURES, checked by name.
  "call",
  "procedureInvocation",
  "procedureInvocationBody",
  "procedureArguments",
  "procedureResults",
  "procedureResult",
  "aliasedProcedureResult",
  "simpleProcedureResult",
  "procedureOutput",
  "procedureName",
  "namespace",
  // Patterns.
  "pattern",
  "patternPart",
  "anonymousPatternPart",
  "patternElement",
  "nodePattern",
  "patternElementChain",
  "relationshipPattern",
  "relationshipPatternStart",
  "relationshipPatternEnd",
  "relationshipDetail",
  "properties",
  "relationshipTypes",
  "relationshipType",
  "relationshipTypeOptionalColon",
  "nodeLabels",
  "nodeLabel",
  "rangeLiteral",
  "labelName",
  "relTypeName",
  "relationshipsPattern",
  "shortestPathPatternFunction",
  "shortestPathFunctionName",
  "allShortestPathFunctionName",
  // Expressions.
  "expression",
  "orExpression",
  "xorExpression",
  "andExpression",
  "notExpression",
  "comparisonExpression",
  "partialComparisonExpression",
  "addOrSubtractExpression",
  "multiplyDivideModuloExpression",
  "powerOfExpression",
  "unaryAddOrSubtractExpression",
  "stringListNullOperatorExpression",
  "propertyOrLabelsExpression",
  "parenthesizedExpression",
  "atom",
  "literal",
  "stringLiteral",
  "booleanLiteral",
  "numberLiteral",
  "integerLiteral",
  "doubleLiteral",
  "listLiteral",
  "mapLiteral",
  "literalEntry",
  "mapProjection",
  "mapProjectionVariants",
  "propertySelector",
  "variableSelector",
  "allPropertiesSelector",
  "propertyLookup",
  "propertyExpression",
  "propertyKeys",
  "propertyKeyName",
  "caseExpression",
  "caseAlternatives",
  "listComprehension",
  "patternComprehension",
  "filterExpression",
  "idInColl",
  "allFunction",
  "allFunctionName",
  "anyFunction",
  "anyFunctionName",
  "noneFunction",
  "noneFunctionName",
  "singleFunction",
  "singleFunctionName",
  "functionInvocation",
  "functionInvocationBody",
  "functionName",
  "variable",
  "parameter",
  "newParameter",
  "parameterName",
  "symbolicName",
  "keyword",
  "leftArrowHead",
  "rightArrowHead",
  "dash",
]);

/** What a refused grammar rule is called in messages, and why it is refused. */
export const REFUSED_RULES: Readonly<Record<string, { name: string; write?: string; why?: string }>> = {
  createClause: { name: "CREATE", write: "Create" },
  createUniqueClause: { name: "CREATE UNIQUE", write: "Create" },
  mergeClause: { name: "MERGE", write: "Merge" },
  setClause: { name: "SET", write: "Set" },
  deleteClause: { name: "DELETE", write: "Delete" },
  removeClause: { name: "REMOVE", write: "Remove" },
  foreachClause: { name: "FOREACH", write: "Foreach" },
  loadCSVClause: { name: "LOAD CSV", why: "read-only queries may not fetch files or URLs" },
  loadCSVQuery: { name: "LOAD CSV", why: "read-only queries may not fetch files or URLs" },
  bulkImportQuery: { name: "USING PERIODIC COMMIT", write: "PeriodicCommit" },
  periodicCommitHint: { name: "USING PERIODIC COMMIT", write: "PeriodicCommit" },
  command: { name: "index and constraint commands", write: "Schema" },
  systemCommand: { name: "user, role, privilege and database commands", why: "they administer the server" },
  reduceFunction: {
    name: "reduce()",
    why: "its accumulator can grow without bound (s + s doubles each step); use sum(), collect() or UNWIND and aggregate",
  },
  extractFunction: { name: "extract()", why: "it was removed from Cypher; use [x IN list | expression]" },
  filterFunction: { name: "filter()", why: "it was removed from Cypher; use [x IN list WHERE predicate]" },
  existsFunction: { name: "exists()", why: "use IS NOT NULL for properties, or a pattern in WHERE" },
  startClause: { name: "START", why: "it was removed from Cypher; use MATCH" },
  explain: { name: "EXPLAIN", why: "the console plans every query itself; run the query without it" },
  profile: { name: "PROFILE", why: "it runs the query outside the console's limits; run the query without it" },
  cypherOption: { name: "CYPHER options", why: "they change how the server plans and runs queries" },
  cypherConsoleCommand: { name: "console commands (:param, :use …)", why: "pass values as parameters instead" },
};

/** Leading words of commands that reach users, settings, transactions or databases; refused before parsing. */
export const ADMIN_WORDS: Readonly<Record<string, string>> = {
  SHOW: "SHOW commands list users, settings, procedures and other sessions' transactions",
  TERMINATE: "TERMINATE stops other sessions' transactions",
  ALTER: "ALTER changes users, databases and the server",
  GRANT: "GRANT changes privileges",
  DENY: "DENY changes privileges",
  REVOKE: "REVOKE changes privileges",
  DROP: "DROP removes databases, users, indexes and constraints",
  START: "START DATABASE changes the server",
  STOP: "STOP DATABASE changes the server",
  ENABLE: "ENABLE SERVER changes the server",
  DEALLOCATE: "DEALLOCATE changes the server",
  REALLOCATE: "REALLOCATE changes the server",
  RENAME: "RENAME changes users, roles and servers",
  USE: "USE switches to another database, such as system",
};

/** Read procedures a console query may CALL. */
export const PROCEDURES: readonly string[] = [
  "db.labels",
  "db.relationshipTypes",
  "db.propertyKeys",
  "db.schema.visualization",
  "db.index.fulltext.queryNodes",
];

/** Functions a console query may call (lower case; Cypher function names are case-insensitive). */
export const FUNCTIONS: ReadonlySet<string> = new Set(
  [
    // Aggregation: Neo4j's memory tracking bounds what they hold.
    "count collect sum avg min max stDev stDevP percentileCont percentileDisc",
    // Graph elements and values.
    "elementId id labels type keys properties startNode endNode nodes relationships length size head last tail",
    "coalesce nullIf isEmpty isNaN valueType toBoolean toBooleanOrNull toFloat toFloatOrNull toInteger",
    "toIntegerOrNull toString toStringOrNull toBooleanList toFloatList toIntegerList toStringList randomUUID",
    // Strings: none of these returns more text than it was given, except replace(), which has its own rule.
    "toLower toUpper lower upper trim lTrim rTrim bTrim left right substring split reverse replace normalize",
    "char_length character_length",
    // Numbers.
    "abs ceil floor round sign rand sqrt exp log log10 e pi sin cos tan cot asin acos atan atan2 degrees radians",
    "haversin",
    // Time and space.
    "date datetime localdatetime localtime time duration timestamp point",
    // Lists: range() has its own rule.
    "range",
  ]
    .join(" ")
    .split(" ")
    .map((name) => name.toLowerCase()),
);

/** Most list elements one expression may build from numbers written in the query (range(), nested comprehensions). */
export const MAX_LIST_ELEMENTS = 100_000;
/** How many items a list read from the graph or a parameter is assumed to hold when bounding nested iterations. */
export const ASSUMED_DATA_LIST = 1_000;
/** Longest variable-length relationship pattern a query may ask for, in hops (shortestPath excepted). */
export const MAX_HOPS = 10;

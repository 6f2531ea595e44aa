// The console's guard: a query passes only if its parse tree uses listed clauses, functions and procedures within size bounds.
import {
  ADMIN_WORDS,
  ALLOWED_RULES,
  ASSUMED_DATA_LIST,
  FUNCTIONS,
  MAX_HOPS,
  MAX_LIST_ELEMENTS,
  PROCEDURES,
  REFUSED_RULES,
} from "./cypher-guard-rules.ts";
import { parseCypher, type ParseError, type ParseNode } from "./cypher-parse.ts";

/** Why a query was refused: the rule it broke, a message naming it, and the write it would make, if any. */
export interface GuardRefusal {
  rule: string;
  message: string;
  /** The kind of write (Create, Merge, Delete …) when the refused part changes the database. */
  write?: string;
}

/** The guard's answer: refused, not readable by the console's grammar (a syntax error), or allowed. */
export type GuardVerdict = { refused: GuardRefusal } | { syntax: ParseError } | { allowed: true };

/** What the console accepts, for messages. */
export const CONSOLE_SUBSET =
  "the console runs read queries made of MATCH, OPTIONAL MATCH, WHERE, WITH, UNWIND, RETURN, ORDER BY, SKIP, LIMIT " +
  `and UNION, and CALL of ${PROCEDURES.join(", ")}`;

const PROCEDURE_NAMES = new Map(PROCEDURES.map((name) => [name.toLowerCase(), name]));

class Refused extends Error {
  constructor(readonly refusal: GuardRefusal) {
    super(refusal.message);
  }
}

function refuse(rule: string, message: string, write?: string): never {
  throw new Refused({ rule, message, ...(write ? { write } : {}) });
}

/** The text of a node without whitespace and backquotes: `db . labels` and `` `db`.labels `` read as db.labels. */
function compact(node: ParseNode): string {
  return node.getText().replace(/[\s`]+/g, "");
}

function ruleChildren(node: ParseNode): ParseNode[] {
  return (node.children ?? []).filter((c) => c.ruleIndex !== undefined);
}

/** Follows a chain of single-child rules (expression → … → atom → x) to the node that does the work. */
function unwrap(node: ParseNode): ParseNode {
  let current = node;
  for (;;) {
    const kids = current.children ?? [];
    if (kids.length !== 1 || kids[0]?.ruleIndex === undefined) return current;
    current = kids[0];
  }
}

/** The integer an expression writes literally (5, -5, +5), if it is one. */
function integerLiteral(node: ParseNode): number | undefined {
  const text = compact(node);
  return /^[+-]?\d{1,15}$/.test(text) ? Number(text) : undefined;
}

class Walker {
  readonly #ruleNames: readonly string[];
  readonly #streamed = new Set<ParseNode>();

  constructor(ruleNames: readonly string[]) {
    this.#ruleNames = ruleNames;
  }

  name(node: ParseNode): string {
    return this.#ruleNames[node.ruleIndex ?? -1] ?? "";
  }

  /** The argument expressions of a call, read as a function or (RETURN f(x) alone) as a procedure invocation. */
  args(call: ParseNode): ParseNode[] {
    const holder = ruleChildren(call).find((c) => this.name(c) === "procedureArguments") ?? call;
    return ruleChildren(holder).filter((c) => this.name(c) === "expression");
  }

  /** The number of elements range() builds, when all its arguments are integers written in the query. */
  rangeSize(call: ParseNode): number | undefined {
    const args = this.args(call);
    const [start, end, step = 1] = args.map(integerLiteral);
    if (args.length < 2 || args.length > 3 || start === undefined || end === undefined || step === undefined)
      return undefined;
    if (step === 0) return 0;
    return Math.max(0, Math.floor((end - start) / step) + 1);
  }

  functionName(call: ParseNode): string {
    const body = ruleChildren(call).find((c) => /^(function|procedure)InvocationBody$/.test(this.name(c)));
    return body ? compact(body) : "";
  }

  /** An upper bound on the elements of a list an iteration runs over: exact for literals, assumed for data. */
  listSize(source: ParseNode): number {
    const inner = unwrap(source);
    const kind = this.name(inner);
    if (kind === "functionInvocation" && this.functionName(inner).toLowerCase() === "range")
      return this.rangeSize(inner) ?? ASSUMED_DATA_LIST;
    if (kind === "listLiteral") return ruleChildren(inner).length;
    return ASSUMED_DATA_LIST;
  }

  /** Marks range() written directly as UNWIND's list: it is streamed row by row, so only the timeout bounds it. */
  markStreamed(unwind: ParseNode): void {
    const source = ruleChildren(unwind).find((c) => this.name(c) === "expression");
    const inner = source ? unwrap(source) : undefined;
    if (inner && this.name(inner) === "functionInvocation") this.#streamed.add(inner);
  }

  walk(node: ParseNode, factor: number, inShortestPath: boolean): void {
    if (node.ruleIndex === undefined) return;
    const rule = this.name(node);
    if (!ALLOWED_RULES.has(rule)) {
      const known = REFUSED_RULES[rule];
      const write =
        rule === "deleteClause" && compact(node).toUpperCase().startsWith("DETACH") ? "DetachDelete" : known?.write;
      if (write)
        refuse(
          rule,
          `this query would change the database (${write}), and queries here are read-only; ` +
            "use MATCH … RETURN, or plangraph load to change data",
          write,
        );
      if (known) refuse(rule, `${known.name} is not allowed: ${known.why ?? "it is not a read clause"}`);
      refuse(rule, `'${compact(node).slice(0, 40)}' (${rule}) is not part of the console's Cypher; ${CONSOLE_SUBSET}`);
    }
    if (rule === "unwindClause") this.markStreamed(node);
    // The grammar reads a lone RETURN f(x) as a procedure invocation under "func"; Neo4j reads it as a function.
    const asFunction = rule === "procedureInvocation" && this.name(node.parentCtx ?? node) === "func";
    if (rule === "procedureInvocation" && !asFunction) this.checkProcedure(node);
    if (rule === "functionInvocation" || asFunction) this.checkFunction(node, factor);
    if (rule === "shortestPathPatternFunction") inShortestPath = true;
    if (rule === "rangeLiteral" && !inShortestPath) this.checkHops(node);
    if (rule === "listLiteral") this.checkBuilt(ruleChildren(node).length, factor, "a list literal");
    if (rule === "listComprehension" || rule === "patternComprehension" || rule.endsWith("Function")) {
      this.walkIteration(node, factor, inShortestPath);
      return;
    }
    for (const child of node.children ?? []) this.walk(child, factor, inShortestPath);
  }

  /** Walks a comprehension or quantifier: its source once, everything evaluated per element times the source's size. */
  walkIteration(node: ParseNode, factor: number, inShortestPath: boolean): void {
    const filter = ruleChildren(node).find((c) => this.name(c) === "filterExpression");
    const idInColl = filter && ruleChildren(filter).find((c) => this.name(c) === "idInColl");
    const source = idInColl && ruleChildren(idInColl).find((c) => this.name(c) === "expression");
    const size = source ? this.listSize(source) : this.name(node) === "patternComprehension" ? ASSUMED_DATA_LIST : 1;
    const inner = factor * Math.max(1, size);
    const visit = (n: ParseNode) => {
      if (n === source) this.walk(n, factor, inShortestPath);
      else if (n === filter || n === idInColl) {
        if (n.ruleIndex !== undefined && !ALLOWED_RULES.has(this.name(n))) this.walk(n, factor, inShortestPath);
        for (const child of n.children ?? []) visit(child);
      } else this.walk(n, n === node ? factor : inner, inShortestPath);
    };
    for (const child of node.children ?? []) visit(child);
  }

  checkBuilt(elements: number, factor: number, what: string): void {
    if (elements * factor > MAX_LIST_ELEMENTS)
      refuse(
        "list-size",
        `${what} here can build ${(elements * factor).toLocaleString("en")} list elements, more than the ` +
          `console's ${MAX_LIST_ELEMENTS.toLocaleString("en")}; use UNWIND range(…) and aggregate, or a smaller range`,
      );
  }

  checkProcedure(node: ParseNode): void {
    const body = ruleChildren(node).find((c) => this.name(c) === "procedureInvocationBody");
    const name = body ? compact(body) : "";
    if (!PROCEDURE_NAMES.has(name.toLowerCase()))
      refuse(
        "procedure",
        `procedure ${name} is not allowed here: the console may only CALL ${PROCEDURES.join(", ")}`,
        name.toLowerCase().startsWith("db.create") ? "Procedure" : undefined,
      );
  }

  checkFunction(node: ParseNode, factor: number): void {
    const name = this.functionName(node);
    const lower = name.toLowerCase();
    if (!FUNCTIONS.has(lower))
      refuse(
        "function",
        `function ${name}() is not allowed here: the console allows the built-in scalar, aggregating, string, ` +
          "list, math and temporal functions, and no plugin or db.* functions",
      );
    if (lower === "range" && !this.#streamed.has(node)) {
      const size = this.rangeSize(node);
      if (size === undefined)
        refuse(
          "range",
          "range() is allowed with bounds written as numbers (range(1, 100)), or directly as UNWIND's list: " +
            "bounds read from data or parameters could build a list of any size",
        );
      this.checkBuilt(size, factor, "range()");
    }
    if (lower === "replace") this.checkReplace(node);
  }

  /** replace() may not lengthen text: its search and replacement are literals, the replacement no longer. */
  checkReplace(node: ParseNode): void {
    const args = this.args(node);
    const literal = (n: ParseNode | undefined) =>
      n && this.name(unwrap(n)) === "stringLiteral" ? compact(n).length - 2 : undefined;
    const [search, replacement] = [literal(args[1]), literal(args[2])];
    if (search === undefined || replacement === undefined || replacement > search)
      refuse(
        "replace",
        "replace() is allowed with a search and a replacement written as strings, the replacement no longer than " +
          "what it replaces: longer replacements can multiply the text's size",
      );
  }

  checkHops(node: ParseNode): void {
    const text = compact(node).replace(/^\*/, "");
    const high = text.includes("..") ? text.split("..")[1] : text;
    const upper = high === "" || high === undefined ? Infinity : Number(high);
    if (!(upper <= MAX_HOPS))
      refuse(
        "hops",
        `variable-length relationships need an upper bound of at most ${MAX_HOPS} hops here (write [*1..${MAX_HOPS}]); ` +
          "shortestPath() may be unbounded",
      );
  }
}

/** Checks a console query against the allow-lists; a query the grammar cannot read comes back as its syntax error. */
export function guardQuery(query: string): GuardVerdict {
  const parsed = parseCypher(query);
  const first = parsed.words[0];
  if (first && ADMIN_WORDS[first])
    return {
      refused: {
        rule: first.toLowerCase(),
        message: `${first} … is not allowed here: ${ADMIN_WORDS[first]}; ${CONSOLE_SUBSET}`,
      },
    };
  if (parsed.tooDeep)
    return {
      refused: { rule: "depth", message: `${parsed.errors[0]?.message ?? "the query nests too deeply"}; simplify it` },
    };
  if (parsed.errors.length > 0) return { syntax: parsed.errors[0] as ParseError };
  try {
    new Walker(parsed.ruleNames).walk(parsed.tree, 1, false);
  } catch (err) {
    if (err instanceof Refused) return { refused: err.refusal };
    if (err instanceof RangeError)
      return { refused: { rule: "depth", message: "the query nests too deeply to be checked; simplify it" } };
    throw err;
  }
  return { allowed: true };
}

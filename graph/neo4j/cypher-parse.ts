// Parses Cypher with the ANTLR grammar shipped in @neo4j-cypher (the explorer's editor package), for the console's guard.
import { createRequire } from "node:module";
import { FUNCTIONS } from "./cypher-guard-rules.ts";

/** A node of the parse tree: a rule with children, or a token (terminal) with text. */
export interface ParseNode {
  children?: ParseNode[] | null;
  ruleIndex?: number;
  parentCtx?: ParseNode | null;
  start?: { line: number; column: number };
  getText(): string;
}

/** A syntax error the grammar reported, with its 1-based line and 0-based column. */
export interface ParseError {
  line: number;
  column: number;
  message: string;
}

/** A parsed query: its tree, the grammar's rule names, its significant tokens, and any syntax errors. */
export interface ParsedCypher {
  tree: ParseNode;
  ruleNames: readonly string[];
  /** Tokens other than whitespace and comments, upper-cased, in order (keywords as written). */
  words: string[];
  errors: ParseError[];
  /** True when the query nests too deeply to be parsed at all. */
  tooDeep?: boolean;
}

interface Antlr {
  InputStream: new (text: string) => unknown;
  CommonTokenStream: new (lexer: unknown) => { fill(): void; tokens: { type: number; text: string }[] };
}
interface ErrorSink {
  syntaxError(recognizer: unknown, symbol: unknown, line: number, column: number, message: string): void;
  reportAmbiguity(): void;
  reportAttemptingFullContext(): void;
  reportContextSensitivity(): void;
}
interface Recognizer {
  removeErrorListeners(): void;
  addErrorListener(listener: ErrorSink): void;
}
type LexerClass = (new (input: unknown) => Recognizer) & {
  symbolicNames: (string | null)[];
  UnescapedSymbolicName: number;
};
type ParserClass = new (tokens: unknown) => Recognizer & {
  buildParseTrees: boolean;
  ruleNames: string[];
  cypher(): ParseNode;
};

const require = createRequire(import.meta.url);
const antlr = (require("@neo4j-cypher/antlr4-browser") as { default: Antlr }).default;
const { CypherLexer, CypherParser } = require("@neo4j-cypher/antlr4") as {
  CypherLexer: LexerClass;
  CypherParser: ParserClass;
};

/** Functions the grammar has rules of its own for (count(*)), left as the keywords it expects. */
const GRAMMAR_FUNCTIONS = new Set(["count"]);

/** Deepest bracket nesting parsed: the grammar's parser slows down sharply beyond it (3,000 levels took 100 s). */
export const MAX_NESTING = 100;
const OPENING = new Set(["(", "[", "{"]);
const CLOSING = new Set([")", "]", "}"]);

/** Parses a query; a query nested too deeply for the parser's stack comes back as one syntax error. */
export function parseCypher(query: string): ParsedCypher {
  const errors: ParseError[] = [];
  const sink: ErrorSink = {
    syntaxError: (_recognizer, _symbol, line, column, message) => errors.push({ line, column, message }),
    reportAmbiguity: () => undefined,
    reportAttemptingFullContext: () => undefined,
    reportContextSensitivity: () => undefined,
  };
  const lexer = new CypherLexer(new antlr.InputStream(query));
  lexer.removeErrorListeners();
  lexer.addErrorListener(sink);
  const tokens = new antlr.CommonTokenStream(lexer);
  tokens.fill();
  const significant = tokens.tokens.filter((t) => t.type >= 0 && CypherLexer.symbolicNames[t.type] !== "SP");
  // The grammar treats labels, type, nodes, replace … as keywords and then misreads labels(n) as a procedure call or
  // fails on replace(…); a listed function name right before "(" is read as a plain name.
  for (const [i, token] of significant.entries())
    if (
      significant[i + 1]?.text === "(" &&
      FUNCTIONS.has(token.text.toLowerCase()) &&
      !GRAMMAR_FUNCTIONS.has(token.text.toLowerCase())
    )
      token.type = CypherLexer.UnescapedSymbolicName;
  const words = significant.map((t) => t.text.toUpperCase());
  let depth = 0;
  for (const token of significant) {
    depth += OPENING.has(token.text) ? 1 : CLOSING.has(token.text) ? -1 : 0;
    if (depth > MAX_NESTING)
      return {
        tree: { getText: () => "" },
        ruleNames: [],
        words,
        errors: [{ line: 1, column: 0, message: `the query nests brackets more than ${MAX_NESTING} deep` }],
        tooDeep: true,
      };
  }
  const parser = new CypherParser(tokens);
  parser.buildParseTrees = true;
  parser.removeErrorListeners();
  parser.addErrorListener(sink);
  try {
    return { tree: parser.cypher(), ruleNames: parser.ruleNames, words, errors };
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    return {
      tree: { getText: () => "" },
      ruleNames: parser.ruleNames,
      words,
      errors: [{ line: 1, column: 0, message: "the query nests too deeply to be read" }],
      tooDeep: true,
    };
  }
}

// Reads a Cypher export without Neo4j: splits statements as cypher-shell does and evaluates the literal UNWIND rows.
import { createPlanGraph, type PlanGraph } from "../../../graph/model/index.ts";
import type { EdgeAttributes, NodeAttributes } from "../../../schema/index.ts";
import { zipEvidence } from "./graphs.ts";

/** Splits a script at semicolons outside strings, back-quoted names and // comments; comments are dropped. */
export function splitStatements(script: string): string[] {
  const statements: string[] = [];
  let current = "";
  for (let i = 0; i < script.length; i++) {
    const ch = script[i] as string;
    if (ch === "/" && script[i + 1] === "/") {
      while (i < script.length && script[i] !== "\n") i++;
      continue;
    }
    if (ch === "'" || ch === '"' || ch === "`") {
      let j = i + 1;
      while (j < script.length && script[j] !== ch) j += script[j] === "\\" && ch !== "`" ? 2 : 1;
      current += script.slice(i, j + 1);
      i = j;
      continue;
    }
    if (ch === ";") {
      if (current.trim()) statements.push(current.trim());
      current = "";
      continue;
    }
    current += ch;
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}

const ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f", "'": "'", '"': '"', "\\": "\\" };

/** Evaluates a Cypher literal (strings, numbers, booleans, null, lists, maps), as Neo4j's parser would. */
export function parseLiteral(text: string): unknown {
  let i = 0;
  const space = () => {
    while (/\s/.test(text[i] ?? "")) i++;
  };
  const expect = (ch: string) => {
    space();
    if (text[i] !== ch) throw new Error(`expected ${ch} at ${i}: ${text.slice(i, i + 40)}`);
    i++;
  };
  const value = (): unknown => {
    space();
    const ch = text[i];
    if (ch === "'") {
      let out = "";
      for (i++; text[i] !== "'"; i++) {
        if (text[i] !== "\\") out += text[i];
        else if (text[i + 1] === "u") {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 5;
        } else out += ESCAPES[text[++i] as string] ?? "";
      }
      i++;
      return out;
    }
    if (ch === "[" || ch === "{") {
      const close = ch === "[" ? "]" : "}";
      const list: unknown[] = [];
      const map: Record<string, unknown> = {};
      i++;
      space();
      while (text[i] !== close) {
        if (ch === "[") list.push(value());
        else {
          space();
          const name = /^(`[^`]*`|[A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(i))?.[0] ?? "";
          i += name.length;
          expect(":");
          map[name.replace(/`/g, "")] = value();
        }
        space();
        if (text[i] === ",") i++;
        space();
      }
      i++;
      return ch === "[" ? list : map;
    }
    const word = /^(true|false|null|-?\d+(\.\d+)?([eE]-?\d+)?)/.exec(text.slice(i))?.[0];
    if (!word) throw new Error(`unexpected ${text.slice(i, i + 40)}`);
    i += word.length;
    return word === "true" ? true : word === "false" ? false : word === "null" ? null : Number(word);
  };
  return value();
}

const NODE = /^UNWIND (\[[\s\S]*\]) AS row\s+MERGE \(n:(\w+) \{id: row\.id\}\) SET n \+= row\.props$/;
const EDGE =
  /^UNWIND (\[[\s\S]*\]) AS row\s+MATCH \(a:(\w+) \{id: row\.s\}\) MATCH \(b:(\w+) \{id: row\.t\}\)\s+MERGE \(a\)-\[r:(\w+) \{key: row\.key\}\]->\(b\) SET r \+= row\.props$/;

interface Row {
  id: string;
  s: string;
  t: string;
  key: string;
  props: Record<string, unknown>;
}

/** Rebuilds the graph a script would create: every other statement must be a schema statement (CREATE … / CALL db.awaitIndexes). */
export function graphFromScript(script: string): { graph: PlanGraph; schema: string[] } {
  const graph = createPlanGraph();
  const schema: string[] = [];
  for (const statement of splitStatements(script)) {
    const node = NODE.exec(statement);
    const edge = EDGE.exec(statement);
    if (node) {
      for (const row of parseLiteral(node[1] as string) as Row[])
        graph.addNode(row.id, { label: node[2], ...row.props } as NodeAttributes);
    } else if (edge) {
      for (const row of parseLiteral(edge[1] as string) as Row[]) {
        const { plans, sections, sentences, starts, ends, ...rest } = row.props as Record<
          string,
          unknown[] | undefined
        >;
        const evidence =
          plans === undefined ? {} : { evidence: zipEvidence({ plans, sections, sentences, starts, ends }) };
        graph.addEdgeWithKey(row.key, row.s, row.t, {
          type: edge[4],
          ...rest,
          ...evidence,
        } as unknown as EdgeAttributes);
      }
    } else {
      if (graph.order > 0) throw new Error(`a schema statement after the data: ${statement.slice(0, 80)}`);
      schema.push(statement);
    }
  }
  return { graph, schema };
}

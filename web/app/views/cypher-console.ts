// The Cypher console: an editor with Cypher highlighting, example queries, and the result as a table (the graph shows it too).
import type { JsonValue, ReadQueryResult } from "../../../graph/neo4j/read-query.ts";
import { count, h, setChildren } from "./dom.ts";

/** What the console needs: whether Neo4j is there (and advice when not), and what running a query does. */
export interface ConsoleOptions {
  enabled: boolean;
  help: string;
  run(query: string): Promise<ReadQueryResult>;
}

/** Queries offered as a start. */
export const EXAMPLE_QUERIES: readonly { title: string; query: string }[] = [
  { title: "Projects and where they are", query: "MATCH (p:Project)-[:LOCATED_IN]->(r:Region) RETURN p, r LIMIT 25" },
  {
    title: "What supports 京津冀协同发展",
    query: "MATCH (x)-[s:SUPPORTS]->(g:Goal) WHERE g.name CONTAINS '京津冀' RETURN x, s, g LIMIT 50",
  },
  {
    title: "Industries regions target",
    query:
      "MATCH (r:Region)-[t:TARGETS]->(i:Industry) RETURN r.name AS region, i.name AS industry, t.plan AS plan LIMIT 50",
  },
  {
    title: "Entities per label",
    query: "MATCH (n) RETURN labels(n)[0] AS label, count(*) AS nodes ORDER BY nodes DESC",
  },
];

function cell(value: JsonValue): string {
  if (value === null) return "null";
  if (typeof value !== "object") return String(value);
  if (!Array.isArray(value)) {
    if (typeof value.id === "string" && Array.isArray(value.labels)) {
      const name = (value.properties as Record<string, JsonValue> | undefined)?.name;
      return `(${(value.labels as string[]).join(":")} ${typeof name === "string" ? name : value.id})`;
    }
    if (typeof value.type === "string" && typeof value.source === "string") return `[:${value.type}]`;
  }
  return JSON.stringify(value);
}

/** Draws a query result as a table with a summary line. */
function resultTable(result: ReadQueryResult): HTMLElement {
  const summary =
    `${count(result.rows.length)} row(s)${result.truncated ? ` (cut at the ${result.cut === "bytes" ? "size" : "row"} limit)` : ""}, ` +
    `${count(result.nodes.length)} node(s), ${count(result.relationships.length)} relationship(s) in ${Math.round(result.ms)} ms`;
  return h(
    "div",
    { class: "result" },
    h("p", { class: "result-summary", role: "status" }, summary),
    h(
      "div",
      { class: "table-wrap" },
      h(
        "table",
        { class: "result-table" },
        h("thead", {}, h("tr", {}, ...result.columns.map((c) => h("th", {}, c)))),
        h(
          "tbody",
          {},
          ...result.rows.map((row) => h("tr", {}, ...result.columns.map((c) => h("td", {}, cell(row[c] ?? null))))),
        ),
      ),
    ),
  );
}

/** Builds the console in its element; the editor is loaded only when the console is first opened. */
export async function mountConsole(element: HTMLElement, options: ConsoleOptions): Promise<void> {
  if (!options.enabled) {
    setChildren(
      element,
      h("h2", {}, "Cypher console"),
      h("p", { class: "notice", id: "console-unavailable" }, "Connect Neo4j to use the Cypher console. ", options.help),
    );
    return;
  }
  const { createCypherEditor } = await import("@neo4j-cypher/codemirror");
  await import("@neo4j-cypher/codemirror/css/cypher-codemirror.css");
  const editorHost = h("div", { class: "editor", id: "cypher-editor" });
  const output = h("div", { class: "console-output", id: "console-output" });
  let text = EXAMPLE_QUERIES[0]?.query ?? "";
  const { editor } = createCypherEditor(editorHost, {
    value: text,
    lineNumbers: true,
    theme: "light",
    autocomplete: true,
    lint: false,
  });
  editor.onValueChanged((value) => {
    text = value;
  });
  const runButton = h("button", { type: "button", id: "run-query", class: "primary" }, "Run");
  const run = async () => {
    runButton.setAttribute("disabled", "");
    setChildren(output, h("p", { class: "muted" }, "Running…"));
    try {
      setChildren(output, resultTable(await options.run(text)));
    } catch (err) {
      setChildren(output, h("p", { class: "error", role: "alert" }, (err as Error).message));
    } finally {
      runButton.removeAttribute("disabled");
    }
  };
  runButton.addEventListener("click", run);
  editorHost.addEventListener("keydown", (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key === "Enter") {
      event.preventDefault();
      void run();
    }
  });
  const examples = h(
    "select",
    {
      "aria-label": "Example queries",
      onchange: (event) => {
        const chosen = EXAMPLE_QUERIES[Number((event.target as HTMLSelectElement).value)];
        if (chosen) {
          editor.setValue(chosen.query);
          text = chosen.query;
          editor.focus();
        }
      },
    },
    h("option", { value: "", selected: true, disabled: true }, "Examples…"),
    ...EXAMPLE_QUERIES.map((q, i) => h("option", { value: i }, q.title)),
  );
  setChildren(
    element,
    h(
      "div",
      { class: "console-bar" },
      h("h2", {}, "Cypher console"),
      h("span", { class: "muted" }, "Read-only · Ctrl+Enter runs"),
      examples,
      runButton,
    ),
    editorHost,
    output,
  );
}

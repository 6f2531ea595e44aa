// The layer check (npm run check:layers): which room may import which, and no import cycles anywhere.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

/** The folders whose TypeScript files are checked, relative to the repository root. */
export const CHECKED_ROOTS = ["schema", "ingest", "graph", "web", "cli", "bench", "tests", "tools"] as const;

/** One module's imports: its path and what it imports (repository paths for relative imports, bare names otherwise). */
export type ImportMap = ReadonlyMap<string, readonly string[]>;

/** A rule the imports break, with the importing file and what it imported (or the files of a cycle). */
export interface LayerViolation {
  rule: "ingest-below-graph-and-web" | "schema-self-contained" | "room-order" | "product-code" | "cycle";
  file: string;
  imports: string;
  message: string;
}

/** The rooms from the bottom up: a module may import from its own rank and the ranks below it, never above. */
export const ROOM_ORDER: readonly (readonly string[])[] = [
  ["schema"],
  ["graph/model"],
  ["ingest"],
  ["graph/select", "graph/compare", "graph/export", "graph/neo4j"],
  ["graph/store"],
  ["web"],
  ["cli", "bench"],
];

const under = (file: string, room: string) => file === room || file.startsWith(`${room}/`);
const isPackage = (spec: string) =>
  !spec.includes("/") || !/^(schema|ingest|graph|web|cli|bench|tests|tools)\//.test(spec);

/** The rank of the room a module sits in (-1 for tests and tools, which may import anything). */
function rankOf(file: string): number {
  return ROOM_ORDER.findIndex((rooms) => rooms.some((room) => under(file, room)));
}

/** Checks the room rules: graph/ and web/ never import ingest/; schema/ imports only itself; no room imports one above it. */
function roomViolations(imports: ImportMap): LayerViolation[] {
  const out: LayerViolation[] = [];
  const add = (rule: LayerViolation["rule"], file: string, target: string, message: string) =>
    out.push({ rule, file, imports: target, message: `${file} imports ${target}: ${message}` });
  for (const [file, targets] of imports) {
    for (const target of targets) {
      const local = !isPackage(target);
      if ((under(file, "graph") || under(file, "web")) && local && under(target, "ingest"))
        add(
          "ingest-below-graph-and-web",
          file,
          target,
          "graph/ and web/ work on the graph model, never on the extractor",
        );
      if (under(file, "schema") && !(local && under(target, "schema")))
        add("schema-self-contained", file, target, "schema/ is the bottom room and imports nothing outside itself");
      const [from, to] = [rankOf(file), rankOf(target)];
      if (!under(file, "schema") && local && from >= 0 && to > from)
        add("room-order", file, target, `${ROOM_ORDER[to]?.join(", ")} sits above ${ROOM_ORDER[from]?.join(", ")}`);
      if (["schema", "ingest", "graph", "web", "cli"].some((room) => under(file, room)) && local)
        if (["tests", "bench", "tools"].some((room) => under(target, room)))
          add("product-code", file, target, "the product never imports tests, benches or tools");
    }
  }
  return out;
}

/** Finds import cycles among the repository's own modules (Tarjan's strongly connected components). */
function cycleViolations(imports: ImportMap): LayerViolation[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: LayerViolation[] = [];
  let next = 0;
  const visit = (file: string): void => {
    index.set(file, next);
    low.set(file, next++);
    stack.push(file);
    onStack.add(file);
    for (const target of imports.get(file) ?? []) {
      if (!imports.has(target)) continue;
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(file, Math.min(low.get(file)!, index.get(target)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || (imports.get(file) ?? []).includes(file)) {
      const files = component.sort();
      out.push({
        rule: "cycle",
        file: files[0]!,
        imports: files.join(" → "),
        message: `import cycle: ${files.join(" → ")}`,
      });
    }
  };
  for (const file of [...imports.keys()].sort()) if (!index.has(file)) visit(file);
  return out;
}

/**
 * Every rule broken by an import map, rooms first, then cycles. Cycles are looked for among the imports that remain at
 * run time (`runtime`, by default all): an `import type` is erased before any module loads, so it closes no cycle.
 */
export function checkLayers(imports: ImportMap, runtime: ImportMap = imports): LayerViolation[] {
  return [...roomViolations(imports), ...cycleViolations(runtime)];
}

function* typescriptFiles(root: string, dir: string): Generator<string> {
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory() && !["node_modules", "dist", "target", "fixtures"].includes(entry.name))
      yield* typescriptFiles(root, rel);
    else if (entry.isFile() && entry.name.endsWith(".ts")) yield rel;
  }
}

/** `import type … from "x"` and `export type … from "x"`: erased from the JavaScript, so no import at run time. */
const TYPE_ONLY = /^\s*(?:import|export)\s+type\s[^;]*?\sfrom\s*["']([^"']+)["']/gm;

/**
 * Reads the imports (static, `export … from` and dynamic `import()`) of every TypeScript file under the checked roots;
 * with `runtimeOnly`, a module imported only by `import type` / `export type` is left out.
 */
export function readImports(root: string, { runtimeOnly = false } = {}): Map<string, string[]> {
  const imports = new Map<string, string[]>();
  for (const dir of CHECKED_ROOTS) {
    for (const file of typescriptFiles(root, dir)) {
      const text = readFileSync(path.join(root, file), "utf8");
      const specs = ts.preProcessFile(text, true, true).importedFiles.map(({ fileName }) => fileName);
      const typeOnly = [...text.matchAll(TYPE_ONLY)].map((m) => m[1]);
      // A module stays a run-time import when some import of it is not type-only.
      const kept = runtimeOnly ? specs.filter((spec) => countOf(specs, spec) > countOf(typeOnly, spec)) : specs;
      const targets = kept.map((spec) =>
        spec.startsWith(".") ? path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)) : spec,
      );
      imports.set(file, [...new Set(targets)]);
    }
  }
  return imports;
}

function countOf(list: readonly (string | undefined)[], item: string): number {
  return list.filter((x) => x === item).length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL("../", import.meta.url));
  const imports = readImports(root);
  const violations = checkLayers(imports, readImports(root, { runtimeOnly: true }));
  for (const v of violations) console.error(`check-layers: ${v.message}`);
  const edges = [...imports.values()].reduce((n, list) => n + list.length, 0);
  console.log(
    `check-layers: ${imports.size} modules, ${edges} imports: ` +
      (violations.length === 0 ? "no cycles, no layer crossed" : `${violations.length} problem(s)`),
  );
  process.exitCode = violations.length === 0 ? 0 : 1;
}

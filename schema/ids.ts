// Deterministic ids and name normalisation, so every run and every load merges instead of duplicating.
import type { EdgeType, EntityLabel, NodeLabel } from "./labels.ts";

const QUOTES_AND_SPACE = /[\s“”‘’"'「」『』《》〈〉]/g;
const DASHES = /[―—–-]+/g;

/** Normalises a name for comparison: NFKC, no white space or quote marks, one dash form, and no suffix that does not change identity (省/市 for regions, 产业/产业链/行业 for industries). */
export function normalizeName(label: NodeLabel | string, name: string): string {
  let n = name.normalize("NFKC").replace(QUOTES_AND_SPACE, "").replace(DASHES, "—");
  if (label === "Region") n = n.replace(/^(.{2,})[省市]$/u, "$1");
  if (label === "Industry") n = n.replace(/^(.{2,}?)(产业链|产业|行业)$/u, "$1");
  return n;
}

/** The id of an entity node: lower-case label plus normalised name (`region:唐山`). */
export function entityId(label: EntityLabel, name: string): string {
  return `${label.toLowerCase()}:${normalizeName(label, name)}`;
}

/** The id of a plan node. */
export function planNodeId(planId: string): string {
  return `plan:${planId}`;
}

/** The id of a section node: its plan and its path of numbers (`section:hebei/3.12`). */
export function sectionId(planId: string, path: string): string {
  return `section:${planId}/${path}`;
}

/** The id of an edge: type, ends and the plan that states it, so each plan's statements stay its own. */
export function edgeId(type: EdgeType, source: string, target: string, planId: string): string {
  return `${type}:${source}->${target}@${planId}`;
}

/** Control and invisible formatting characters (line breaks, tabs, bidi overrides such as U+202E, zero widths). */
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/** Turns a file path into a plan id: forward slashes, no extension, control and bidi characters replaced by _. */
export function planIdFromPath(relativePath: string): string {
  return relativePath
    .replace(/\\/g, "/")
    .replace(/^\.\//, "")
    .replace(/\.(txt|html?|md|markdown|pdf)$/i, "")
    .replace(INVISIBLE, "_");
}

/** A path as it can be shown on one line: control and bidi characters written as escapes (\n, \u{202E}). */
export function displayPath(file: string): string {
  return file.replace(INVISIBLE, (ch) =>
    ch === "\n" ? "\\n" : ch === "\t" ? "\\t" : `\\u{${ch.codePointAt(0)!.toString(16).toUpperCase()}}`,
  );
}

/** Whether a path holds characters that displayPath escapes. */
export function hasInvisibleCharacters(file: string): boolean {
  return new RegExp(INVISIBLE.source, "u").test(file);
}

// The incremental-ingest cache: a manifest of what an output was built from, and one graph fragment per plan and content hash.
import { createHash } from "node:crypto";
import { mkdir, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { SerializedPlanGraph } from "../schema/index.ts";

/** What an output graph was built from: the extractor's fingerprint, the options, each plan's content hash, and the output's size and time. */
export interface Manifest {
  fingerprint: string;
  maxBytes: number;
  plans: [planId: string, sha256: string][];
  output: { size: number; mtimeMs: number };
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Hashes the extractor's own sources and lexicons, so a changed rule or lexicon invalidates every cached plan. */
export async function extractorFingerprint(): Promise<string> {
  const hash = createHash("sha256");
  for (const dir of ["ingest", "schema"]) {
    const entries = await readdir(path.join(ROOT, dir), { recursive: true, withFileTypes: true });
    const files = entries
      .filter((e) => e.isFile() && /\.(ts|json)$/u.test(e.name))
      .map((e) => path.join(e.parentPath, e.name));
    for (const file of files.sort()) hash.update(file.slice(ROOT.length)).update(await readFile(file));
  }
  return hash.digest("hex").slice(0, 16);
}

/** The cache folder that belongs to an output file. */
export function cacheDir(out: string): string {
  return `${out}.cache`;
}

/** Reads the manifest of an earlier run, if there is one. */
export async function readManifest(out: string): Promise<Manifest | undefined> {
  try {
    return JSON.parse(await readFile(path.join(cacheDir(out), "manifest.json"), "utf8")) as Manifest;
  } catch {
    return undefined;
  }
}

/** Whether the output file is still the one the manifest describes (not deleted or edited since). */
export async function outputUnchanged(out: string, manifest: Manifest): Promise<boolean> {
  const info = await stat(out).catch(() => undefined);
  return !!info && info.size === manifest.output.size && info.mtimeMs === manifest.output.mtimeMs;
}

/** Writes the manifest for an output just written. */
export async function writeManifest(out: string, manifest: Omit<Manifest, "output">): Promise<void> {
  const info = await stat(out);
  await mkdir(cacheDir(out), { recursive: true });
  const full: Manifest = { ...manifest, output: { size: info.size, mtimeMs: info.mtimeMs } };
  await writeFile(path.join(cacheDir(out), "manifest.json"), JSON.stringify(full));
}

function fragmentFile(out: string, fingerprint: string, planId: string, sha256: string): string {
  const name = createHash("sha256").update(`${planId}\u0000${sha256}`).digest("hex").slice(0, 24);
  return path.join(cacheDir(out), fingerprint, `${name}.json`);
}

/** Reads the cached graph of a plan with this content, built by this extractor, if any. */
export async function readFragment(
  out: string,
  fingerprint: string,
  planId: string,
  sha256: string,
): Promise<SerializedPlanGraph | undefined> {
  try {
    return JSON.parse(await readFile(fragmentFile(out, fingerprint, planId, sha256), "utf8")) as SerializedPlanGraph;
  } catch {
    return undefined;
  }
}

/** Stores the graph of a plan for later incremental runs. */
export async function writeFragment(
  out: string,
  fingerprint: string,
  planId: string,
  sha256: string,
  graph: SerializedPlanGraph,
): Promise<void> {
  const file = fragmentFile(out, fingerprint, planId, sha256);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(graph));
}

/** Removes fragments written by other versions of the extractor. */
export async function pruneFragments(out: string, fingerprint: string): Promise<void> {
  const entries = await readdir(cacheDir(out), { withFileTypes: true }).catch(() => []);
  for (const e of entries)
    if (e.isDirectory() && e.name !== fingerprint)
      await rm(path.join(cacheDir(out), e.name), { recursive: true, force: true });
}

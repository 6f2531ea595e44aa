// Builds the explorer's front end with Vite when web/dist is missing or older than its sources.
import { chmod, mkdtemp, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Where the built explorer lives (gitignored). */
export const APP_DIST_DIR = path.join(ROOT, "web", "dist");

/** The Vite config of the explorer. */
export const APP_CONFIG = path.join(ROOT, "web", "app", "vite.config.ts");

/** Files and folders whose changes call for a new build: the app, the types and schema it imports, the locked packages. */
const SOURCES = ["web/app", "schema", "graph/store/types.ts", "graph/neo4j/read-query.ts", "package-lock.json"];

async function newestChange(entry: string): Promise<number> {
  const info = await stat(entry).catch(() => undefined);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const files = await readdir(entry, { recursive: true, withFileTypes: true });
  let newest = info.mtimeMs;
  for (const file of files) {
    if (!file.isFile()) continue;
    const mtime = (await stat(path.join(file.parentPath, file.name)).catch(() => undefined))?.mtimeMs ?? 0;
    newest = Math.max(newest, mtime);
  }
  return newest;
}

/** Whether web/dist is missing or older than any of its sources. */
export async function appIsStale(): Promise<boolean> {
  const built = (await stat(path.join(APP_DIST_DIR, "index.html")).catch(() => undefined))?.mtimeMs;
  if (built === undefined) return true;
  for (const source of SOURCES) if ((await newestChange(path.join(ROOT, source))) > built) return true;
  return false;
}

/** Builds the explorer into a fresh folder and swaps it in, so a server never sees half a build. */
export async function buildApp(): Promise<void> {
  const { build } = await import("vite");
  const staging = await mkdtemp(path.join(ROOT, "web", ".dist-"));
  try {
    await build({ configFile: APP_CONFIG, logLevel: "warn", build: { outDir: staging, emptyOutDir: true } });
    await chmod(staging, 0o755);
    const old = `${APP_DIST_DIR}.old-${process.pid}`;
    await rename(APP_DIST_DIR, old).catch(() => undefined);
    await rename(staging, APP_DIST_DIR);
    await rm(old, { recursive: true, force: true });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Builds the explorer if it is missing or stale; returns whether it built. */
export async function ensureAppBuilt(): Promise<boolean> {
  if (!(await appIsStale())) return false;
  await buildApp();
  return true;
}

// Explorer benchmark: time to first render of the sample plan and of a whole-corpus graph, and frame times while panning.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../tests/web/browser.ts";
import { createMemoryStore, openMemoryStore, type GraphStore } from "../graph/store/index.ts";
import { APP_DIST_DIR, ensureAppBuilt, startServer } from "../web/server/index.ts";
import { ensureSampleGraph } from "../cli/start.ts";

/** The frame time the explorer should stay under while panning a large graph (30 frames a second). */
const TARGET_FRAME_MS = 33;

interface Figures {
  graph: string;
  view: string;
  drawn: string;
  firstRenderMs: number;
  layoutMs: number;
  panFrameMedianMs?: number;
  panFrameP90Ms?: number;
  frames?: number;
}

function median(values: number[], q = 0.5): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

const launch = launchChromium;

/**
 * Pans the view in the page for three seconds the way a drag does (sigma treats an animated camera as moving) and
 * returns the time between successive renders, i.e. the frame times a person sees. Passed as text: tsx would wrap
 * named functions in a helper the page does not have.
 */
const PAN = `new Promise((resolve) => {
  const sigma = window.__plangraph.sigma;
  const camera = sigma.getCamera();
  const start = camera.getState();
  const renders = [];
  const onRender = () => renders.push(performance.now());
  sigma.on("afterRender", onRender);
  camera.animate({ x: start.x + 0.25, y: start.y + 0.15 }, { duration: 3000, easing: "linear" }).then(() => {
    sigma.off("afterRender", onRender);
    resolve(renders.slice(1).map((t, i) => t - renders[i]));
  });
})`;

/** Frame times while panning, in milliseconds. */
async function pan(page: Page): Promise<number[]> {
  return (await page.evaluate(PAN)) as number[];
}

async function measure(
  browser: Browser,
  store: GraphStore,
  graph: string,
  views: { name: string; query: string }[],
  panning: boolean,
): Promise<Figures[]> {
  const server = await startServer({ store, port: 0, appDir: APP_DIST_DIR });
  const figures: Figures[] = [];
  try {
    for (const view of views) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(`${server.url}${view.query}`);
      await page.waitForFunction(() => window.__plangraph?.firstRenderMs != null, null, { timeout: 300_000 });
      const firstRenderMs = await page.evaluate(() => window.__plangraph?.firstRenderMs ?? NaN);
      await page.waitForFunction(() => window.__plangraph?.busy() === false, null, { timeout: 300_000 });
      const layoutMs = (await page.evaluate(() => performance.now())) - firstRenderMs;
      const drawn = (await page.textContent("#status")) ?? "";
      const row: Figures = { graph, view: view.name, drawn: drawn.replace(/^Showing /, ""), firstRenderMs, layoutMs };
      if (panning) {
        const frames = await pan(page);
        Object.assign(row, {
          panFrameMedianMs: median(frames),
          panFrameP90Ms: median(frames, 0.9),
          frames: frames.length,
        });
      }
      figures.push(row);
      await page.close();
    }
  } finally {
    await server.close();
  }
  return figures;
}

/** The WebGL renderer the browser uses (SwiftShader means the GPU work is done by the CPU). */
const RENDERER = `(() => {
  const gl = document.createElement("canvas").getContext("webgl2");
  const info = gl && gl.getExtension("WEBGL_debug_renderer_info");
  return info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : "unknown";
})()`;

const corpusFile = process.argv[2];
const fmt = (n: number | undefined) => (n === undefined ? "" : n.toFixed(n < 100 ? 1 : 0));

if (await ensureAppBuilt()) console.log("built the explorer (web/dist)");
const cache = await mkdtemp(join(tmpdir(), "plangraph-bench-web-"));
const browser = await launch();
const rows: Figures[] = [];
try {
  const probe = await browser.newPage();
  console.log(`WebGL renderer: ${String(await probe.evaluate(RENDERER))}`);
  await probe.close();
  const { graph } = await ensureSampleGraph(join(cache, "sample.json"));
  rows.push(
    ...(await measure(browser, createMemoryStore(graph), "sample plan", [{ name: "default", query: "" }], true)),
  );
  if (corpusFile) {
    const started = performance.now();
    const store = await openMemoryStore(corpusFile);
    console.log(`read ${corpusFile} into memory in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    rows.push(
      ...(await measure(
        browser,
        store,
        "corpus",
        [
          { name: "default (cap 2,000)", query: "" },
          { name: "cap 10,000", query: "?limit=10000" },
        ],
        true,
      )),
    );
  } else console.log("(pass a corpus graph, e.g. out/corpus.json, to measure a whole-corpus graph as well)");
} finally {
  await browser.close();
  await rm(cache, { recursive: true, force: true });
}

console.log(
  "\ngraph        view                  drawn                                   first render ms  layout ms  pan frame median / p90 ms  frames in 3 s",
);
for (const r of rows)
  console.log(
    `${r.graph.padEnd(12)} ${r.view.padEnd(21)} ${r.drawn.padEnd(39)} ${fmt(r.firstRenderMs).padStart(15)}  ${fmt(r.layoutMs).padStart(9)}  ${`${fmt(r.panFrameMedianMs)} / ${fmt(r.panFrameP90Ms)}`.padStart(25)}  ${String(r.frames ?? "").padStart(13)}`,
  );
// The aim is for the whole-corpus graph (the sample is small); without a corpus, the sample is judged instead.
const judged = rows.filter((r) => r.graph === "corpus").length > 0 ? rows.filter((r) => r.graph === "corpus") : rows;
const worst = Math.max(...judged.map((r) => r.panFrameMedianMs ?? 0));
console.log(
  `\nmedian frame time while panning the ${judged[0]?.graph ?? "graph"}: worst ${worst.toFixed(1)} ms ` +
    `(aim < ${TARGET_FRAME_MS} ms) — ${worst < TARGET_FRAME_MS ? "ok" : "too slow"}`,
);

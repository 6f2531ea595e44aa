// Helpers of the browser tests: Debian's Chromium through playwright-core, waiting for the explorer, reading screenshots.
import { mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { expect } from "vitest";

/** Where the tests save their screenshots, for a person to look at after a run. */
export const SCREENSHOT_DIR = join(tmpdir(), "plangraph-browser-tests");

/** Starts headless Chromium the way the project's notes say works here (WebGL through SwiftShader). */
export async function launchChromium(): Promise<Browser> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** Page errors and console errors (CSP violations among them) a page reported, to assert there were none. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(`pageerror: ${err.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/** Opens the explorer and waits until the graph is drawn and its layout has settled. */
export async function openExplorer(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => window.__plangraph?.firstRenderMs != null, null, { timeout: 60_000 });
  await waitForLayout(page);
}

/** Waits until the layout worker has stopped moving nodes. */
export async function waitForLayout(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__plangraph?.busy() === false, null, { timeout: 60_000 });
}

/** The visible and loaded node counts from the status line ("Showing 352 of 352 nodes · 138 edges"). */
export async function statusCounts(page: Page): Promise<{ shown: number; loaded: number; edges: number }> {
  const text = (await page.textContent("#status")) ?? "";
  const match = /Showing ([\d,]+) of ([\d,]+) nodes · ([\d,]+) edges/.exec(text);
  expect(match, `status line: ${text}`).not.toBeNull();
  const n = (i: number) => Number((match?.[i] ?? "").replace(/,/g, ""));
  return { shown: n(1), loaded: n(2), edges: n(3) };
}

/** The count the legend shows for a label or relationship type. */
export async function legendCount(page: Page, name: string): Promise<number> {
  const text = await page.textContent(`.legend-item[data-name="${name}"] .legend-count`);
  return Number((text ?? "").replace(/,/g, ""));
}

/**
 * Counts the pixels of a PNG close to each of the given colours, decoding it in a blank page of the same browser
 * (no image library needed): what a person sees, measured.
 */
export async function colourCounts(
  browser: Browser,
  png: Buffer,
  colours: Record<string, string>,
): Promise<Record<string, number>> {
  const page = await browser.newPage();
  try {
    return await page.evaluate(
      async ({ data, wanted }) => {
        const image = new Image();
        image.src = `data:image/png;base64,${data}`;
        await image.decode();
        const canvas = document.createElement("canvas");
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext("2d") as CanvasRenderingContext2D;
        context.drawImage(image, 0, 0);
        const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
        const targets = Object.entries(wanted).map(([name, hex]) => ({
          name,
          rgb: [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)),
        }));
        const counts: Record<string, number> = Object.fromEntries(targets.map((t) => [t.name, 0]));
        for (let i = 0; i < pixels.length; i += 4) {
          for (const t of targets) {
            const d =
              Math.abs((pixels[i] ?? 0) - (t.rgb[0] ?? 0)) +
              Math.abs((pixels[i + 1] ?? 0) - (t.rgb[1] ?? 0)) +
              Math.abs((pixels[i + 2] ?? 0) - (t.rgb[2] ?? 0));
            if (d < 24) counts[t.name] = (counts[t.name] ?? 0) + 1;
          }
        }
        return counts;
      },
      { data: png.toString("base64"), wanted: colours },
    );
  } finally {
    await page.close();
  }
}

/** Saves a screenshot of the page under SCREENSHOT_DIR and returns it. */
export async function screenshot(page: Page, name: string, selector?: string): Promise<Buffer> {
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  return selector ? page.locator(selector).screenshot({ path }) : page.screenshot({ path });
}

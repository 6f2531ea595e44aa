// The explorer on the sample plan, served from memory, as a person uses it in Chromium: graph, legend, search, evidence, filters, export.
import { readFile } from "node:fs/promises";
import { XMLParser } from "fast-xml-parser";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { ENTITY_LABELS } from "../../schema/index.ts";
import { LABEL_COLORS } from "../../web/app/graph/palette.ts";
import {
  collectErrors,
  colourCounts,
  launchChromium,
  legendCount,
  openExplorer,
  screenshot,
  statusCounts,
  waitForLayout,
} from "./browser.ts";

const { memoryUrl } = inject("web");
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  errors = collectErrors(page);
});
afterEach(async () => {
  await page.close();
  expect(errors, "the page reported errors").toEqual([]);
});

/** Types into the search box and picks the suggestion with the given name. */
async function searchAndPick(text: string, name: string): Promise<void> {
  await page.fill("#search-input", text);
  const option = page.locator("#search-suggestions li[role=option]", { hasText: name }).first();
  await option.waitFor();
  await option.click();
}

describe("the sample graph", () => {
  it("renders coloured nodes, and the legend counts all four entity labels", async () => {
    await openExplorer(page, memoryUrl);
    const png = await screenshot(page, "sample-graph", "#sigma-container");
    const colours = Object.fromEntries(ENTITY_LABELS.map((l) => [l, LABEL_COLORS[l]]));
    const pixels = await colourCounts(browser, png, colours);
    for (const label of ENTITY_LABELS) expect(pixels[label], `${label} pixels`).toBeGreaterThan(100);

    const counts = await Promise.all(ENTITY_LABELS.map((l) => legendCount(page, l)));
    for (const [i, label] of ENTITY_LABELS.entries()) expect(counts[i], `${label} in the legend`).toBeGreaterThan(10);
    const { shown, loaded } = await statusCounts(page);
    expect(shown).toBe(loaded);
    expect(shown).toBe(counts.reduce((a, b) => a + b, 0));
    // Provenance is hidden by default: the legend lists Plan and Section switched off.
    expect(await page.getAttribute('.legend-item[data-name="Section"]', "aria-checked")).toBe("false");
  });

  it("hiding the Goal label lowers the visible count by the number of goals, and showing it restores it", async () => {
    await openExplorer(page, memoryUrl);
    const before = await statusCounts(page);
    const goals = await legendCount(page, "Goal");
    await page.click('.legend-item[data-name="Goal"]');
    const after = await statusCounts(page);
    expect(after.shown).toBe(before.shown - goals);
    expect(after.edges).toBeLessThan(before.edges);
    expect(page.url()).toContain("labels=Region%2CIndustry%2CProject");
    await page.click('.legend-item[data-name="Goal"]');
    expect((await statusCounts(page)).shown).toBe(before.shown);
  });

  it("a minimum degree and hidden nodes shrink the view; Reset brings everything back", async () => {
    await openExplorer(page, memoryUrl);
    const before = await statusCounts(page);
    await page.fill("#min-degree", "2");
    await page.press("#min-degree", "Enter");
    const filtered = await statusCounts(page);
    expect(filtered.shown).toBeGreaterThan(0);
    expect(filtered.shown).toBeLessThan(before.shown / 2);
    await searchAndPick("河北", "河北");
    await page.click("#hide-node");
    expect((await statusCounts(page)).shown).toBe(filtered.shown - 1);
    expect(decodeURIComponent(page.url())).toContain("hide=region:河北");
    await page.click("#reset-view");
    await waitForLayout(page);
    expect(await statusCounts(page)).toEqual(before);
  });
});

describe("search, details and evidence", () => {
  it("typing 雄安 suggests 雄安新区; choosing it shows evidence sentences that contain 雄安", async () => {
    await openExplorer(page, memoryUrl);
    await page.fill("#search-input", "雄安");
    const first = page.locator("#search-suggestions li[role=option]").first();
    await first.waitFor();
    expect(await first.locator(".suggestion-name").textContent()).toBe("雄安新区");
    await first.click();
    await page.locator("#provenance .evidence").first().waitFor();
    expect(await page.textContent(".details-name")).toBe("雄安新区");
    const sentences = await page.locator("#provenance .evidence").allTextContents();
    expect(sentences.length).toBeGreaterThan(3);
    for (const s of sentences) expect(s).toContain("雄安");
    expect(decodeURIComponent(page.url())).toContain("node=region:雄安新区");
    await page.waitForTimeout(700);
    await screenshot(page, "xiongan-selected");
  });

  it("opening an evidence sentence shows the plan text with that sentence highlighted and in view", async () => {
    await openExplorer(page, memoryUrl);
    await searchAndPick("雄安", "雄安新区");
    const evidence = page.locator("#provenance .evidence").nth(2);
    const sentence = (await evidence.textContent()) ?? "";
    await evidence.click();
    const mark = page.locator("mark#highlight");
    await mark.waitFor();
    expect(await mark.textContent()).toBe(sentence);
    expect(await page.textContent("#plan-text h2")).toContain("河北");
    const markBox = await mark.boundingBox();
    const bodyBox = await page.locator("#plan-text .plan-body").boundingBox();
    expect(markBox && bodyBox).toBeTruthy();
    if (markBox && bodyBox) {
      expect(markBox.y).toBeGreaterThanOrEqual(bodyBox.y);
      expect(markBox.y + Math.min(markBox.height, 40)).toBeLessThanOrEqual(bodyBox.y + bodyBox.height);
    }
    const png = await screenshot(page, "plan-text-highlight", "#plan-text");
    expect((await colourCounts(browser, png, { highlight: "#ffe066" })).highlight).toBeGreaterThan(2_000);
  });

  it("a shared URL restores the selection and the filters", async () => {
    await openExplorer(
      page,
      `${memoryUrl}?labels=Region,Industry,Project&node=${encodeURIComponent("region:雄安新区")}`,
    );
    await page.locator(".details-name").waitFor();
    expect(await page.textContent(".details-name")).toBe("雄安新区");
    expect(await page.getAttribute('.legend-item[data-name="Goal"]', "aria-checked")).toBe("false");
    const { shown, loaded } = await statusCounts(page);
    expect(shown).toBe(loaded - (await legendCount(page, "Goal")));
  });

  it("Path to… shows the chain of relations between two places", async () => {
    await openExplorer(page, memoryUrl);
    await searchAndPick("雄安", "雄安新区");
    await page.click("#path-from");
    await searchAndPick("张家口", "张家口");
    const notice = page.locator("#notice", { hasText: "Path:" });
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/^Path: 雄安新区 → .*张家口/);
    expect(await page.textContent(".details-name")).toBe("张家口");
  });

  it("the Cypher console says to connect Neo4j when the explorer runs without it", async () => {
    await openExplorer(page, memoryUrl);
    await page.click("#console-toggle");
    const notice = page.locator("#console-unavailable");
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/Connect Neo4j.*NEO4J_URI/);
  });
});

describe("export", () => {
  it("Export → GraphML downloads a file that parses and holds exactly the visible nodes", async () => {
    await openExplorer(page, memoryUrl);
    await page.click('.legend-item[data-name="Goal"]');
    const { shown } = await statusCounts(page);
    await page.click("#export-button");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-format="graphml"]')]);
    expect(download.suggestedFilename()).toBe("plangraph-view.graphml");
    const xml = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => ["node", "edge", "data"].includes(name),
    }).parse(await readFile((await download.path()) as string, "utf8"));
    const nodes: { data: { "@_key": string; "#text": string }[] }[] = xml.graphml.graph.node;
    const labelOf = (n: (typeof nodes)[number]) => n.data.find((d) => d["@_key"] === "n.label")?.["#text"];
    expect(nodes).toHaveLength(shown);
    expect(nodes.some((n) => labelOf(n) === "Goal")).toBe(false);
    expect(nodes.some((n) => n.data.some((d) => d["#text"] === "雄安新区"))).toBe(true);
  });

  it("Export → PNG downloads a picture of the view", async () => {
    await openExplorer(page, memoryUrl);
    await page.click("#export-button");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-format="png"]')]);
    const png = await readFile((await download.path()) as string);
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    const pixels = await colourCounts(browser, png, { Region: LABEL_COLORS.Region, Project: LABEL_COLORS.Project });
    expect(pixels.Region).toBeGreaterThan(100);
    expect(pixels.Project).toBeGreaterThan(100);
  });
});

// The Compare view on the real 2021 work reports of Hebei and Guangdong, served from memory, as a person uses it in Chromium.
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ingestDocument } from "../../ingest/pipeline.ts";
import { combine } from "../../graph/model/index.ts";
import { createMemoryStore } from "../../graph/store/index.ts";
import { LABEL_COLORS, MEMBERSHIP_COLORS } from "../../web/app/graph/palette.ts";
import { APP_DIST_DIR, startServer, type RunningServer } from "../../web/server/index.ts";
import { collectErrors, colourCounts, launchChromium, openExplorer, screenshot, waitForLayout } from "./browser.ts";

const HEBEI = "reports-2021/省自治区/河北省";
const GUANGDONG = "reports-2021/省自治区/广东省";

let server: RunningServer;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  // The app is built by tests/setup/web.ts; this file serves its own two-plan graph next to the sample-plan servers.
  const report = (province: string) => {
    const file = `省自治区/${province}.txt`;
    const { graph } = ingestDocument(
      readFileSync(`data/corpus/reports-2021/${file}`),
      file,
      `reports-2021/${file}`.replace(/\.txt$/, ""),
    );
    if (!graph) throw new Error(`tests/web/compare: ${file} did not ingest`);
    return graph;
  };
  const graph = combine([report("河北省"), report("广东省")]);
  server = await startServer({ store: createMemoryStore(graph.export()), port: 0, appDir: APP_DIST_DIR });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
  errors = collectErrors(page);
});
afterEach(async () => {
  await page.close();
  expect(errors, "the page reported errors").toEqual([]);
});

/** The names listed in one column of a type's section, after showing them all. */
async function namesIn(type: string, split: "both" | "onlyA" | "onlyB"): Promise<string[]> {
  const column = page.locator(`#compare section[data-type="${type}"] [data-split="${split}"]`);
  const more = column.locator(".show-all");
  if ((await more.count()) > 0) await more.click();
  return column.locator(".node-link .name").allTextContents();
}

/** The number a column's heading gives for its list. */
async function countIn(type: string, split: "both" | "onlyA" | "onlyB"): Promise<number> {
  const text = await page.textContent(`#compare section[data-type="${type}"] [data-split="${split}"] .split-count`);
  return Number((text ?? "").replace(/,/g, ""));
}

/** Opens the Compare view and picks Hebei as A (typing in the filter, Enter) and Guangdong as B (from the menu). */
async function compareHebeiWithGuangdong(): Promise<void> {
  await openExplorer(page, server.url);
  await page.click("#compare-toggle");
  await page.fill("#compare-filter-a", "河北");
  await page.press("#compare-filter-a", "Enter");
  const guangdong = await page.locator("#compare-b option", { hasText: "广东" }).getAttribute("value");
  await page.selectOption("#compare-b", guangdong ?? "");
  await page.locator("#compare .compare-results").waitFor();
  await waitForLayout(page);
}

describe("the Compare view", () => {
  it("choosing 河北 vs 广东 shows what both push, what only one names, and the goals side by side", async () => {
    await compareHebeiWithGuangdong();
    expect(await page.textContent("#compare-title-a")).toContain("河北省人民政府工作报告");
    expect(await page.textContent("#compare-title-b")).toContain("广东省人民政府工作报告");

    const industriesInBoth = await namesIn("Industry", "both");
    expect(industriesInBoth).toEqual(expect.arrayContaining(["数字经济", "氢能"]));
    expect(industriesInBoth).toHaveLength(await countIn("Industry", "both"));
    const summary = await page.textContent('#compare-summary tr[data-type="Industry"] td');
    expect(Number(summary)).toBe(industriesInBoth.length);

    const onlyHebei = await namesIn("Region", "onlyA");
    const onlyGuangdong = await namesIn("Region", "onlyB");
    expect(onlyHebei).toContain("雄安新区");
    expect(onlyGuangdong).toContain("粤港澳大湾区");
    expect([...(await namesIn("Region", "both")), ...onlyGuangdong]).not.toContain("雄安新区");
    expect(onlyHebei).not.toContain("粤港澳大湾区");
    expect(onlyHebei).toHaveLength(await countIn("Region", "onlyA"));

    const investment = page.locator('#compare-goals tr[data-metric="固定资产投资增长率"]');
    await investment.scrollIntoViewIfNeeded();
    const [hebei, guangdong] = await investment.locator("td .goal-value").allTextContents();
    expect(hebei).toBe("6.5% · 2021");
    expect(guangdong).toBe("8% · 2021");
    expect(await investment.locator("td .node-link").allTextContents()).toEqual([
      expect.stringContaining("固定资产投资增长6.5%"),
      expect.stringContaining("固定资产投资增长8%"),
    ]);

    await screenshot(page, "compare-goals", "#compare-goals-section");

    const url = decodeURIComponent(page.url());
    expect(url).toContain(`compareA=${HEBEI}`);
    expect(url).toContain(`compareB=${GUANGDONG}`);
    await page.locator("#compare").evaluate((panel) => panel.scrollTo(0, 0));
    await screenshot(page, "compare-hebei-guangdong");
    const png = await screenshot(page, "compare-graph", "#sigma-container");
    const pixels = await colourCounts(browser, png, MEMBERSHIP_COLORS);
    for (const side of ["both", "a", "b"] as const) expect(pixels[side], `${side} pixels`).toBeGreaterThan(100);
    expect(await page.textContent("#legend-note")).toContain("coloured by plan");
  });

  it("clicking a name selects that node, and its details list the plans that mention it", async () => {
    await compareHebeiWithGuangdong();
    await page.click(
      '#compare section[data-type="Industry"] [data-split="both"] .node-link[data-key="industry:数字经济"]',
    );
    await page.locator("#mentions h3").waitFor();
    expect(await page.textContent(".details-name")).toBe("数字经济");
    expect(await page.textContent("#mentions h3")).toBe("Mentioned by 2 plans");
    const plans = await page.locator("#mentions li").allTextContents();
    expect(plans).toHaveLength(2);
    expect(plans.join("\n")).toMatch(/河北省人民政府工作报告.*河北 · province\d+ sentences/u);
    expect(plans.join("\n")).toMatch(/广东省人民政府工作报告.*广东 · province\d+ sentences/u);
    expect(decodeURIComponent(page.url())).toContain("node=industry:数字经济");
    await page.waitForTimeout(700);
    await screenshot(page, "compare-selected");

    await page.click(
      '#compare section[data-type="Region"] [data-split="onlyA"] .node-link[data-key="region:雄安新区"]',
    );
    await page.waitForFunction(() => document.querySelector("#mentions h3")?.textContent === "Mentioned by 1 plan");
    expect(await page.textContent(".details-name")).toBe("雄安新区");
    expect(await page.textContent("#mentions li")).toContain("河北省人民政府工作报告");
  });

  it("a filter naming several plans says so instead of picking one, as plangraph compare does", async () => {
    await openExplorer(page, server.url);
    await page.click("#compare-toggle");
    await page.fill("#compare-filter-a", "工作报告");
    await page.press("#compare-filter-a", "Enter");
    expect(await page.textContent("#compare-note-a")).toBe("“工作报告” matches 2 plans; choose one from the menu");
    expect(await page.inputValue("#compare-a")).toBe("");
    expect(await page.locator('#compare-a option:not([value=""])').count()).toBe(2);
    await page.fill("#compare-filter-a", "广东");
    expect(await page.textContent("#compare-note-a")).toBe("");
    await page.press("#compare-filter-a", "Enter");
    await page.waitForFunction(
      (id) => document.querySelector<HTMLSelectElement>("#compare-a")?.value === id,
      GUANGDONG,
    );
    expect(await page.textContent("#compare-note-a")).toBe("");
  });

  it("a shared URL reopens the comparison; Swap exchanges the plans and closing restores the label colours", async () => {
    await openExplorer(
      page,
      `${server.url}?compareA=${encodeURIComponent(HEBEI)}&compareB=${encodeURIComponent(GUANGDONG)}`,
    );
    await page.locator("#compare .compare-results").waitFor();
    expect(await page.textContent("#compare-title-a")).toContain("河北");
    expect(await page.inputValue("#compare-a")).toBe(HEBEI);

    await page.click("#compare-swap");
    await page.waitForFunction(() => document.querySelector("#compare-title-a")?.textContent?.includes("广东"));
    await waitForLayout(page);
    expect(await namesIn("Region", "onlyA")).toContain("粤港澳大湾区");
    expect(decodeURIComponent(page.url())).toContain(`compareA=${GUANGDONG}`);

    await page.click("#compare button.close");
    await waitForLayout(page);
    expect(await page.isHidden("#compare")).toBe(true);
    expect(page.url()).not.toContain("compareA");
    expect(await page.locator("#legend-note").count()).toBe(0);
    const png = await screenshot(page, "compare-closed", "#sigma-container");
    const pixels = await colourCounts(browser, png, { Region: LABEL_COLORS.Region, a: MEMBERSHIP_COLORS.a });
    expect(pixels.Region).toBeGreaterThan(100);
    expect(pixels.a).toBeLessThan((pixels.Region ?? 0) / 10);
  });
});

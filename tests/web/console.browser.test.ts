// The Cypher console against a real Neo4j holding the sample plan: results as graph and table, writes and file reads refused, timeouts.
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { createDriver } from "../../graph/neo4j/index.ts";
import { LABEL_COLORS } from "../../web/app/graph/palette.ts";
import {
  collectErrors,
  colourCounts,
  launchChromium,
  openExplorer,
  screenshot,
  statusCounts,
  waitForLayout,
} from "./browser.ts";

const { neo4jUrl, neo4j } = inject("web");
const connection = createDriver(neo4j);
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await connection.driver.close();
});
beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  errors = collectErrors(page);
  await openExplorer(page, neo4jUrl);
  await page.click("#console-toggle");
  await page.locator("#cypher-editor .cm-content").waitFor();
});
afterEach(async () => {
  await page.close();
  // A refused query answers 403 or 504, which Chromium logs as a failed resource; anything else is a fault.
  expect(
    errors.filter((e) => !/Failed to load resource: the server responded with a status of (403|504)/.test(e)),
  ).toEqual([]);
});

/** Replaces the editor's text with a query and runs it with the Run button. */
async function run(query: string): Promise<void> {
  await page.click("#cypher-editor .cm-content");
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(query);
  await page.click("#run-query");
  await page.locator("#console-output .result-summary, #console-output .error").first().waitFor({ timeout: 30_000 });
}

/** Node and relationship counts of the whole database, to show a refused query changed nothing. */
async function databaseCounts(): Promise<{ nodes: number; relationships: number }> {
  const { records } = await connection.driver.executeQuery(
    "CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships",
    {},
    { database: neo4j.database },
  );
  return { nodes: Number(records[0]?.get("nodes")), relationships: Number(records[0]?.get("relationships")) };
}

describe("the Cypher console", () => {
  it("shows the result of a read query as a graph and as a table", async () => {
    await run("MATCH (p:Project)-[:LOCATED_IN]->(r:Region) RETURN p, r LIMIT 25");
    const summary = (await page.textContent("#console-output .result-summary")) ?? "";
    const rows = Number(/^(\d+) row/.exec(summary)?.[1]);
    expect(rows).toBeGreaterThan(5);
    expect(rows).toBeLessThanOrEqual(25);
    expect(await page.locator(".result-table thead th").allTextContents()).toEqual(["p", "r"]);
    const cells = await page.locator(".result-table tbody tr").first().locator("td").allTextContents();
    expect(cells[0]).toMatch(/^\(Project /);
    expect(cells[1]).toMatch(/^\(Region /);
    await waitForLayout(page);
    const status = await statusCounts(page);
    expect(await page.textContent("#status")).toMatch(/^Cypher result/);
    expect(status.shown).toBeGreaterThan(5);
    // The graph also shows the relationships among returned nodes, as Neo4j Browser does: at least one per row.
    expect(status.edges).toBeGreaterThanOrEqual(rows);
    const png = await screenshot(page, "cypher-result", "#sigma-container");
    const pixels = await colourCounts(browser, png, { Project: LABEL_COLORS.Project, Region: LABEL_COLORS.Region });
    expect(pixels.Project).toBeGreaterThan(100);
    expect(pixels.Region).toBeGreaterThan(100);
  });

  it("refuses writes with a readable message and leaves the database unchanged", async () => {
    const before = await databaseCounts();
    for (const query of ["CREATE (n:Hack) RETURN n", "MATCH (n) DETACH DELETE n"]) {
      await run(query);
      const message = (await page.textContent("#console-output .error")) ?? "";
      expect(message).toMatch(/would change the database.*read-only/);
      expect(message).not.toMatch(/^graph\//);
    }
    expect(await databaseCounts()).toEqual(before);
    const hack = await connection.driver.executeQuery(
      "MATCH (n:Hack) RETURN count(n) AS n",
      {},
      { database: neo4j.database },
    );
    expect(Number(hack.records[0]?.get("n"))).toBe(0);
  });

  it("returns no file content for LOAD CSV of a local file", async () => {
    await run("LOAD CSV FROM 'file:///etc/passwd' AS r RETURN r");
    const output = (await page.textContent("#console-output")) ?? "";
    expect(output).not.toContain("root:");
    expect(await page.locator(".result-table tbody tr").count()).toBe(0);
    expect(output).toMatch(/LOAD CSV is not allowed/);
  });

  it("cuts off a query that runs past the timeout and says so", async () => {
    const started = Date.now();
    await run("UNWIND range(1, 2000000000) AS x RETURN sum(x) AS total");
    expect(await page.textContent("#console-output .error")).toMatch(/stopped by the transaction timeout of 3 s/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it("expands a node of a query result with its neighbours from the database", async () => {
    await run("MATCH (r:Region {name: '雄安新区'}) RETURN r");
    expect((await statusCounts(page)).shown).toBe(1);
    await page.fill("#search-input", "雄安新区");
    const option = page.locator("#search-suggestions li[role=option]").first();
    await option.waitFor();
    await option.click();
    await page.click("#expand-1");
    const notice = page.locator("#notice", { hasText: "Expanded 雄安新区" });
    await notice.waitFor();
    const added = Number(/: (\d+) node/.exec((await notice.textContent()) ?? "")?.[1]);
    expect(added).toBeGreaterThan(3);
    expect((await statusCounts(page)).shown).toBe(1 + added);
  });
});

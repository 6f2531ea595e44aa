// The explorer's HTTP API over the memory store: answers, validation, JSON errors with codes, guards, exports.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { XMLParser } from "fast-xml-parser";
import type { FastifyInstance } from "fastify";
import { createMemoryStore, type GraphStore } from "../../graph/store/index.ts";
import { buildServer } from "../../web/server/index.ts";
import { contractGraph, PROPOSAL, REPORT } from "../graph/store/fixture.ts";

let app: FastifyInstance;
let appDir: string;

beforeAll(async () => {
  appDir = await mkdtemp(join(tmpdir(), "plangraph-app-"));
  await writeFile(join(appDir, "index.html"), "<!doctype html><title>plangraph explorer</title>");
  app = buildServer({ store: createMemoryStore(contractGraph()), appDir });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await rm(appDir, { recursive: true, force: true });
});

const get = (url: string) => app.inject({ method: "GET", url });
const q = (value: string) => encodeURIComponent(value);

describe("reading the graph", () => {
  it("says which store it serves and that the Cypher console needs Neo4j", async () => {
    const res = await get("/api/health");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ store: "memory", cypher: false });
    expect(body.cypherHelp).toContain("NEO4J_URI");
    expect(body.exportFormats.map((f: { format: string }) => f.format)).toContain("graphml");
  });

  it("lists plans and returns graph slices filtered by repeated query parameters", async () => {
    expect((await get("/api/plans")).json().plans.map((p: { id: string }) => p.id)).toEqual([PROPOSAL, REPORT]);
    const slice = (await get(`/api/graph?plan=${q(REPORT)}&labels=Region&labels=Project&limit=3`)).json();
    // In the report 河北 and 雄安新区 have three relations each; of the one-relation nodes the lowest id comes first.
    expect(slice.nodes.map((n: { key: string }) => n.key)).toEqual([
      "region:河北",
      "region:雄安新区",
      "project:京雄城际铁路",
    ]);
    expect(slice.omitted.nodes).toBe(slice.total.nodes - 3);
    expect(slice.edges.every((e: { plan: string }) => e.plan === REPORT)).toBe(true);
  });

  it("takes a plan level for every plan of that level, and says when no plan has it", async () => {
    const province = (await get("/api/graph?level=province")).json();
    const both = (await get(`/api/graph?plan=${q(PROPOSAL)}&plan=${q(REPORT)}`)).json();
    expect(province).toEqual(both);
    const county = await get("/api/graph?level=county");
    expect(county.statusCode).toBe(404);
    expect(county.json().error.message).toContain("county");
  });

  it("searches Chinese names, returns details, neighbourhoods, paths and plan text", async () => {
    const hits = (await get(`/api/search?q=${q("雄安")}&limit=2`)).json().hits;
    expect(hits.map((h: { name: string }) => h.name)).toEqual(["雄安新区", "雄安高铁站"]);
    const details = (await get(`/api/node?id=${q("region:雄安新区")}`)).json();
    expect(details.relations.LOCATED_IN.total).toBe(6);
    const around = (await get(`/api/neighbours?id=${q("region:雄安新区")}&depth=2&limit=2`)).json();
    expect(around.nodes).toHaveLength(3);
    expect(around.omitted.nodes).toBeGreaterThan(0);
    const path = (await get(`/api/path?from=${q("project:雄安商务服务中心")}&to=${q("industry:氢能")}`)).json().path;
    expect(path.nodes.map((n: { name: string }) => n.name)).toEqual([
      "雄安商务服务中心",
      "雄安新区",
      "河北",
      "张家口",
      "氢能",
    ]);
    const text = (await get(`/api/plan-text?plan=${q(REPORT)}`)).json();
    const ev = details.provenance.items.find((e: { plan: string }) => e.plan === REPORT);
    expect(text.text.slice(ev.start, ev.end)).toBe(ev.sentence);
  });
});

describe("comparing plans and finding who mentions what", () => {
  it("compares two plans named by id or title words, entities and relations split by type", async () => {
    const res = await get(`/api/compare?a=${q(PROPOSAL)}&b=${q(REPORT)}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.b).toEqual({ id: REPORT, title: "2021年河北省政府工作报告" });
    expect(body.entities.Region.both.map((e: { name: string }) => e.name)).toEqual([
      "河北",
      "雄安新区",
      "唐山",
      "张家口",
    ]);
    expect(body.entities.Industry.onlyB.map((e: { name: string }) => e.name)).toEqual(["冰雪装备"]);
    expect(body.relations.LOCATED_IN.both).toHaveLength(4);
    const byWords = (await get(`/api/compare?a=${q("建议")}&b=${q("2021年")}`)).json();
    expect([byWords.a.id, byWords.b.id]).toEqual([PROPOSAL, REPORT]);
  });

  it("refuses an ambiguous plan with 400 and an unknown one with 404, listing candidates", async () => {
    const ambiguous = await get(`/api/compare?a=${q("河北")}&b=${q(REPORT)}`);
    expect(ambiguous.statusCode).toBe(400);
    expect(ambiguous.json().error).toMatchObject({
      code: "plan/ambiguous",
      message: expect.stringMatching(/^"河北" matches 2 plans/),
      candidates: [{ id: PROPOSAL }, { id: REPORT, title: "2021年河北省政府工作报告" }],
    });
    const unknown = await get(`/api/compare?a=${q(PROPOSAL)}&b=${q("上海")}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe("plan/not-found");
    expect(unknown.json().error.message).toMatch(/^no plan matches "上海"; plans in this graph include/);
    expect(unknown.json().error.candidates.map((c: { id: string }) => c.id)).toEqual([PROPOSAL, REPORT]);
  });

  it("lists the plans mentioning an entity with sentence counts", async () => {
    const res = await get(`/api/mentions?id=${q("region:雄安新区")}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: "region:雄安新区",
      plans: [
        expect.objectContaining({ plan: PROPOSAL, region: "河北", level: "province", sentences: 2 }),
        { plan: REPORT, title: "2021年河北省政府工作报告", region: "河北", level: "province", sentences: 1 },
      ],
    });
    const unknown = await get(`/api/mentions?id=${q("region:上海")}`);
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, "store/not-found"]);
    const plan = await get(`/api/mentions?id=${q(`plan:${REPORT}`)}`);
    expect([plan.statusCode, plan.json().error.code]).toEqual([400, "store/bad-request"]);
  });
});

describe("errors", () => {
  it("refuses bad input with 400, a code and a message naming the field", async () => {
    for (const url of [
      "/api/graph?labels=City",
      "/api/graph?limit=0",
      `/api/neighbours?id=${q("region:河北")}&depth=3`,
      "/api/search",
      "/api/node",
      `/api/compare?a=${q(PROPOSAL)}`,
      `/api/compare?a=&b=${q(REPORT)}`,
      "/api/mentions",
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code, url).toBe("api/bad-request");
      expect(res.json().error.message, url).toMatch(/querystring/);
    }
  });

  it("answers unknown nodes, plans and routes with 404 and a code", async () => {
    const node = await get(`/api/node?id=${q("region:上海")}`);
    expect(node.statusCode).toBe(404);
    expect(node.json().error).toEqual({ code: "store/not-found", message: "no node 'region:上海' in the graph" });
    expect((await get("/api/plan-text?plan=nope")).json().error.code).toBe("store/not-found");
    const route = await get("/api/nothing");
    expect(route.statusCode).toBe(404);
    expect(route.json().error.code).toBe("api/not-found");
  });

  it("tells the console to connect Neo4j when the store has no Cypher", async () => {
    const res = await app.inject({ method: "POST", url: "/api/cypher", payload: { query: "MATCH (n) RETURN n" } });
    expect(res.statusCode).toBe(501);
    expect(res.json().error.code).toBe("cypher/not-configured");
    expect(res.json().error.message).toMatch(/needs Neo4j.*NEO4J_URI/);
  });

  it("hides the details of unexpected failures from the browser", async () => {
    const broken = new Proxy(createMemoryStore(contractGraph()), {
      get(target, name) {
        if (name === "plans")
          return async () => {
            throw new Error("secret path /home/me/.neo4j/password");
          };
        const value = Reflect.get(target, name, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    }) as GraphStore;
    const server = buildServer({ store: broken });
    const original = console.error;
    console.error = () => undefined;
    try {
      const res = await server.inject({ method: "GET", url: "/api/plans" });
      expect(res.statusCode).toBe(500);
      expect(res.json().error.code).toBe("api/internal");
      expect(res.body).not.toContain("secret");
    } finally {
      console.error = original;
      await server.close();
    }
  });
});

describe("guards and static files", () => {
  it("refuses requests addressed to another host name (DNS rebinding) and sets a content security policy", async () => {
    const res = await app.inject({ method: "GET", url: "/api/health", headers: { host: "attacker.example:5180" } });
    expect(res.statusCode).toBe(421);
    expect(res.json().error.code).toBe("api/wrong-host");
    const ok = await app.inject({ method: "GET", url: "/api/health", headers: { host: "localhost:5180" } });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers["content-security-policy"]).toContain("default-src 'self'");
  });

  it("serves the built front end at /", async () => {
    const res = await get("/");
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("plangraph explorer");
  });
});

describe("export", () => {
  it("streams the current view as GraphML holding exactly the listed nodes and edges", async () => {
    const edge = `LOCATED_IN:region:雄安新区->region:河北@${PROPOSAL}`;
    const res = await app.inject({
      method: "POST",
      url: "/api/export",
      payload: { format: "graphml", nodes: ["region:雄安新区", "region:河北", "region:唐山"], edges: [edge] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toContain('filename="plangraph-view.graphml"');
    const xml = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => ["node", "edge", "data"].includes(name),
    }).parse(res.body);
    // GraphML ids are n0, n1…; the plangraph id travels in the node's `n.id` data.
    const idOf = (n: { data: { "@_key": string; "#text": string }[] }) =>
      n.data.find((d) => d["@_key"] === "n.id")?.["#text"];
    const nodes = xml.graphml.graph.node.map(idOf).sort();
    expect(nodes).toEqual(["region:唐山", "region:河北", "region:雄安新区"]);
    expect(xml.graphml.graph.edge).toHaveLength(1);
    expect(res.body).toContain("雄安新区规划体系");
  });

  it("exports one plan as graph JSON by GET, with its statements only", async () => {
    const res = await get(`/api/export?format=json&plan=${q(REPORT)}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("application/json");
    const graph = res.json();
    expect(graph.nodes.some((n: { key: string }) => n.key === `plan:${REPORT}`)).toBe(true);
    expect(graph.edges.every((e: { attributes: { plan: string } }) => e.attributes.plan === REPORT)).toBe(true);
  });

  it("refuses unknown formats and unknown nodes", async () => {
    const format = await app.inject({ method: "POST", url: "/api/export", payload: { format: "pdf" } });
    expect(format.statusCode).toBe(400);
    const node = await app.inject({
      method: "POST",
      url: "/api/export",
      payload: { format: "json", nodes: ["region:上海"] },
    });
    expect(node.statusCode).toBe(404);
    expect(node.json().error.code).toBe("store/not-found");
  });
});

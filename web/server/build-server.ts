// The explorer's HTTP server: the JSON API, the built front end, JSON errors, and guards for a server on localhost.
import { existsSync } from "node:fs";
import { isIP } from "node:net";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance } from "fastify";
import type { GraphStore } from "../../graph/store/index.ts";
import { registerApiRoutes } from "./api-routes.ts";
import { errorReply } from "./errors.ts";
import { registerExportRoute } from "./export-route.ts";

/** What the server needs: a store, and optionally the built front end and the host it is bound to. */
export interface ServerOptions {
  store: GraphStore;
  /** Folder of the built front end (web/dist); without it only the API is served. */
  appDir?: string;
  /** The host the server will listen on; on a loopback address, requests naming any other host are refused. */
  host?: string;
  /** Log each request (fastify's logger). */
  logger?: boolean;
}

/** Content-Security-Policy of the explorer: its own scripts, the layout worker from a blob, inline styles of the editor. */
const CSP =
  "default-src 'self'; script-src 'self'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

/** The host part of a Host header, without port or IPv6 brackets. */
function hostName(header: string | undefined): string {
  const value = (header ?? "").toLowerCase();
  if (value.startsWith("[")) return value.slice(1, value.indexOf("]"));
  return value.replace(/:\d+$/, "");
}

/** Builds the server (not yet listening); `app.inject` drives it in tests. */
export function buildServer(options: ServerOptions): FastifyInstance {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 16 * 1024 * 1024 });
  const loopbackOnly = LOOPBACK.has(options.host ?? "127.0.0.1");

  app.addHook("onRequest", async (request, reply) => {
    reply.header("Content-Security-Policy", CSP);
    reply.header("X-Content-Type-Options", "nosniff");
    reply.header("Referrer-Policy", "no-referrer");
    // A page on another site can point a name at 127.0.0.1 (DNS rebinding); such requests carry that name.
    const host = hostName(request.headers.host);
    if (loopbackOnly && host !== "" && !LOOPBACK.has(host) && isIP(host) === 0)
      return reply
        .code(421)
        .send({ error: { code: "api/wrong-host", message: `this server answers to localhost only, not '${host}'` } });
    return undefined;
  });

  app.setErrorHandler(async (err, request, reply) => {
    const { status, body } = errorReply(err);
    if (status >= 500) request.log.error(err);
    if (status === 500) console.error(`web/server: ${request.method} ${request.url} failed:`, err);
    return reply.code(status).send(body);
  });
  app.setNotFoundHandler(async (request, reply) =>
    reply.code(404).send({ error: { code: "api/not-found", message: `no route ${request.method} ${request.url}` } }),
  );

  registerApiRoutes(app, options.store);
  registerExportRoute(app, options.store);
  if (options.appDir && existsSync(options.appDir))
    app.register(fastifyStatic, { root: options.appDir, index: ["index.html"], wildcard: true });
  app.addHook("onClose", async () => options.store.close());
  return app;
}

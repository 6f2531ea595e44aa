// The explorer's HTTP server: the JSON API, the built front end, JSON errors, and guards for a server on localhost.
import { existsSync } from "node:fs";
import { isIP } from "node:net";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance, type FastifyReply } from "fastify";
import type { GraphStore } from "../../graph/store/index.ts";
import { registerApiRoutes } from "./api-routes.ts";
import { ApiError, errorReply } from "./errors.ts";
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

/** The project's error body as raw HTTP, for errors met before a request reaches Fastify's handlers. */
function rawError(status: number, reason: string, code: string, message: string): string {
  const body = JSON.stringify({ error: { code, message } });
  return (
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
  );
}

/** Whether a parsed JSON value has a key named __proto__ at any depth (checked without recursion). */
function hasProtoKey(value: unknown): boolean {
  const stack = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === null || typeof item !== "object") continue;
    if (!Array.isArray(item) && Object.hasOwn(item, "__proto__")) return true;
    for (const child of Object.values(item)) stack.push(child);
  }
  return false;
}

/** Parses a JSON body, telling a syntax error apart from a key the server refuses (__proto__). */
function parseJsonBody(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new ApiError("api/bad-json", 400, `the request body is not valid JSON: ${(err as Error).message}`);
  }
  if (hasProtoKey(value))
    throw new ApiError(
      "api/bad-json",
      400,
      "the request body has a key named __proto__, which the server refuses (it could change how objects behave); rename it",
    );
  return value;
}

/** Builds the server (not yet listening); `app.inject` drives it in tests. */
export function buildServer(options: ServerOptions): FastifyInstance {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 16 * 1024 * 1024,
    // A malformed URL (bad percent-encoding) reaches this before any route.
    frameworkErrors: (error, _request, reply) => {
      void (reply as unknown as FastifyReply)
        .code(400)
        .send({ error: { code: "api/bad-url", message: `the URL cannot be read: ${error.message}` } });
    },
    // Errors of the HTTP parser itself: raw non-ASCII bytes in the URL, headers or URL over 16 KB.
    clientErrorHandler: (err, socket) => {
      if (!socket.writable) return;
      const code = (err as { code?: string }).code;
      socket.end(
        code === "HPE_HEADER_OVERFLOW"
          ? rawError(
              431,
              "Request Header Fields Too Large",
              "api/too-long",
              "the URL and headers exceed 16 KB; shorten the URL (POST /api/export takes long lists)",
            )
          : rawError(
              400,
              "Bad Request",
              "api/bad-request",
              "the request cannot be read (non-ASCII bytes in the URL must be percent-encoded)",
            ),
      );
    },
  });
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
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

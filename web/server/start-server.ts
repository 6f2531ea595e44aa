// Starts the explorer's server on a host and port and stops it cleanly (store closed, port freed).
import type { FastifyInstance } from "fastify";
import type { GraphStore } from "../../graph/store/index.ts";
import { buildServer } from "./build-server.ts";

/** The port the explorer listens on unless told otherwise. */
export const DEFAULT_PORT = 5180;
/** The host the explorer binds unless told otherwise: this machine only. */
export const DEFAULT_HOST = "127.0.0.1";

/** Where and what to serve. */
export interface StartOptions {
  store: GraphStore;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  appDir?: string;
  logger?: boolean;
}

/** A listening explorer. */
export interface RunningServer {
  url: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** Builds the server and starts listening; resolves with the URL to open. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const host = options.host ?? DEFAULT_HOST;
  const app = buildServer({ ...options, host });
  await app.listen({ host, port: options.port ?? DEFAULT_PORT });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  const shown = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  return { url: `http://${shown}:${port}/`, app, close: () => app.close() };
}

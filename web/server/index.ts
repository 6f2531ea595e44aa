// Public names of the explorer's server: building and starting it, building the front end, its errors.
export { buildServer } from "./build-server.ts";
export type { ServerOptions } from "./build-server.ts";
export { startServer, DEFAULT_PORT, DEFAULT_HOST } from "./start-server.ts";
export type { StartOptions, RunningServer } from "./start-server.ts";
export { ensureAppBuilt, buildApp, appIsStale, APP_DIST_DIR } from "./build-app.ts";
export { ApiError, errorReply } from "./errors.ts";
export { CYPHER_NOT_CONFIGURED } from "./api-routes.ts";

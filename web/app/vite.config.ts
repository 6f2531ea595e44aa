// Vite build of the explorer: web/app in, web/dist out, served by web/server next to the API.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

/** Where the built explorer goes; web/server serves it and `plangraph start` builds it when missing or stale. */
export const APP_OUT_DIR = fileURLToPath(new URL("../dist", import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/",
  logLevel: "warn",
  build: {
    outDir: APP_OUT_DIR,
    emptyOutDir: true,
    chunkSizeWarningLimit: 2_000,
    target: "es2022",
    // Rolldown's note on slow plugin callbacks is noise for a build that takes seconds.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
});

// Test projects: fast unit tests, integration tests against a real Neo4j, and browser tests in Debian's Chromium.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/**/*.neo4j.test.ts", "tests/**/*.browser.test.ts", "node_modules/**"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "neo4j",
          include: ["tests/**/*.neo4j.test.ts"],
          globalSetup: ["tests/setup/neo4j.ts"],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 600_000,
        },
      },
      {
        test: {
          name: "browser",
          include: ["tests/**/*.browser.test.ts"],
          globalSetup: ["tests/setup/neo4j.ts", "tests/setup/web.ts"],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});

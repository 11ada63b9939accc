import { defineConfig } from "vitest/config";

/**
 * Two tiers: `unit` (schemas, lib, plugins; no build needed) and `site`
 * (the built dist/: validators, links, determinism, Chromium).
 */
export default defineConfig({
  test: {
    projects: [
      {
        extends: false,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          // Unit tests share no mutable module state, so a worker reuses its modules across files.
          isolate: false,
        },
      },
      {
        test: {
          name: "site",
          include: ["tests/site/**/*.test.ts"],
          environment: "node",
          // Builds dist/ when it is missing or older than src/ and content/, once per run.
          globalSetup: ["tests/support/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

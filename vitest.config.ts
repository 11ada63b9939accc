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
        },
      },
      {
        test: {
          name: "site",
          include: ["tests/site/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

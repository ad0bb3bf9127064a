import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Builds dist/ when src/ is newer, for the tests that run bin/policytrace.js as a process.
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 30_000,
  },
});

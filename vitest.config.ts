import path from "node:path";
import { configDefaults, defineConfig } from "vitest/config";

// Timing ground-truth tests (*.timing.test.ts) compare recorded latency with an
// upstream's own clock to the millisecond, so they run apart, one file at a
// time, with nothing else competing for the two cores (`npm run test:timing`).
const timing = process.env.VITEST_TIMING === "1";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: timing ? ["{lib,test}/**/*.timing.test.ts"] : ["{lib,db,components,bench,test}/**/*.test.ts"],
    exclude: timing ? configDefaults.exclude : [...configDefaults.exclude, "**/*.timing.test.ts"],
    fileParallelism: !timing,
    testTimeout: 15_000,
    environment: "node",
    server: { deps: { inline: ["server-only"] } },
    alias: { "server-only": path.resolve(import.meta.dirname, "test/support/server-only-noop.ts") },
  },
});

// Vitest configuration: unit, fixture and CLI tests under test/.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/setup/no-network.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

#!/usr/bin/env node
// oqs-check command: runs the CLI and sets the exit code; a crash prints one line, never a stack trace.
import v8 from "node:v8";

// A smaller young generation keeps the main thread's peak memory down on national-size files (measured in
// docs/performance.md); it must be set before the CLI's modules are loaded.
v8.setFlagsFromString("--max-semi-space-size=4");

try {
  const { run } = await import("../dist/cli.js");
  process.exitCode = await run(process.argv);
} catch (e) {
  process.stderr.write(`oqs-check: ${e && e.message ? e.message : String(e)}\n`);
  process.exitCode = 2;
}

#!/usr/bin/env node
// oqs-check command: runs the CLI and sets the exit code; a crash prints one line, never a stack trace.
import v8 from "node:v8";

// A smaller young generation keeps the main thread's peak memory down on national-size files (measured in
// docs/performance.md); it must be set before the CLI's modules are loaded.
v8.setFlagsFromString("--max-semi-space-size=4");

try {
  const { run, langOf } = await import("../dist/cli.js");
  const { guardStandardStreams } = await import("../dist/cli/io.js");
  // A closed pipe (`| head -1`) is not a crash: the command ends quietly with the exit code it computed.
  const streams = guardStandardStreams(langOf(process.argv.slice(2), process.env));
  process.on("exit", () => {
    if (streams.failed) process.exitCode = 2;
  });
  process.exitCode = await run(process.argv);
} catch (e) {
  process.stderr.write(`oqs-check: ${e && e.message ? e.message : String(e)}\n`);
  process.exitCode = 2;
}

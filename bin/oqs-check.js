#!/usr/bin/env node
// oqs-check command: runs the CLI and sets the exit code; a crash prints one line, never a stack trace.
import { run } from "../dist/cli.js";

try {
  process.exitCode = await run(process.argv);
} catch (e) {
  process.stderr.write(`oqs-check: ${e && e.message ? e.message : String(e)}\n`);
  process.exitCode = 2;
}

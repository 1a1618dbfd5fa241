// Vitest setup: every test runs with the network stubbed to throw (net, dns, http, https, fetch), so any attempt fails loudly.
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import { syncBuiltinESMExports } from "node:module";
import net from "node:net";

/** Thrown by every stubbed network entry point; tests can recognise it. */
export class NetworkBlocked extends Error {
  constructor(what: string) {
    super(`network access attempted in a test: ${what} (oqs-check has no network code)`);
    this.name = "NetworkBlocked";
  }
}

function blocked(what: string): (...args: unknown[]) => never {
  return () => {
    throw new NetworkBlocked(what);
  };
}

const targets: [Record<string, unknown>, string, string[]][] = [
  [net as unknown as Record<string, unknown>, "net", ["connect", "createConnection"]],
  [dns as unknown as Record<string, unknown>, "dns", ["lookup", "resolve", "resolve4", "resolve6"]],
  [dns.promises as unknown as Record<string, unknown>, "dns.promises", ["lookup", "resolve"]],
  [http as unknown as Record<string, unknown>, "http", ["request", "get"]],
  [https as unknown as Record<string, unknown>, "https", ["request", "get"]],
];
for (const [mod, name, keys] of targets) for (const k of keys) mod[k] = blocked(`${name}.${k}`);
// Named ESM imports (import { connect } from "node:net") see the stubs too.
syncBuiltinESMExports();
globalThis.fetch = blocked("fetch") as typeof fetch;

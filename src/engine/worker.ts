// A worker thread: checks the byte ranges the main thread sends it and returns the findings.
import { parentPort, workerData } from "node:worker_threads";
import { rangeChecker } from "./range-checker.js";
import type { RangeUnit, WorkerInit } from "./units.js";

const checkRange = rangeChecker(workerData as WorkerInit);

/** Units arrive ahead of time (the pool keeps two here): they are checked one after the other, in order. */
let previous: Promise<void> = Promise.resolve();

parentPort!.on("message", (u: RangeUnit) => {
  previous = previous.then(() => checkRange(u)).then(
    (r) => parentPort!.postMessage(r),
    (e: unknown) => parentPort!.postMessage({ id: u.id, error: (e as Error)?.message ?? String(e) }),
  );
});

#!/usr/bin/env node
// Start-up timing: runs each command on samples/defects.csv in alternation, prints median wall times and the ratio to the first.
//
//   node scripts/startup.mjs [--runs 10] [--file samples/defects.csv] "node bin/oqs-check.js" "/tmp/prefix/bin/oqs-check"
//
// Each command is split on spaces (no shell) and the file appended. CI is removed from the children's environment,
// so they run as on an office PC. Wall time is taken around the child process: Node's own start-up included.
import { spawnSync } from "node:child_process";

const args = process.argv.slice(2);
let runs = 10;
let file = "samples/defects.csv";
const commands = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--runs") runs = Number(args[++i]);
  else if (args[i] === "--file") file = args[++i];
  else commands.push(args[i].split(" "));
}
if (commands.length === 0 || !(runs > 0)) {
  process.stderr.write("使い方 / usage: node scripts/startup.mjs [--runs N] [--file F] \"基準のコマンド / baseline\" \"比べるコマンド / other\" …\n");
  process.exit(2);
}

const env = { ...process.env };
delete env.CI;
const times = commands.map(() => []);
for (let r = 0; r < runs; r++) {
  commands.forEach(([cmd, ...rest], i) => {
    const t0 = process.hrtime.bigint();
    const p = spawnSync(cmd, [...rest, file], { env, stdio: "ignore" });
    times[i].push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (p.status !== 0 && p.status !== 1) throw new Error(`${cmd}: 終了コード / exit ${p.status}`);
  });
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const base = median(times[0]);
commands.forEach((c, i) => {
  const m = median(times[i]);
  process.stdout.write(`${c.join(" ")} ${file}: 中央値 / median ${m.toFixed(0)} ms (${Math.min(...times[i]).toFixed(0)}–${Math.max(...times[i]).toFixed(0)}, ${runs} runs), ratio ${(m / base).toFixed(2)}\n`);
});

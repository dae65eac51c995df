// npm run bench [-- --files N --runs R]
// Times the codemod (a dry run over the whole corpus, in a child process) next to `tsc --noEmit`
// on the same generated corpus, alternating the two so that machine noise hits both alike, and
// reports medians and their ratio. Run after `npm run build` (the npm script does both).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { writeCorpus } from "./corpus.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({
  options: { files: { type: "string", default: "3000" }, runs: { type: "string", default: "3" } },
});
const fileCount = Number(values.files);
const runs = Number(values.runs);

function time(command, args, cwd) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd, encoding: "utf8", maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { seconds, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const directory = mkdtempSync(join(tmpdir(), "flush-bench-"));
try {
  writeCorpus(directory, fileCount, join(root, "node_modules"));
  const tsc = [join(root, "node_modules/typescript/bin/tsc"), "--noEmit", "-p", "tsconfig.json"];
  const codemod = [join(root, "dist/src/cli/flush-codemod.js"), "--dry", "--json", "src"];
  const timings = { tsc: [], codemod: [] };
  let summary;
  for (let run = 0; run < runs; run++) {
    const typeCheck = time(process.execPath, tsc, directory);
    timings.tsc.push(typeCheck.seconds);
    const rewrite = time(process.execPath, codemod, directory);
    if (rewrite.status !== 0) throw new Error(`the codemod failed (exit ${rewrite.status}): ${rewrite.stderr}`);
    timings.codemod.push(rewrite.seconds);
    summary = JSON.parse(rewrite.stdout).summary;
  }
  const tscMedian = median(timings.tsc);
  const codemodMedian = median(timings.codemod);
  console.log(`corpus: ${fileCount} files, ${runs} alternating runs each (Node ${process.version})`);
  console.log(`codemod summary: ${JSON.stringify(summary)}`);
  console.log(`tsc --noEmit      median ${tscMedian.toFixed(2)} s  (${timings.tsc.map((s) => s.toFixed(2)).join(", ")})`);
  console.log(`flush-codemod --dry median ${codemodMedian.toFixed(2)} s  (${timings.codemod.map((s) => s.toFixed(2)).join(", ")})`);
  console.log(`ratio codemod / tsc: ${(codemodMedian / tscMedian).toFixed(2)} (target: at most 1.50)`);
} finally {
  rmSync(directory, { recursive: true, force: true });
}

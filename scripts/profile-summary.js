// node scripts/profile-summary.js <file.cpuprofile> [--match dist/src/] [--top 25]
// Summarises a V8 CPU profile (from `node --cpu-prof`) for the code whose URL contains --match
// (default: this plugin's build, dist/src/): the share of all sampled time spent with at least one
// such frame on the stack (its inclusive cost, the TypeScript checking it triggers included), its
// functions by inclusive and by self time, and the foreign functions (TypeScript's checker, mostly)
// that burn the time under it. `npm run bench -- --profile` writes the profiles this reads.
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

import { parseJson } from "./json.js";

const root = fileURLToPath(new URL("..", import.meta.url));

/**
 * The part of a `.cpuprofile` (V8's `Profiler.Profile`) that is read here.
 * @typedef {{ id: number, callFrame: { functionName: string, url: string, lineNumber: number }, children?: number[] }} ProfileNode
 * @typedef {{ nodes: ProfileNode[], samples: number[], timeDeltas: number[] }} CpuProfile
 */

/**
 * @param {CpuProfile} profile
 * @param {string} match
 * @param {number} top
 */
export function summarize(profile, match, top) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  /** @param {number} id */
  const nodeOf = (id) => {
    const node = nodes.get(id);
    if (!node) throw new Error(`the profile has no node ${id}`);
    return node;
  };
  /** @type {Map<number, number>} */
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  /** @param {ProfileNode} node */
  const label = (node) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.startsWith("file://") ? relative(root, fileURLToPath(url)) : url || "(native)";
    return `${functionName || "(anonymous)"} ${file}:${lineNumber + 1}`;
  };
  /** @param {ProfileNode} node */
  const isOurs = (node) => node.callFrame.url.includes(match);

  let total = 0;
  let idle = 0;
  let ours = 0;
  /** @type {Map<string, number>} */
  const inclusive = new Map();
  /** @type {Map<string, number>} */
  const self = new Map();
  /** @type {Map<string, number>} */
  const underOurs = new Map();
  /** @type {(map: Map<string, number>, key: string, dt: number) => Map<string, number>} */
  const add = (map, key, dt) => map.set(key, (map.get(key) ?? 0) + dt);
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000; // ms, the time until the next sample
    const leaf = nodeOf(profile.samples[i]);
    total += dt;
    if (leaf.callFrame.functionName === "(idle)" || leaf.callFrame.functionName === "(program)") idle += dt;
    /** @type {Set<string>} */
    const seen = new Set();
    let oursOnStack = false;
    for (let id = /** @type {number | undefined} */ (leaf.id); id !== undefined; id = parent.get(id)) {
      const node = nodeOf(id);
      if (!isOurs(node)) continue;
      oursOnStack = true;
      const key = label(node);
      if (!seen.has(key)) {
        seen.add(key);
        add(inclusive, key, dt);
      }
    }
    if (!oursOnStack) continue;
    ours += dt;
    if (isOurs(leaf)) add(self, label(leaf), dt);
    else add(underOurs, label(leaf), dt);
  }
  /** @type {string[]} */
  const lines = [];
  /** @param {number} ms */
  const pct = (ms) => `${((100 * ms) / total).toFixed(1).padStart(5)}%`;
  /** @type {(title: string, map: Map<string, number>) => void} */
  const list = (title, map) => {
    lines.push(title);
    for (const [key, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      lines.push(`  ${pct(ms)} ${ms.toFixed(0).padStart(7)} ms  ${key}`);
    }
  };
  lines.push(
    `sampled ${total.toFixed(0)} ms (idle/program ${idle.toFixed(0)} ms); with a frame matching "${match}" on the stack: ${ours.toFixed(0)} ms (${pct(ours).trim()})`,
  );
  list(`\ninclusive time of the matching functions (the callees' time included):`, inclusive);
  list(`\nself time of the matching functions:`, self);
  list(`\nwhere the time under them goes (the leaf functions, outside "${match}"):`, underOurs);
  return { text: lines.join("\n"), totalMs: total, matchedMs: ours };
}

// Run as a script (bench.js imports summarize() instead).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { match: { type: "string", default: "dist/src/" }, top: { type: "string", default: "25" } },
  });
  if (positionals.length !== 1) throw new Error("usage: profile-summary.js <file.cpuprofile> [--match text] [--top N]");
  const profile = /** @type {CpuProfile} */ (parseJson(readFileSync(positionals[0], "utf8")));
  console.log(summarize(profile, values.match, Number(values.top)).text);
}

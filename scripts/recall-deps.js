// `scripts/recall.js --install-deps`: lints a bug the way a user with the package's dependencies
// installed would. The plain checkout stays as it is (runs without the option must not see
// node_modules); a copy of it, <checkout>+deps, gets the dependencies.
//
// The packages installed are the nearest package.json above the bug's file and the workspace root
// above that (a package.json with `workspaces`, or beside pnpm-workspace.yaml or lerna.json), each
// on its own with `npm install --workspaces=false`, whatever package manager the project uses:
// npm's registry is the one reachable. For the install, package.json loses what npm cannot use:
// dependencies on the checkout's own packages (often unpublished at that version), pnpm's
// `workspace:` and `catalog:` specs, `workspaces` (npm reads the members even with
// --workspaces=false) and `devEngines` (npm refuses a Node it does not name). When the lockfile
// cannot be installed (a registry mirror in its URLs, say), the install is retried without it.
// Each package's outcome is kept in its .flush-recall-install.json, so a rerun installs nothing;
// a failed or timed-out install is kept too, and the bug is linted with whatever node_modules holds.

import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";

import { parseJson } from "./json.js";

const OUTCOME_FILE = ".flush-recall-install.json";
const NPM_ARGS = ["install", "--ignore-scripts", "--no-audit", "--no-fund", "--legacy-peer-deps", "--workspaces=false"];
const DEPENDENCY_FIELDS = ["dependencies", "devDependencies", "optionalDependencies"];

/**
 * @typedef {{ ok: boolean, seconds: number, lockfile: boolean, error?: string, cached?: boolean }} InstallOutcome
 */

/**
 * The copy of <checkout> that gets the dependencies, made (through <copy>.part) when missing.
 * @param {string} checkout
 */
export function checkoutWithDeps(checkout) {
  const copy = `${checkout}+deps`;
  if (!existsSync(copy)) {
    rmSync(`${copy}.part`, { recursive: true, force: true });
    cpSync(checkout, `${copy}.part`, { recursive: true });
    renameSync(`${copy}.part`, copy);
  }
  return copy;
}

/** The directories from <file>'s up to <checkout>. @param {string} checkout @param {string} file */
function ancestors(checkout, file) {
  const dirs = [];
  for (let dir = dirname(file); !relative(checkout, dir).startsWith(".."); dir = dirname(dir)) {
    dirs.push(dir);
    if (dir === checkout || dir === dirname(dir)) break;
  }
  return dirs;
}

/** @param {string} dir */
function readManifest(dir) {
  return /** @type {Record<string, unknown>} */ (parseJson(readFileSync(join(dir, "package.json"), "utf8")));
}

/** @param {string} dir */
function isWorkspaceRoot(dir) {
  return (
    existsSync(join(dir, "pnpm-workspace.yaml")) ||
    existsSync(join(dir, "lerna.json")) ||
    "workspaces" in readManifest(dir)
  );
}

/**
 * The package directories a user linting <file> has installed: the nearest and any workspace root.
 * @param {string} checkout
 * @param {string} file
 */
export function packageDirs(checkout, file) {
  const withManifest = ancestors(checkout, file).filter((dir) => existsSync(join(dir, "package.json")));
  return withManifest.filter((dir, index) => index === 0 || isWorkspaceRoot(dir));
}

/**
 * The names of the packages in <dir> and below it, outside node_modules.
 * @param {string} dir
 * @param {Set<unknown>} names
 */
function localPackages(dir, names = new Set()) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name !== "node_modules" && !entry.name.startsWith(".")) {
      localPackages(join(dir, entry.name), names);
    } else if (entry.name === "package.json") {
      try {
        names.add(readManifest(dir).name);
      } catch {
        // Not JSON (a template, say): no package.
      }
    }
  }
  return names;
}

/**
 * `npm install` in <dir>, or the outcome kept from an earlier one.
 * @param {string} checkout
 * @param {string} dir
 * @param {number} timeoutSeconds for all the attempts together
 * @returns {InstallOutcome}
 */
export function install(checkout, dir, timeoutSeconds) {
  const outcomeFile = join(dir, OUTCOME_FILE);
  if (existsSync(outcomeFile)) {
    return { .../** @type {InstallOutcome} */ (parseJson(readFileSync(outcomeFile, "utf8"))), cached: true };
  }
  const manifestFile = join(dir, "package.json");
  const original = readFileSync(manifestFile, "utf8");
  const manifest = readManifest(dir);
  const local = localPackages(checkout);
  delete manifest.workspaces;
  delete manifest.devEngines;
  for (const field of DEPENDENCY_FIELDS) {
    const specs = /** @type {Record<string, string> | undefined} */ (manifest[field]);
    for (const [name, spec] of Object.entries(specs ?? {})) {
      if (local.has(name) || /^(workspace|catalog|link|portal|file):/.test(spec)) delete specs?.[name];
    }
  }
  const started = Date.now();
  /** @type {InstallOutcome} */
  let outcome = { ok: false, seconds: 0, lockfile: true };
  try {
    writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
    for (const lockfile of [true, false]) {
      const left = timeoutSeconds * 1000 - (Date.now() - started);
      if (left <= 0) break;
      const run = spawnSync("npm", [...NPM_ARGS, ...(lockfile ? [] : ["--no-package-lock"])], {
        cwd: dir,
        encoding: "utf8",
        stdio: ["ignore", "ignore", "pipe"],
        timeout: left,
        killSignal: "SIGKILL",
        maxBuffer: 1 << 26,
      });
      const seconds = Math.round((Date.now() - started) / 100) / 10;
      const error =
        run.error?.message ?? (run.status === 0 ? undefined : run.stderr.split("\n").slice(-6).join("\n").trim());
      outcome = { ok: error === undefined, seconds, lockfile, ...(error === undefined ? {} : { error }) };
      if (outcome.ok) break;
    }
  } finally {
    writeFileSync(manifestFile, original);
  }
  writeFileSync(outcomeFile, `${JSON.stringify(outcome, null, 2)}\n`);
  return outcome;
}

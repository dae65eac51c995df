// The bench's real-code corpus: the TypeScript sources that pinned npm packages ship in their
// tarballs. Real code is never copied into this repository, and the npm registry is the one source
// this project's machines reach, so the bench downloads the tarballs (`npm pack`, into a cache
// folder outside git), checks each against the integrity pinned here (the registry's
// `dist.integrity`), and lays their src/ folders out as one project with a generated tsconfig.json.
//
// Why these packages: they ship their src/ (most packages ship only built JavaScript), and their
// code is what the rules meet in the field: HTTP clients, server-sent event and byte streams, web
// streams, sockets, file uploads, all in ordinary application-style TypeScript.
//   - openai 7.59.0: the OpenAI SDK, 454 files (the resource types that make up most of it are
//     large, so the type checker has real work); streaming responses, `ReadableStream`s, uploads.
//   - @mswjs/interceptors 0.45.12: Node's `http`/`https`/`net` intercepted (a mock `net.Socket`,
//     `ClientRequest` and `ServerResponse` handling, fetch, XHR, WebSocket), 76 files without its
//     tests: the Node stream code that openai's SDK mostly leaves to `fetch`.
// The two were chosen as the latest versions on the day the corpus was added. Their own imports
// of packages they depend on (zod, ws, undici, rettime, outvariant, ...) stay unresolved and type
// as `any`: the project resolves only @types/node (from this repository), so its program depends
// on nothing but the two tarballs and this repository's @types/node. Test files (*.test.ts) are
// left out: they need vitest and test servers.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { parseJson } from "./json.js";

/**
 * A package of the corpus: its tarball's spec and integrity, and the folder of the project it goes in.
 * @typedef {{ name: string, version: string, integrity: string, folder: string }} CorpusPackage
 */

/** @type {readonly CorpusPackage[]} */
export const REAL_PACKAGES = [
  {
    name: "openai",
    version: "7.59.0",
    integrity: "sha512-wPYKJkLPFEdNJ2tThSg4jE1Ptsv4X3u8g8LIvu0Qz/UIhsKeCzl73rl48PtQsDVrJL/ku0liXOsbyd2TsRsPJw==",
    folder: "openai",
  },
  {
    name: "@mswjs/interceptors",
    version: "0.45.12",
    integrity: "sha512-LLttQ/SSmseGFD/sNiHv9q34hd4gmPLN9uQdIIsU/V/o2AgTJm3dWoKHA4KTj0BzAans6CoEmpHYmp80yp69VA==",
    folder: "mswjs-interceptors",
  },
];

/**
 * The `sha512-<base64>` integrity of a file, as npm writes it.
 * @param {string} file
 */
function integrityOf(file) {
  return `sha512-${createHash("sha512").update(readFileSync(file)).digest("base64")}`;
}

/**
 * The file name `npm pack` gives a package's tarball: `@scope/name` becomes `scope-name`.
 * @param {CorpusPackage} pkg
 */
const tarballName = (pkg) => `${pkg.name.replace(/^@/, "").replace("/", "-")}-${pkg.version}.tgz`;

/**
 * The tarball of `pkg` in `cache`, downloaded with `npm pack` unless already there, and checked
 * against its pinned integrity either way.
 * @param {CorpusPackage} pkg
 * @param {string} cache
 * @param {(line: string) => void} log
 */
function getTarball(pkg, cache, log) {
  const file = join(cache, tarballName(pkg));
  if (existsSync(file) && integrityOf(file) === pkg.integrity) return file;
  mkdirSync(cache, { recursive: true });
  rmSync(file, { force: true });
  log(`  downloading ${pkg.name}@${pkg.version} into ${cache}`);
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const packed = spawnSync(npm, ["pack", `${pkg.name}@${pkg.version}`, "--pack-destination", cache, "--json"], {
    cwd: cache,
    encoding: "utf8",
  });
  if (packed.status !== 0) throw new Error(`npm pack ${pkg.name}@${pkg.version} failed: ${packed.stderr}`);
  const [report] = /** @type {{ filename: string, integrity: string }[]} */ (parseJson(packed.stdout));
  const actual = integrityOf(join(cache, report.filename));
  if (report.filename !== tarballName(pkg) || actual !== pkg.integrity) {
    rmSync(join(cache, report.filename), { force: true });
    throw new Error(`${pkg.name}@${pkg.version}: the tarball's integrity ${actual} is not the pinned ${pkg.integrity}`);
  }
  return file;
}

/**
 * Every file below `directory`.
 * @param {string} directory
 * @returns {string[]}
 */
function listFiles(directory) {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/**
 * Writes the real-code corpus into `directory`: each package's src/ in a folder of its own (its
 * TypeScript files without the tests, and no tsconfig.json of the package's, which the project
 * service would take for these files), and a tsconfig.json over them all. The tarballs are kept in
 * `cache`. Returns the number of TypeScript files.
 * @param {string} directory
 * @param {string} cache
 * @param {string} typeRoots the `@types` folder that holds @types/node
 * @param {(line: string) => void} log
 */
export function writeRealCorpus(directory, cache, typeRoots, log) {
  let count = 0;
  for (const pkg of REAL_PACKAGES) {
    const tarball = getTarball(pkg, cache, log);
    const into = join(directory, pkg.folder);
    mkdirSync(into, { recursive: true });
    const extracted = spawnSync("tar", ["-xzf", tarball, "-C", into, "--strip-components=1", "package/src"], {
      encoding: "utf8",
    });
    if (extracted.status !== 0) throw new Error(`cannot extract ${tarball}: ${extracted.stderr}`);
    for (const file of listFiles(join(into, "src"))) {
      // openai's src/tsconfig.json and the tsconfig.dist-src*.d.ts stubs it includes (Node's types
      // for readers without @types/node) go: the project has @types/node.
      if (/\.test\.tsx?$/.test(file) || /[\\/]tsconfig[^\\/]*$/.test(file)) rmSync(file);
      else if (/\.(?:[cm]?ts|tsx)$/.test(file) && !/\.d\.[cm]?ts$/.test(file)) count++;
    }
  }
  writeFileSync(
    join(directory, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "es2022",
        lib: ["es2023", "dom", "dom.iterable"],
        module: "preserve",
        moduleResolution: "bundler",
        allowImportingTsExtensions: true,
        types: ["node"],
        typeRoots: [typeRoots],
        strict: true,
        skipLibCheck: true,
        noEmit: true,
        // @mswjs/interceptors imports its own modules as `#/src/...`.
        paths: { "#/*": ["./mswjs-interceptors/*"] },
      },
      include: REAL_PACKAGES.map((pkg) => `${pkg.folder}/src`),
    }),
  );
  log(`  real corpus: ${count} files from ${REAL_PACKAGES.map((p) => `${p.name}@${p.version}`).join(", ")}`);
  return count;
}

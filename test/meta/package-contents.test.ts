// What `npm publish` would ship: the built plugin and codemod for every source module, the rule
// docs the rules link to, README, LICENSE, CHANGELOG and package.json; no tests, no sources, no
// scripts; and package.json points users at the repository the rule docs live in.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { glob } from "tinyglobby";
import { describe, expect, it } from "vitest";

import { REPOSITORY_URL } from "../../src/eslint/create-rule.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

interface PackageJson {
  license: string;
  homepage: string;
  repository: { type: string; url: string };
  bugs: { url: string };
}

const packageJson = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as PackageJson;

async function expectedFiles(): Promise<string[]> {
  const sources = await glob(["src/**/*.{ts,cts}", "rules/*.ts", "codemods/*.ts"], { cwd: root });
  const built = sources.flatMap((source) => {
    const [, base, commonJs] = /^(.*)\.(c?)ts$/.exec(source)!;
    return commonJs ? [`dist/${base}.cjs`, `dist/${base}.d.cts`] : [`dist/${base}.js`, `dist/${base}.d.ts`];
  });
  const docs = await glob("docs/rules/*.md", { cwd: root });
  return [...built, ...docs, "CHANGELOG.md", "LICENSE", "README.md", "package.json"].sort();
}

describe("the published package", () => {
  it("holds exactly the built modules, the rule docs and the package's own texts", async () => {
    const output = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
      cwd: root,
      encoding: "utf8",
    });
    const [{ files }] = JSON.parse(output) as [{ files: { path: string }[] }];
    expect(files.map((file) => file.path).sort()).toEqual(await expectedFiles());
  });

  it("names its license, repository, homepage and issue tracker, where the rule docs link to", () => {
    expect(packageJson.license).toBe("MIT");
    expect(readFileSync(new URL("../../LICENSE", import.meta.url), "utf8")).toMatch(/^MIT License\n/);
    expect(packageJson.repository).toEqual({ type: "git", url: `git+${REPOSITORY_URL}.git` });
    expect(packageJson.homepage).toBe(`${REPOSITORY_URL}#readme`);
    expect(packageJson.bugs).toEqual({ url: `${REPOSITORY_URL}/issues` });
  });
});

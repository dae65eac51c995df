// The codemod builds its program with the one `typescript` it finds next to it, the user's, and
// refuses versions whose compiler API it does not know; the peer range must promise the same.
import { readFileSync } from "node:fs";

import ts from "typescript";
import { describe, expect, it } from "vitest";

import { isSupportedTypeScript, SUPPORTED_TYPESCRIPT } from "../../src/codemod/project.js";

const packageJson = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  peerDependencies: Record<string, string>;
  dependencies: Record<string, string>;
};

describe("the TypeScript versions the codemod accepts", () => {
  it("are the package's typescript peer range", () => {
    const { oldest, below } = SUPPORTED_TYPESCRIPT;
    expect(packageJson.peerDependencies.typescript).toBe(`>=${oldest.join(".")}.0 <${below.join(".")}.0`);
  });

  it.each([
    ["5.3.3", false],
    ["5.4.0", true],
    ["5.9.3", true],
    ["6.0.2", true],
    ["6.1.0", false],
    ["7.0.2", false],
  ])("TypeScript %s accepted: %s", (version, accepted) => {
    expect(isSupportedTypeScript(version)).toBe(accepted);
  });

  it("include the TypeScript this repository develops with", () => {
    expect(isSupportedTypeScript(ts.version)).toBe(true);
  });

  it("need no bundled second compiler: nothing depends on ts-morph", () => {
    expect(Object.keys(packageJson.dependencies)).not.toContain("ts-morph");
  });
});

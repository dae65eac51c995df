import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadPrettierStyles, styleFromPrettierOptions } from "../../src/codemod/prettier-style.js";

describe("Prettier's options as a code style", () => {
  it("maps each option the configuration gives", () => {
    expect(
      styleFromPrettierOptions({
        semi: false,
        singleQuote: true,
        useTabs: true,
        trailingComma: "none",
        endOfLine: "crlf",
      }),
    ).toEqual({
      semicolons: false,
      quote: "'",
      indent: "\t",
      trailingCommas: false,
      newLine: "\r\n",
    });
    expect(
      styleFromPrettierOptions({ semi: true, singleQuote: false, tabWidth: 4, trailingComma: "es5", endOfLine: "lf" }),
    ).toEqual({
      semicolons: true,
      quote: '"',
      indent: "    ",
      trailingCommas: true,
      newLine: "\n",
    });
  });

  it("leaves what the configuration does not give to the file's own style", () => {
    expect(styleFromPrettierOptions({})).toEqual({});
    expect(styleFromPrettierOptions({ endOfLine: "auto" })).toEqual({});
    expect(styleFromPrettierOptions({ endOfLine: "cr" })).toEqual({});
    expect(styleFromPrettierOptions({ useTabs: false })).toEqual({ indent: "  " });
    expect(styleFromPrettierOptions({ useTabs: true, tabWidth: 8 })).toEqual({ indent: "\t" });
  });
});

/**
 * A project with a stand-in for Prettier in its node_modules (this package does not depend on
 * Prettier): its `resolveConfig` answers, asynchronously as Prettier 3 does, from a table keyed by
 * file name, and fails for files named `broken.ts`.
 */
const STUB = `
const configs = {
  "standard.ts": { semi: false, singleQuote: true, trailingComma: "none" },
  "tabs.ts": { useTabs: true },
};
const { basename } = require("node:path");
exports.resolveConfig = async (file, options) => {
  if (!options || options.editorconfig !== true) throw new Error("editorconfig not asked for");
  if (basename(file) === "broken.ts") throw new Error("cannot parse .prettierrc");
  return configs[basename(file)] ?? null;
};
`;

let root: string;

beforeAll(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), "flush-prettier-style-")));
  const prettier = join(root, "with-prettier", "node_modules", "prettier");
  mkdirSync(prettier, { recursive: true });
  writeFileSync(
    join(prettier, "package.json"),
    JSON.stringify({ name: "prettier", version: "3.0.0", main: "index.cjs" }),
  );
  writeFileSync(join(prettier, "index.cjs"), STUB);
  mkdirSync(join(root, "with-prettier", "src", "nested"), { recursive: true });
  mkdirSync(join(root, "without-prettier"));
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe("the project's own Prettier configuration", () => {
  it("is resolved up front for every file, with the Prettier installed for it, and looked up synchronously", async () => {
    const project = join(root, "with-prettier", "src");
    const files = ["standard.ts", "nested/tabs.ts", "unconfigured.ts", "broken.ts"].map((name) => join(project, name));
    const lookup = await loadPrettierStyles([...files, join(root, "without-prettier", "standard.ts")]);
    expect(lookup(join(project, "standard.ts"))).toEqual({ semicolons: false, quote: "'", trailingCommas: false });
    expect(lookup(join(project, "nested", "..", "nested", "tabs.ts"))).toEqual({ indent: "\t" });
    // No configuration, a configuration Prettier cannot read, no Prettier: the file's own style.
    expect(lookup(join(project, "unconfigured.ts"))).toBeUndefined();
    expect(lookup(join(project, "broken.ts"))).toBeUndefined();
    expect(lookup(join(root, "without-prettier", "standard.ts"))).toBeUndefined();
    // Files not loaded up front are not guessed at.
    expect(lookup(join(project, "nested", "standard.ts"))).toBeUndefined();
  });
});

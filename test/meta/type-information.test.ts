// What a user sees when the config is wrong: no type information, or an option the rules do not have.
import * as parser from "@typescript-eslint/parser";
import { Linter, type ESLint } from "eslint";
import { describe, expect, it } from "vitest";

import plugin from "../../src/index.js";

const RULE_NAMES = Object.keys(plugin.rules);

// typescript-eslint's rule types and ESLint's own do not line up; at runtime they are the same objects.
const flush = plugin as unknown as ESLint.Plugin;

const CODE = `import type { Socket } from "node:net";
export function send(sock: Socket, data: Buffer): void {
  sock.write(data);
  sock.destroy();
}
`;

function lint(config: Linter.Config): Linter.LintMessage[] {
  return new Linter().verify(CODE, { files: ["**/*.ts"], plugins: { flush }, ...config }, "src/send.ts");
}

it("covers the plugin's rules", () => {
  expect(RULE_NAMES).toEqual(
    expect.arrayContaining(["no-discarded-result", "no-ignored-backpressure", "no-shutdown-before-flush"]),
  );
});

describe.each(RULE_NAMES)("flush/%s", (name) => {
  it("without type information, fails with an error that names the fix", () => {
    // typescript-eslint's parser with neither `projectService` nor `project`: syntax only.
    const withoutTypes = () => lint({ languageOptions: { parser }, rules: { [`flush/${name}`]: "error" } });
    expect(withoutTypes).toThrow(`flush/${name} needs type information`);
    expect(withoutTypes).toThrow("src/send.ts has none");
    expect(withoutTypes).toThrow("`languageOptions.parserOptions.projectService: true`");
    expect(withoutTypes).toThrow("https://typescript-eslint.io/getting-started/typed-linting");
  });

  it("rejects an option it does not have", () => {
    const withUnknownOption = () =>
      lint({ languageOptions: { parser }, rules: { [`flush/${name}`]: ["error", { checkFoo: true }] } });
    expect(withUnknownOption).toThrow(`Key "flush/${name}"`);
    expect(withUnknownOption).toThrow('Unexpected property "checkFoo"');
  });

  it("rejects a malformed streamTypes option", () => {
    const withBadStreamTypes = () =>
      lint({
        languageOptions: { parser },
        rules: { [`flush/${name}`]: ["error", { streamTypes: [{ from: "file" }] }] },
      });
    expect(withBadStreamTypes).toThrow(`Key "flush/${name}"`);
  });
});

import { fileURLToPath } from "node:url";

import { RuleTester } from "@typescript-eslint/rule-tester";
import { afterAll, describe, it } from "vitest";

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

/** The fixture project every rule test lints against: @types/node, the DOM lib, Bun and Deno stubs. */
export const fixturesDir = fileURLToPath(new URL("fixtures", import.meta.url));

export function createRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: fixturesDir,
      },
    },
  });
}

/**
 * An invalid no-shutdown-before-flush case whose one `process.exit(n);` is reported with the
 * `useExitCode` suggestion: the same code with `process.exitCode = n;` in its place.
 */
export function reportedWithExitCode<MessageId extends string>(
  name: string,
  code: string,
  error: { readonly messageId: MessageId; readonly line: number; readonly data?: Record<string, unknown> },
) {
  const exits = code.match(/process\.exit\(\d+\);/g) ?? [];
  if (exits.length !== 1) throw new Error(`${name}: expected one process.exit(n); in the code, found ${exits.length}`);
  const output = code.replace(/process\.exit\((\d+)\);/, "process.exitCode = $1;");
  return { name, code, errors: [{ ...error, suggestions: [{ messageId: "useExitCode" as const, output }] }] };
}

// no-shutdown-before-flush in a project whose tsconfig makes no Node types visible: every stream is
// `any` there and all three rules would be silent, so this rule says so, once per file.
import { fileURLToPath } from "node:url";

import { RuleTester } from "@typescript-eslint/rule-tester";

import rule from "../../../rules/no-shutdown-before-flush.js";
import "../../rule-tester.js";

const ruleTester = new RuleTester({
  languageOptions: {
    parserOptions: {
      projectService: true,
      tsconfigRootDir: fileURLToPath(new URL("../../fixtures/without-node-types", import.meta.url)),
    },
  },
});

const MESSAGE_DATA = { module: "node:net" };

ruleTester.run("no-shutdown-before-flush", rule, {
  valid: [
    {
      name: "a file that imports no Node I/O module is not reported",
      code: `import type { URL } from "node:url";\nexport type Address = URL;\n`,
    },
  ],
  invalid: [
    {
      name: "an import of node:net without Node types is reported once, at the module name",
      code: `
import type { Socket } from "node:net";
import { createServer } from "node:net";
export function send(sock: Socket, data: string) {
  sock.write(data);
  sock.destroy();
}
export const server = createServer;
`,
      errors: [{ messageId: "missingNodeTypes", data: MESSAGE_DATA, line: 2, column: 29, endColumn: 39 }],
    },
    {
      name: "a require() of child_process without Node types is reported",
      code: `
const { execSync } = require("child_process");
export const run = (command: string) => execSync(command);
`,
      errors: [{ messageId: "missingNodeTypes", data: { module: "child_process" }, line: 2 }],
    },
    {
      name: "a re-export from stream/promises without Node types is reported",
      code: `
export { pipeline } from "stream/promises";
`,
      errors: [{ messageId: "missingNodeTypes", data: { module: "stream/promises" }, line: 2 }],
    },
  ],
});

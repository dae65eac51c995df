import rule from "../../rules/no-shutdown-before-flush.js";
import { createRuleTester } from "../rule-tester.js";

const ruleTester = createRuleTester();

ruleTester.run("no-shutdown-before-flush", rule, {
  valid: [
    {
      name: "Node is safe: end() after write() flushes both",
      code: `
import type { ServerResponse } from "node:http";
export function handle(res: ServerResponse, a: string, b: string) {
  res.write(a);
  res.end(b);
}
`,
    },
  ],
  invalid: [
    {
      name: "write then destroy on a socket",
      code: `
import type { Socket } from "node:net";
export function send(sock: Socket, data: Buffer) {
  sock.write(data);
  sock.destroy();
}
`,
      errors: [
        {
          messageId: "discardBeforeFlush",
          line: 5,
          data: { shutdown: "sock.destroy()", write: "sock.write()", line: 4, stream: "sock" },
          suggestions: [
            {
              messageId: "endBeforeDestroy",
              data: { shutdown: "sock.destroy()", write: "sock.write()", line: 4, stream: "sock" },
              output: `
import type { Socket } from "node:net";
export function send(sock: Socket, data: Buffer) {
  sock.write(data);
  sock.end(() => sock.destroy());
}
`,
            },
          ],
        },
      ],
    },
  ],
});

// no-ignored-backpressure: a "data" handler (on, addListener, prependListener) writes once per chunk: reported unless
// it pauses its source; a handler that runs once (once(), "end", behind a flag) or writes a prompt is not.
import rule from "../../../rules/no-ignored-backpressure.js";
import { createRuleTester } from "../../rule-tester.js";

const ruleTester = createRuleTester();

ruleTester.run("no-ignored-backpressure", rule, {
  valid: [
    {
      name: '"data" handler that pauses its source when write() returns false',
      code: `
import type { Readable, Writable } from "node:stream";
export function relay(src: Readable, dest: Writable) {
  src.on("data", (chunk: Buffer) => {
    if (!dest.write(chunk)) src.pause();
  });
  dest.on("drain", () => src.resume());
}
`,
    },
    {
      name: 'src.once("data") runs its handler once',
      code: `
import type { Readable, Writable } from "node:stream";
export function firstChunk(src: Readable, dest: Writable) {
  src.once("data", (chunk: Buffer) => {
    dest.write(chunk);
  });
}
`,
    },
    {
      name: 'an "end" handler runs once',
      code: `
import type { Readable, Writable } from "node:stream";
export function trailer(src: Readable, dest: Writable) {
  src.on("end", () => dest.write("done\\n"));
}
`,
    },
    {
      name: 'a "data" handler that answers once per connection behind a flag is not reported [evaluation F14]',
      options: [{ checkAllLoops: true }],
      code: `
import { createServer } from "node:net";
export const upstream = createServer((socket) => {
  let answered = false;
  let head = "";
  socket.on("data", (chunk: Buffer) => {
    head += chunk.toString("latin1");
    if (answered || !head.includes("\\r\\n\\r\\n")) return;
    answered = true;
    socket.write("HTTP/1.1 200 OK\\r\\nContent-Length: 2\\r\\n\\r\\nok");
    socket.end();
  });
});
`,
    },
    {
      name: 'a "data" handler that writes one reply and then ends the socket writes once per connection',
      code: `
import { createServer } from "node:net";
export const server = createServer((socket) => {
  socket.on("data", (chunk: Buffer) => {
    socket.write(chunk.toString().toUpperCase());
    socket.end();
  });
});
`,
    },
    {
      name: 'a "line" handler of a readline over process.stdin answers lines at the pace a person types them',
      code: `
import { createInterface } from "node:readline";
import type { Socket } from "node:net";
export function relay(socket: Socket): void {
  const rl = createInterface({ input: process.stdin });
  rl.on("line", (line) => {
    socket.write(line + "\\n");
  });
}
`,
    },
    {
      name: "a constant prompt written from a process.stdin handler is not reported by default [evaluation F16]",
      code: `
declare function disconnect(): Promise<void>;
export function listenForEscape(): void {
  process.stdin.on("data", async (data: Buffer) => {
    if (data.length === 1 && data[0] === 27) {
      await disconnect();
      process.stdout.write("> ");
    }
  });
}
`,
    },
  ],
  invalid: [
    {
      name: 'a "line" handler forwarding a child\'s output to a socket is fed by a producer',
      code: `
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import type { Socket } from "node:net";
export function relay(socket: Socket, command: string): void {
  const child = spawn(command);
  const rl = createInterface({ input: child.stdout });
  rl.on("line", (line) => {
    socket.write(line + "\\n");
  });
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 9,
          data: { write: "socket.write()", where: "once per line of a `line` handler", stream: "socket" },
          suggestions: [
            {
              messageId: "pauseSource",
              output: `
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import type { Socket } from "node:net";
export function relay(socket: Socket, command: string): void {
  const child = spawn(command);
  const rl = createInterface({ input: child.stdout });
  rl.on("line", (line) => {
    if (socket.write(line + "\\n") === false) {
      rl.pause();
      socket.once("drain", () => rl.resume());
    }
  });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a "data" handler answering each chunk with a reply derived from it is reported [evaluation TP: redis test server]',
      code: `
import { createServer } from "node:net";
export const server = createServer((socket) => {
  socket.on("data", (chunk: Buffer) => {
    socket.write("+OK\\r\\n".repeat(chunk.toString().split("\\r\\n").length - 1));
  });
});
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 5,
          data: { write: "socket.write()", where: "once per chunk of a `data` handler", stream: "socket" },
          suggestions: [
            {
              messageId: "pauseSource",
              output: `
import { createServer } from "node:net";
export const server = createServer((socket) => {
  socket.on("data", (chunk: Buffer) => {
    if (socket.write("+OK\\r\\n".repeat(chunk.toString().split("\\r\\n").length - 1)) === false) {
      socket.pause();
      socket.once("drain", () => socket.resume());
    }
  });
});
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a "data" handler answering every chunk a peer sends with a fixed reply is reported: replies pile up as fast as the peer sends',
      code: `
import { createServer } from "node:net";
export const server = createServer((connection) => {
  connection.on("data", () => {
    connection.write("PONG");
  });
});
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 5,
          data: { write: "connection.write()", where: "once per chunk of a `data` handler", stream: "connection" },
          suggestions: [
            {
              messageId: "pauseSource",
              output: `
import { createServer } from "node:net";
export const server = createServer((connection) => {
  connection.on("data", () => {
    if (connection.write("PONG") === false) {
      connection.pause();
      connection.once("drain", () => connection.resume());
    }
  });
});
`,
            },
          ],
        },
      ],
    },
    {
      name: '"data" handler with an expression-bodied arrow',
      code: `
import type { Readable, Writable } from "node:stream";
export function relay(src: Readable, dest: Writable) {
  src.on("data", (chunk: Buffer) => dest.write(chunk));
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 4,
          data: { write: "dest.write()", where: "once per chunk of a `data` handler", stream: "dest" },
          suggestions: [],
        },
      ],
    },
    {
      name: '"data" handler with a block-bodied arrow: pause the source',
      code: `
import type { Readable, Writable } from "node:stream";
export function relay(src: Readable, dest: Writable) {
  src.on("data", (chunk: Buffer) => {
    dest.write(chunk);
  });
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 5,
          data: { write: "dest.write()", where: "once per chunk of a `data` handler", stream: "dest" },
          suggestions: [
            {
              messageId: "pauseSource",
              output: `
import type { Readable, Writable } from "node:stream";
export function relay(src: Readable, dest: Writable) {
  src.on("data", (chunk: Buffer) => {
    if (dest.write(chunk) === false) {
      src.pause();
      dest.once("drain", () => src.resume());
    }
  });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: '"data" handler as a function expression given to prependListener',
      code: `
import type { Readable, Writable } from "node:stream";
export function relay(src: Readable, dest: Writable) {
  src.prependListener("data", function (chunk: Buffer) {
    dest.write(chunk);
  });
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 5,
          data: { write: "dest.write()", where: "once per chunk of a `data` handler", stream: "dest" },
          suggestions: [
            {
              messageId: "pauseSource",
              output: `
import type { Readable, Writable } from "node:stream";
export function relay(src: Readable, dest: Writable) {
  src.prependListener("data", function (chunk: Buffer) {
    if (dest.write(chunk) === false) {
      src.pause();
      dest.once("drain", () => src.resume());
    }
  });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: '"data" handler via addListener on an echo socket',
      code: `
import type { Socket } from "node:net";
export function echo(sock: Socket) {
  sock.addListener("data", (data: Buffer) => {
    sock.write(data);
  });
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 5,
          data: { write: "sock.write()", where: "once per chunk of a `data` handler", stream: "sock" },
          suggestions: [
            {
              messageId: "pauseSource",
              output: `
import type { Socket } from "node:net";
export function echo(sock: Socket) {
  sock.addListener("data", (data: Buffer) => {
    if (sock.write(data) === false) {
      sock.pause();
      sock.once("drain", () => sock.resume());
    }
  });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: '"data" handler on class fields',
      code: `
import type { Readable, Writable } from "node:stream";
export class Relay {
  constructor(
    private readonly src: Readable,
    private readonly dest: Writable,
  ) {}
  start() {
    this.src.on("data", (chunk: Buffer) => {
      this.dest.write(chunk);
    });
  }
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 10,
          data: { write: "this.dest.write()", where: "once per chunk of a `data` handler", stream: "this.dest" },
          suggestions: [
            {
              messageId: "pauseSource",
              output: `
import type { Readable, Writable } from "node:stream";
export class Relay {
  constructor(
    private readonly src: Readable,
    private readonly dest: Writable,
  ) {}
  start() {
    this.src.on("data", (chunk: Buffer) => {
      if (this.dest.write(chunk) === false) {
        this.src.pause();
        this.dest.once("drain", () => this.src.resume());
      }
    });
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'async "data" handler: pausing, not awaiting, is what helps',
      code: `
import type { Readable, Writable } from "node:stream";
export function relay(src: Readable, dest: Writable) {
  src.on("data", async (chunk: Buffer) => {
    dest.write(chunk);
  });
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 5,
          data: { write: "dest.write()", where: "once per chunk of a `data` handler", stream: "dest" },
          suggestions: [
            {
              messageId: "pauseSource",
              output: `
import type { Readable, Writable } from "node:stream";
export function relay(src: Readable, dest: Writable) {
  src.on("data", async (chunk: Buffer) => {
    if (dest.write(chunk) === false) {
      src.pause();
      dest.once("drain", () => src.resume());
    }
  });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'process.stdin "data" into process.stdout',
      code: `
process.stdin.on("data", (chunk: Buffer) => process.stdout.write(chunk));
export {};
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 2,
          data: {
            write: "process.stdout.write()",
            where: "once per chunk of a `data` handler",
            stream: "process.stdout",
          },
          suggestions: [],
        },
      ],
    },
  ],
});

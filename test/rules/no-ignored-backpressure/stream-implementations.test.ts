// no-ignored-backpressure: a Node stream's own `_write()`/`_transform()` (or the `write`/`transform` option of
// `new Writable()`/`new Transform()`) runs once per chunk of an unbounded input. Writing to another Node stream there
// and calling back at once, whatever write() returned, never slows the upstream: reported like a write in a loop.
// Calling back from "drain", or passing the callback to write(), is the correct form.
import rule from "../../../rules/no-ignored-backpressure.js";
import { createRuleTester } from "../../rule-tester.js";

const ruleTester = createRuleTester();

const WHERE = "once per chunk of a stream implementation that calls back at once";

ruleTester.run("no-ignored-backpressure", rule, {
  valid: [
    {
      name: 'a _transform() that calls back from the inner stream\'s "drain" when write() returns false',
      code: `
import { Transform, type TransformCallback, type Writable } from "node:stream";
export class Tee extends Transform {
  constructor(private readonly copy: Writable) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    if (this.copy.write(chunk)) callback(null, chunk);
    else this.copy.once("drain", () => callback(null, chunk));
  }
}
`,
    },
    {
      name: "a _write() that passes its callback to the inner write()",
      code: `
import { Writable } from "node:stream";
import type { Socket } from "node:net";
export class Forwarder extends Writable {
  constructor(private readonly socket: Socket) {
    super();
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void) {
    this.socket.write(chunk, callback);
  }
}
`,
    },
    {
      name: "the write option of new Writable() passes its callback on",
      code: `
import { Writable } from "node:stream";
export function forwardTo(out: Writable): Writable {
  return new Writable({
    write(chunk, _encoding, callback) {
      out.write(chunk, callback);
    },
  });
}
`,
    },
    {
      name: "a _transform() that only pushes to its own readable side",
      code: `
import { Transform, type TransformCallback } from "node:stream";
export class Upper extends Transform {
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    this.push(chunk.toString().toUpperCase());
    callback();
  }
}
`,
    },
    {
      name: "a class that is no stream, with a method named _write",
      code: `
import type { Writable } from "node:stream";
export class Recorder {
  constructor(private readonly out: Writable) {}
  _write(chunk: Buffer, _encoding: string, callback: () => void) {
    this.out.write(chunk);
    callback();
  }
}
`,
    },
    {
      name: "the callback is called before the write, from a flush of its own: not a callback after the write",
      code: `
import { Transform, type TransformCallback, type Writable } from "node:stream";
export class Audit extends Transform {
  constructor(private readonly log: Writable) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    callback(null, chunk);
  }
  override _flush(callback: TransformCallback) {
    this.log.write("done\\n");
    callback();
  }
}
`,
    },
  ],
  invalid: [
    {
      name: "a _transform() that copies each chunk to another stream and calls back at once",
      code: `
import { Transform, type TransformCallback, type Writable } from "node:stream";
export class Tee extends Transform {
  constructor(private readonly copy: Writable) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    this.copy.write(chunk);
    callback(null, chunk);
  }
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 8,
          data: { write: "this.copy.write()", where: WHERE, stream: "this.copy" },
          suggestions: [],
        },
      ],
    },
    {
      name: "a Writable subclass that forwards to a socket and calls back at once",
      code: `
import { Writable } from "node:stream";
import type { Socket } from "node:net";
export class Forwarder extends Writable {
  constructor(private readonly socket: Socket) {
    super();
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void) {
    this.socket.write(chunk);
    callback();
  }
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 9,
          data: { write: "this.socket.write()", where: WHERE, stream: "this.socket" },
          suggestions: [],
        },
      ],
    },
    {
      name: "the transform option of new Transform()",
      code: `
import { Transform, type Writable } from "node:stream";
export function tee(copy: Writable): Transform {
  return new Transform({
    transform(chunk, _encoding, callback) {
      copy.write(chunk);
      callback(null, chunk);
    },
  });
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 6,
          data: { write: "copy.write()", where: WHERE, stream: "copy" },
          suggestions: [],
        },
      ],
    },
    {
      name: "the write option of new Writable() as an arrow function",
      code: `
import { Writable } from "node:stream";
export function forwardTo(out: Writable): Writable {
  return new Writable({
    write: (chunk, _encoding, done) => {
      out.write(chunk);
      done();
    },
  });
}
`,
      errors: [
        {
          messageId: "ignoredBackpressure",
          line: 6,
          data: { write: "out.write()", where: WHERE, stream: "out" },
          suggestions: [],
        },
      ],
    },
    {
      name: "a _write() that forwards through a method dropping write()'s boolean",
      code: `
import { Writable } from "node:stream";
export class Framer extends Writable {
  constructor(private readonly out: Writable) {
    super();
  }
  private frame(chunk: Buffer) {
    this.out.write(Buffer.concat([Buffer.from([chunk.length]), chunk]));
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void) {
    this.frame(chunk);
    callback();
  }
}
`,
      errors: [
        {
          messageId: "helperIgnoresBackpressure",
          line: 11,
          data: {
            call: "this.frame()",
            where: WHERE,
            write: "this.out.write()",
            location: "line 8",
            stream: "this.out",
          },
          suggestions: [],
        },
      ],
    },
  ],
});

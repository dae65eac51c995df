// Deliberately buggy (issue 10, across methods): test/runtime/cross-function.test.ts lints it with
// the plugin and runs it. Its fixed twin is class-send-close-fixed.ts.
/* eslint-disable flush/no-shutdown-before-flush */
import type { Socket } from "node:net";

/** A connection to a peer: send() writes, close() hangs up. */
export class Conn {
  constructor(private socket: Socket) {}

  send(data: Buffer): void {
    this.socket.write(data);
  }

  close(): void {
    this.socket.destroy();
  }
}

/** Sends one message and closes: the write is in send(), the destroy() that drops it in close(). */
export function sendAndClose(socket: Socket, big: Buffer): void {
  const conn = new Conn(socket);
  conn.send(big);
  conn.close();
}

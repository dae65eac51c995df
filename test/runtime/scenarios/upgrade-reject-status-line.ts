// A shape Node and the kernel make safe: test/runtime/bounded-output.test.ts checks that
// no-shutdown-before-flush leaves it alone and that every rejected client gets the whole status
// line, then a clean end of stream. Its twin, upgrade-reject-with-body.ts, adds a body handed in.
import type { Server } from "node:http";

/**
 * Turns every upgrade away: a status line of a size the code fixes, then the connection is closed.
 * The write goes to the kernel's send buffer at once, and destroy() closes the socket in order.
 */
export function rejectUpgrades(server: Server): void {
  server.on("upgrade", (_req, socket) => {
    socket.write("HTTP/1.1 400 Bad Request\r\n\r\n");
    socket.destroy();
  });
}

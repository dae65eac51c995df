// Deliberately buggy: test/runtime/bounded-output.test.ts lints it with the plugin and runs it. The
// twin of upgrade-reject-status-line.ts, with a body handed in written after the status line.
/* eslint-disable flush/no-shutdown-before-flush */
import type { Server } from "node:http";

/**
 * Turns every upgrade away with a status line and a page: the page's size is the caller's, more
 * than the kernel takes at once, and the part still queued in the process when destroy() closes
 * the socket is dropped.
 */
export function rejectUpgradesWithPage(server: Server, page: Buffer): void {
  server.on("upgrade", (_req, socket) => {
    socket.write("HTTP/1.1 400 Bad Request\r\n\r\n");
    socket.write(page);
    socket.destroy();
  });
}

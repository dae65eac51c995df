// Deliberately buggy: test/runtime/proof.test.ts lints it with the plugin, runs it, and runs the codemod on it.
/* eslint-disable flush/no-shutdown-before-flush */
import type { ServerResponse } from "node:http";

/**
 * Sends a body delimited by the end of the connection (no Content-Length, no chunked encoding,
 * `Connection: close`), records the request, then closes the connection itself.
 */
export async function sendUntilClose(
  res: ServerResponse,
  body: Buffer,
  audit: (line: string) => Promise<void>,
): Promise<void> {
  res.useChunkedEncodingByDefault = false;
  res.writeHead(200, { "content-type": "application/octet-stream", connection: "close" });
  res.write(body);
  await audit(`200 body ${body.length}`);
  res.socket?.destroy();
}

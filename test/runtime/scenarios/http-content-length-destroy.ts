// Deliberately buggy: test/runtime/proof.test.ts lints it with the plugin, runs it, and runs the codemod on it.
/* eslint-disable flush/no-shutdown-before-flush */
import type { ServerResponse } from "node:http";

/**
 * Sends a body with its length announced, records the request, then drops the connection instead
 * of ending the response.
 */
export async function sendImage(
  res: ServerResponse,
  image: Buffer,
  audit: (line: string) => Promise<void>,
): Promise<void> {
  res.writeHead(200, { "content-type": "image/jpeg", "content-length": image.length });
  res.write(image);
  await audit(`200 image ${image.length}`);
  res.socket?.destroy();
}

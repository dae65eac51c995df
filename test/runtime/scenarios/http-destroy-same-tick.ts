// Deliberately buggy: test/runtime/proof.test.ts lints it with the plugin, runs it, and runs the codemod on it.
/* eslint-disable flush/no-shutdown-before-flush */
/* eslint-disable @typescript-eslint/require-await -- async as the code it stands for is: the codemod's rewrite may await in it */
import type { ServerResponse } from "node:http";

/** Sends a body with its length announced and drops the connection at once. */
export async function sendImage(res: ServerResponse, image: Buffer): Promise<void> {
  res.writeHead(200, { "content-type": "image/jpeg", "content-length": image.length });
  res.write(image);
  res.socket?.destroy();
}

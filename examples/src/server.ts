// An image and report service on node:http. Some handlers get streams right; the ones marked
// "BUG" lose data when the client, or the disk, is slower than the server.
import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { basename, join } from "node:path";
import { pipeline } from "node:stream/promises";

import { reportRows, toCsvLine, CSV_HEADER } from "./report.js";

const IMAGE_DIR = process.env["IMAGE_DIR"] ?? "./images";
const UPLOAD_DIR = process.env["UPLOAD_DIR"] ?? "./uploads";

// Fine: write() then end(); Node flushes the response before it closes or reuses the connection.
export function sendHealth(res: ServerResponse): void {
  res.writeHead(200, { "content-type": "text/plain" });
  res.write("ok ");
  res.end(new Date().toISOString());
}

// BUG: the image is queued, then the connection is torn down under it. A slow client gets
// 200 OK and part of the image (the Cloudflare Images truncation).
export async function sendThumbnail(res: ServerResponse, name: string): Promise<void> {
  const image = await readFile(join(IMAGE_DIR, basename(name)));
  res.writeHead(200, { "content-type": "image/jpeg", "content-length": image.length });
  res.write(image);
  res.socket?.destroy();
}

// Fine: a large file is piped; pipeline() waits for "drain" and for the response to finish.
export async function sendOriginal(res: ServerResponse, name: string): Promise<void> {
  const path = join(IMAGE_DIR, basename(name));
  const { size } = await stat(path);
  res.writeHead(200, { "content-type": "image/jpeg", "content-length": size });
  await pipeline(createReadStream(path), res);
}

// BUG: a write loop that ignores write() returning false: every row of a big report piles up in
// memory when the client downloads slowly.
export async function sendReport(res: ServerResponse, month: string): Promise<void> {
  res.writeHead(200, { "content-type": "text/csv", "content-disposition": `attachment; filename=${month}.csv` });
  res.write(CSV_HEADER);
  for await (const row of reportRows(month)) {
    res.write(toCsvLine(row));
  }
  res.end();
}

// Fine: the same download, waiting for "drain" when the response's buffer is full.
export async function sendReportSlowly(res: ServerResponse, month: string): Promise<void> {
  res.writeHead(200, { "content-type": "text/csv" });
  res.write(CSV_HEADER);
  for await (const row of reportRows(month)) {
    if (!res.write(toCsvLine(row))) await once(res, "drain");
  }
  res.end();
}

// BUG: each chunk is written without looking at write()'s result: when the disk is slower than
// the network, the whole upload piles up in memory.
export function saveUpload(req: IncomingMessage, name: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const file = createWriteStream(join(UPLOAD_DIR, basename(name)));
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      file.write(chunk);
    });
    req.on("end", () => file.end(() => resolve(size)));
    req.on("error", reject);
    file.on("error", reject);
  });
}

// BUG: the promise resolves right after end(), before the file is flushed: the caller answers
// 201 for a file that may still be incomplete on disk, or fail to be written at all.
export function saveMetadata(name: string, metadata: object): Promise<void> {
  return new Promise((resolve, reject) => {
    const file = createWriteStream(join(UPLOAD_DIR, `${basename(name)}.json`));
    file.on("error", reject);
    file.end(JSON.stringify(metadata));
    resolve();
  });
}

// Fine: pipeline() handles backpressure and resolves once the file has finished.
export async function saveAvatar(req: IncomingMessage, user: string): Promise<void> {
  await pipeline(req, createWriteStream(join(UPLOAD_DIR, `${basename(user)}.jpg`)));
}

async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://localhost");
  const [, section = "", name = ""] = url.pathname.split("/");
  if (req.method === "GET" && section === "health") return sendHealth(res);
  if (req.method === "GET" && section === "thumbnails") return sendThumbnail(res, name);
  if (req.method === "GET" && section === "images") return sendOriginal(res, name);
  if (req.method === "GET" && section === "reports") return sendReport(res, name);
  if (req.method === "PUT" && section === "avatars") return saveAvatar(req, name);
  if (req.method === "PUT" && section === "uploads") {
    const size = await saveUpload(req, name);
    await saveMetadata(name, { size, uploadedAt: new Date().toISOString() });
    res.writeHead(201, { "content-type": "application/json" });
    res.end(JSON.stringify({ name, size }));
    return;
  }
  res.writeHead(404).end();
}

export function startServer(port: number): Server {
  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  return server.listen(port);
}

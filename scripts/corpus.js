// Writes a deterministic synthetic TypeScript project for benchmarks: a few thousand files mixing
// stream-heavy code (the shapes the rules report, and their correct forms) with ordinary code.
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const STREAM_TEMPLATES = [
  (i) => `import * as net from "node:net";
export async function send${i}(sock: net.Socket, body: Buffer, chunks: AsyncIterable<Buffer>): Promise<void> {
  for await (const chunk of chunks) sock.write(chunk);
  sock.write(body);
  sock.destroy();
}
`,
  (i) => `export async function save${i}(writer: WritableStreamDefaultWriter<string>, rows: string[]): Promise<void> {
  for (const row of rows) {
    writer.write(row + "\\n");
  }
  void writer.close();
}
`,
  (i) => `import { open } from "node:fs/promises";
export async function persist${i}(path: string, data: string): Promise<number> {
  const fh = await open(path, "w");
  const _ = fh.sync();
  await fh.write(data);
  await fh.close();
  return data.length;
}
`,
  (i) => `import type { ServerResponse } from "node:http";
export function respond${i}(res: ServerResponse, parts: string[]): void {
  res.write(parts[0] ?? "");
  res.end(parts.slice(1).join(""));
}
`,
  (i) => `export function report${i}(lines: string[]): void {
  process.stdout.write(lines.join("\\n"));
  process.exit(lines.length > 0 ? 0 : 1);
}
`,
];

const ORDINARY_TEMPLATES = [
  (i) => `export interface Point${i} { readonly x: number; readonly y: number }
export function distance${i}(a: Point${i}, b: Point${i}): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}
export class Cache${i}<T> {
  private readonly entries = new Map<string, T>();
  write(key: string, value: T): void { this.entries.set(key, value); }
  close(): void { this.entries.clear(); }
}
`,
  (i) => `export type Shape${i} = { kind: "circle"; r: number } | { kind: "square"; side: number };
export function area${i}(shape: Shape${i}): number {
  switch (shape.kind) {
    case "circle": return Math.PI * shape.r ** 2;
    case "square": return shape.side ** 2;
  }
}
export const total${i} = (shapes: Shape${i}[]) => shapes.reduce((sum, s) => sum + area${i}(s), 0);
`,
  (i) => `export async function fetchAll${i}(urls: string[]): Promise<string[]> {
  const results: string[] = [];
  for (const url of urls) {
    const text = await Promise.resolve(url.toUpperCase());
    results.push(text);
  }
  return results.filter((r) => r.length > ${i % 7});
}
`,
];

/**
 * Writes `fileCount` files under `directory` (one in three stream-heavy), a tsconfig and a
 * package.json, and links `nodeModules` so that @types/node resolves. Returns the tsconfig path.
 */
export function writeCorpus(directory, fileCount, nodeModules) {
  const src = join(directory, "src");
  mkdirSync(src, { recursive: true });
  for (let i = 0; i < fileCount; i++) {
    const templates = i % 3 === 0 ? STREAM_TEMPLATES : ORDINARY_TEMPLATES;
    const template = templates[Math.floor(i / 3) % templates.length];
    const folder = join(src, `m${Math.floor(i / 100)}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `f${i}.ts`), template(i));
  }
  writeFileSync(join(directory, "package.json"), JSON.stringify({ type: "module", private: true }));
  writeFileSync(
    join(directory, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "es2022",
        module: "nodenext",
        lib: ["es2023", "dom"],
        types: ["node"],
        strict: true,
        skipLibCheck: true,
        noEmit: true,
      },
      include: ["src"],
    }),
  );
  symlinkSync(nodeModules, join(directory, "node_modules"), "dir");
  return join(directory, "tsconfig.json");
}

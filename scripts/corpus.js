// Writes a deterministic synthetic TypeScript project for benchmarks: a few thousand files mixing
// stream-heavy code (the shapes the rules report, and their correct forms) with ordinary code.
// Each file is put together from three to five parts (about 30 to 90 lines), picked by its index
// alone, so the same count always gives the same project; one file in three leads with stream
// code. Some parts import a shared module of types and helpers, as real modules import each other.
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";

// A part is { imports: [...lines], body: (id) => text }; `id` makes its names unique in the file.
// Imports are deduplicated per file, so two parts may ask for the same module.
/** @typedef {{ imports: string[], body: (id: string) => string }} Part */
const NET = `import * as net from "node:net";`;
const FS_PROMISES = `import { open } from "node:fs/promises";`;
const FS = `import { createWriteStream, writeSync } from "node:fs";`;
const STREAM = `import { Transform, Writable, type Readable } from "node:stream";`;
const PIPELINE = `import { pipeline } from "node:stream/promises";`;
const EVENTS = `import { once, EventEmitter } from "node:events";`;
const HTTP = `import type { ServerResponse } from "node:http";`;
const SHARED = `import { type Result, type Row, ok, fail, chunk, formatRow } from "../shared/util.js";`;

/** @type {Part[]} */
const STREAM_PARTS = [
  // Reported: writes then destroy() on a socket.
  {
    imports: [NET],
    body: (
      id,
    ) => `export async function send${id}(sock: net.Socket, body: Buffer, chunks: AsyncIterable<Buffer>): Promise<void> {
  for await (const chunk of chunks) sock.write(chunk);
  sock.write(body);
  sock.destroy();
}
`,
  },
  // Reported: a writer's close() promise voided after writes.
  {
    imports: [],
    body: (
      id,
    ) => `export async function save${id}(writer: WritableStreamDefaultWriter<string>, rows: string[]): Promise<void> {
  for (const row of rows) {
    writer.write(row + "\\n");
  }
  void writer.close();
}
`,
  },
  // Reported: a FileHandle's sync() promise discarded into a variable.
  {
    imports: [FS_PROMISES],
    body: (id) => `export async function persist${id}(path: string, data: string): Promise<number> {
  const fh = await open(path, "w");
  const _ = fh.sync();
  await fh.write(data);
  await fh.close();
  return data.length;
}
`,
  },
  // Correct: end() after write() on an HTTP response.
  {
    imports: [HTTP],
    body: (id) => `export function respond${id}(res: ServerResponse, parts: string[]): void {
  res.write(parts[0] ?? "");
  res.end(parts.slice(1).join(""));
}
`,
  },
  // Reported: process.exit() right after a write to stdout.
  {
    imports: [],
    body: (id) => `export function report${id}(lines: string[]): void {
  process.stdout.write(lines.join("\\n"));
  process.exit(lines.length > 0 ? 0 : 1);
}
`,
  },
  // Correct: a write loop that waits for 'drain', then end() and 'finish'.
  {
    imports: [FS, EVENTS],
    body: (id) => `export async function dump${id}(path: string, rows: readonly string[]): Promise<void> {
  const out = createWriteStream(path, { flags: "a" });
  for (const row of rows) {
    if (!out.write(row + "\\n")) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}
`,
  },
  // Reported: a write loop that ignores write()'s return value.
  {
    imports: [FS],
    body: (id) => `export function spill${id}(path: string, rows: readonly string[]): void {
  const out = createWriteStream(path);
  for (const row of rows) {
    out.write(row + "\\n");
  }
  out.end();
}
`,
  },
  // Correct: stream/promises pipeline through a Transform.
  {
    imports: [STREAM, PIPELINE, FS],
    body: (id) => `export function upper${id}(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      callback(null, chunk.toString("utf8").toUpperCase());
    },
  });
}
export async function copyUpper${id}(source: Readable, path: string): Promise<void> {
  await pipeline(source, upper${id}(), createWriteStream(path));
}
`,
  },
  // Reported: writeSync()'s byte count ignored on a file descriptor.
  {
    imports: [FS],
    body: (id) => `export function writeAll${id}(fd: number, text: string): void {
  const data = Buffer.from(text);
  writeSync(fd, data, 0, data.length);
}
`,
  },
  // Correct: a custom Writable that collects rows, awaited through 'finish'.
  {
    imports: [STREAM, EVENTS, SHARED],
    body: (id) => `export class RowSink${id} extends Writable {
  readonly rows: Row[] = [];
  constructor() {
    super({ objectMode: true });
  }
  override _write(row: Row, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.rows.push(row);
    callback();
  }
}
export async function collect${id}(rows: readonly Row[]): Promise<string[]> {
  const sink = new RowSink${id}();
  for (const row of rows) sink.write(row);
  sink.end();
  await once(sink, "finish");
  return sink.rows.map(formatRow);
}
`,
  },
];

/** @type {Part[]} */
const ORDINARY_PARTS = [
  {
    imports: [],
    body: (id) => `export interface Point${id} { readonly x: number; readonly y: number }
export function distance${id}(a: Point${id}, b: Point${id}): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}
export class Cache${id}<T> {
  private readonly entries = new Map<string, T>();
  write(key: string, value: T): void { this.entries.set(key, value); }
  close(): void { this.entries.clear(); }
}
`,
  },
  {
    imports: [],
    body: (id) => `export type Shape${id} = { kind: "circle"; r: number } | { kind: "square"; side: number };
export function area${id}(shape: Shape${id}): number {
  switch (shape.kind) {
    case "circle": return Math.PI * shape.r ** 2;
    case "square": return shape.side ** 2;
  }
}
export const total${id} = (shapes: Shape${id}[]) => shapes.reduce((sum, s) => sum + area${id}(s), 0);
`,
  },
  {
    imports: [],
    body: (id) => `export async function fetchAll${id}(urls: string[]): Promise<string[]> {
  const results: string[] = [];
  for (const url of urls) {
    const text = await Promise.resolve(url.toUpperCase());
    results.push(text);
  }
  return results.filter((r) => r.length > ${id.length % 7});
}
`,
  },
  {
    imports: [SHARED],
    body: (id) => `export function parseRow${id}(line: string): Result<Row> {
  const [key, value, ...rest] = line.split(",");
  if (key === undefined || value === undefined || rest.length > 0) return fail(\`bad row: \${line}\`);
  const amount = Number(value);
  return Number.isFinite(amount) ? ok({ key, amount }) : fail(\`bad amount: \${value}\`);
}
export function parseAll${id}(text: string): { rows: Row[]; errors: string[] } {
  const rows: Row[] = [];
  const errors: string[] = [];
  for (const line of text.split("\\n")) {
    const result = parseRow${id}(line);
    if (result.ok) rows.push(result.value);
    else errors.push(result.error);
  }
  return { rows, errors };
}
`,
  },
  {
    imports: [EVENTS],
    body: (id) => `export interface Job${id} { readonly name: string; run(): Promise<number> }
export class Queue${id} extends EventEmitter {
  private readonly pending: Job${id}[] = [];
  private running = 0;
  constructor(private readonly limit = 4) {
    super();
  }
  push(job: Job${id}): void {
    this.pending.push(job);
    void this.next();
  }
  private async next(): Promise<void> {
    if (this.running >= this.limit) return;
    const job = this.pending.shift();
    if (!job) return;
    this.running++;
    try {
      this.emit("done", job.name, await job.run());
    } catch (error) {
      this.emit("failed", job.name, error);
    } finally {
      this.running--;
      void this.next();
    }
  }
}
`,
  },
  {
    imports: [SHARED],
    body: (
      id,
    ) => `export type Readonlyish${id}<T> = { readonly [K in keyof T]: T[K] extends object ? Readonlyish${id}<T[K]> : T[K] };
export type Handlers${id}<E extends Record<string, unknown[]>> = { [K in keyof E]?: (...args: E[K]) => void };
export function group${id}<T, K extends PropertyKey>(items: readonly T[], key: (item: T) => K): Record<K, T[]> {
  const groups = {} as Record<K, T[]>;
  for (const item of items) (groups[key(item)] ??= []).push(item);
  return groups;
}
export function batches${id}(rows: readonly Row[]): Row[][] {
  return chunk(rows, ${8 + (id.length % 5)});
}
export function freeze${id}<T extends object>(value: T): Readonlyish${id}<T> {
  return Object.freeze(value) as Readonlyish${id}<T>;
}
`,
  },
  {
    imports: [],
    body: (id) => `export async function retry${id}<T>(task: () => Promise<T>, attempts = 3): Promise<T> {
  let last: unknown;
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      return await task();
    } catch (error) {
      last = error;
      await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt));
    }
  }
  throw last instanceof Error ? last : new Error(String(last));
}
export function debounce${id}<A extends unknown[]>(fn: (...args: A) => void, ms: number): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
`,
  },
];

const SHARED_MODULE = `export type Result<T> = { ok: true; value: T } | { ok: false; error: string };
export interface Row { readonly key: string; readonly amount: number }
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: string): Result<T> => ({ ok: false, error });
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
export function formatRow(row: Row): string {
  return \`\${row.key}=\${row.amount.toFixed(2)}\`;
}
`;

/**
 * The parts of file `i`: a stream part first in one file in three, then two to four others.
 * @param {number} i
 */
function partsOf(i) {
  /** @type {Part[]} */
  const parts = [];
  if (i % 3 === 0) {
    parts.push(STREAM_PARTS[Math.floor(i / 3) % STREAM_PARTS.length]);
    // Every other stream-heavy file has a second stream part.
    if (i % 6 === 0) parts.push(STREAM_PARTS[(Math.floor(i / 3) * 7 + 3) % STREAM_PARTS.length]);
  }
  const extra = 2 + (i % 3);
  for (let k = 0; k < extra; k++) parts.push(ORDINARY_PARTS[(i * 5 + k * 3) % ORDINARY_PARTS.length]);
  return parts;
}

/**
 * The text of file `i`.
 * @param {number} i
 */
export function corpusFile(i) {
  /** @type {Set<string>} */
  const imports = new Set();
  /** @type {string[]} */
  const bodies = [];
  partsOf(i).forEach((part, k) => {
    for (const line of part.imports) imports.add(line);
    bodies.push(part.body(`${i}_${k}`));
  });
  return `${[...imports].join("\n")}${imports.size > 0 ? "\n\n" : ""}${bodies.join("\n")}`;
}

/**
 * Writes `fileCount` files under `directory` (one in three stream-heavy) and a shared module, a
 * tsconfig and a package.json, and links `nodeModules` so that @types/node resolves. Returns the
 * tsconfig path.
 * @param {string} directory
 * @param {number} fileCount
 * @param {string} nodeModules
 */
export function writeCorpus(directory, fileCount, nodeModules) {
  const src = join(directory, "src");
  mkdirSync(join(src, "shared"), { recursive: true });
  writeFileSync(join(src, "shared", "util.ts"), SHARED_MODULE);
  for (let i = 0; i < fileCount; i++) {
    const folder = join(src, `m${Math.floor(i / 100)}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `f${i}.ts`), corpusFile(i));
  }
  return writeProjectFiles(directory, nodeModules);
}

/**
 * The package.json and strict tsconfig of a generated project, and its link to `nodeModules`.
 * @param {string} directory
 * @param {string} nodeModules
 */
function writeProjectFiles(directory, nodeModules) {
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

// One file with many sites the codemod rewrites, for the cost per site: a user's file with 2,000
// sites took 41 s, one with 15,000 did not finish, because of per-site work over the whole file.
// Each site is a small function of its own, one of four kinds in turn, covering the three
// transforms: a discarded writer promise, writes then destroy(), writes then process.exit(), and
// a write loop ignoring backpressure (reported by the recommended rules too: fed by `for await`).
/** @type {((id: number) => string)[]} */
const SITE_KINDS = [
  (id) => `export async function save${id}(writer: WritableStreamDefaultWriter<string>, row: string): Promise<void> {
  writer.write(row);
}
`,
  (id) => `export async function send${id}(sock: net.Socket, body: Buffer): Promise<void> {
  sock.write(body);
  sock.destroy();
}
`,
  (id) => `export async function report${id}(lines: string[]): Promise<void> {
  process.stdout.write(lines.join("\\n"));
  process.exit(1);
}
`,
  (id) => `export async function spill${id}(out: Writable, rows: AsyncIterable<string>): Promise<void> {
  for await (const row of rows) {
    out.write(row);
  }
}
`,
];

/**
 * The text of a file with `sites` sites, the kinds in turn.
 * @param {number} sites
 */
export function manySitesFile(sites) {
  const imports = `import type * as net from "node:net";\nimport type { Writable } from "node:stream";\n`;
  const bodies = Array.from({ length: sites }, (_, i) => SITE_KINDS[i % SITE_KINDS.length](i));
  return `${imports}\n${bodies.join("\n")}`;
}

/**
 * Writes a one-file project (src/many.ts with `sites` sites) under `directory`; returns its file.
 * @param {string} directory
 * @param {number} sites
 * @param {string} nodeModules
 */
export function writeManySitesProject(directory, sites, nodeModules) {
  mkdirSync(join(directory, "src"), { recursive: true });
  const file = join(directory, "src", "many.ts");
  writeFileSync(file, manySitesFile(sites));
  writeProjectFiles(directory, nodeModules);
  return file;
}

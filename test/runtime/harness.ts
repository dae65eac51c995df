/**
 * The runtime proof suite's harness (test/runtime/proof.test.ts): a deliberately slow reader on
 * the far end of a Unix domain socket, of a child process's stdout pipe, of an HTTP connection
 * over a Unix socket and of a raw connection whose upgrade an HTTP server answers, each reporting
 * what it received and how the stream ended; and the plumbing that lints, rewrites and runs the
 * scenario files in test/runtime/scenarios/.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath, pathToFileURL } from "node:url";

import { Linter } from "eslint";
import ts from "typescript";
import tseslint from "typescript-eslint";

import { runCodemod, type SiteReport } from "../../src/codemod/run-codemod.js";
import plugin from "../../src/index.js";

export const KiB = 1024;
export const MiB = 1024 * KiB;

export const scenariosDir = fileURLToPath(new URL("scenarios", import.meta.url));
export const scenariosTsconfig = path.join(scenariosDir, "tsconfig.json");

export function scenarioPath(name: string): string {
  return path.join(scenariosDir, name);
}

// ---- bounded waiting -------------------------------------------------------------------------

export class TimeoutError extends Error {}

/** `promise`, or a `TimeoutError` after `ms`: nothing in the suite waits without a bound. */
export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  const controller = new AbortController();
  const timeout = sleep(ms, undefined, { signal: controller.signal }).then(
    () => Promise.reject(new TimeoutError(`${what}: not done after ${ms} ms`)),
    () => new Promise<never>(() => {}),
  );
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    controller.abort();
  }
}

/** Runs `fn` and returns how long it took, in milliseconds, with its result. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - started };
}

// ---- the slow reader -------------------------------------------------------------------------

/** How a stream ended for its reader. */
export type Ending =
  /** `"end"`: the writer finished the stream, as far as the reader can tell. */
  | "end"
  /** `"error"`: the stream failed with an error (its code in `errorCode`). */
  | "error"
  /** `"premature-close"`: the stream closed without `"end"` and without an error. */
  | "premature-close";

export interface ReadReport {
  readonly bytes: number;
  readonly reads: number;
  readonly ending: Ending;
  readonly errorCode: string | undefined;
}

export interface SlowReaderOptions {
  /** Pause after each chunk read, in milliseconds. */
  readonly pauseMs: number;
}

/**
 * Reads `stream` slowly: after each chunk it pauses the stream and resumes it `pauseMs` later, so
 * the writer's data piles up in the kernel and in the writer's own buffers. Resolves once the
 * stream ends, fails or closes.
 */
export function readSlowly(stream: Readable, { pauseMs }: SlowReaderOptions): Promise<ReadReport> {
  let bytes = 0;
  let reads = 0;
  let timer: NodeJS.Timeout | undefined;
  stream.on("data", (chunk: Buffer) => {
    bytes += chunk.length;
    reads++;
    stream.pause();
    timer = setTimeout(() => stream.resume(), pauseMs);
  });
  return new Promise((resolve) => {
    let settled = false;
    const settle = (ending: Ending, error?: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const errorCode = error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message) : undefined;
      resolve({ bytes, reads, ending, errorCode });
    };
    stream.once("end", () => settle("end"));
    stream.once("error", (error) => settle("error", error));
    stream.once("close", () => {
      // "close" can come in the same tick as "end" or "error": let those be seen first.
      setImmediate(() => settle("premature-close"));
    });
  });
}

// ---- temporary folders -----------------------------------------------------------------------

export async function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

// ---- (1) a Unix domain socket ----------------------------------------------------------------

export interface SocketPair {
  /** The writer's end, handed to the scenario. */
  readonly client: net.Socket;
  /** The reader's end. */
  readonly peer: net.Socket;
}

/**
 * A connected pair over a Unix domain socket in `dir`, through a server of its own (so that
 * concurrent transfers can never swap their ends); `close()` destroys both ends and the server.
 */
export async function connectPair(dir: string): Promise<SocketPair & { close: () => Promise<void> }> {
  const socketPath = path.join(dir, `reader-${Math.random().toString(36).slice(2)}.sock`);
  const server = net.createServer();
  server.listen(socketPath);
  await within(once(server, "listening"), 5_000, "listen");
  const accepted = once(server, "connection") as Promise<[net.Socket]>;
  const client = net.createConnection(socketPath);
  await within(once(client, "connect"), 5_000, "connect");
  const [peer] = await within(accepted, 5_000, "accept");
  return {
    client,
    peer,
    close: async () => {
      client.destroy();
      peer.destroy();
      const closed = once(server, "close");
      server.close();
      await within(closed, 5_000, "server close");
    },
  };
}

export interface TransferReport extends ReadReport {
  readonly sent: number;
  /** How long from the scenario's start to the reader's last event. */
  readonly ms: number;
  /** Whether the scenario's own promise rejected (its message if so). */
  readonly scenarioError: string | undefined;
}

/**
 * Connects a pair in `dir`, hands the writer's end to `scenario`, reads the far end slowly, and
 * reports what arrived. The reader's end is closed afterwards in every case.
 */
export async function transferOverSocket(
  dir: string,
  sent: number,
  scenario: (socket: net.Socket) => Promise<unknown>,
  options: SlowReaderOptions & { readonly timeoutMs: number },
): Promise<TransferReport> {
  const { client, peer, close } = await connectPair(dir);
  // The reader answers the writer's end of stream with its own, as a well-behaved peer does.
  peer.once("end", () => peer.end());
  client.on("error", () => {});
  const started = performance.now();
  const reading = readSlowly(peer, options);
  let scenarioError: string | undefined;
  try {
    const [report] = await within(
      Promise.all([
        reading,
        scenario(client).catch((error: unknown) => {
          scenarioError = error instanceof Error ? error.message : String(error);
        }),
      ]),
      options.timeoutMs,
      "socket transfer",
    );
    const ms = performance.now() - started;
    // The reader answered with its own end: let the writer's end see it and close by itself, so
    // that what the scenario left running (an unawaited close()) settles before the teardown.
    if (!client.destroyed) await within(once(client, "close"), 2_000, "writer close").catch(() => {});
    return { ...report, sent, ms, scenarioError };
  } finally {
    await close();
  }
}

// ---- (2) a pipe to a child process -----------------------------------------------------------

export interface ChildReport extends ReadReport {
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
  readonly ms: number;
}

export interface ChildOptions extends SlowReaderOptions {
  readonly timeoutMs: number;
  /** Written to the child's stdin, which then stays open, as a terminal's does, until the child exits. */
  readonly stdin?: string;
}

/**
 * Runs `node script ...args` with its stdout a pipe that the parent reads slowly. The child is
 * killed if it has not exited within `timeoutMs` (and the run then fails with a `TimeoutError`).
 */
export async function runChild(script: string, args: readonly string[], options: ChildOptions): Promise<ChildReport> {
  const started = performance.now();
  const child = spawn(process.execPath, [script, ...args], { stdio: "pipe" });
  child.stdin.on("error", () => {});
  if (options.stdin === undefined) child.stdin.end();
  else child.stdin.write(options.stdin);
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
  const reading = readSlowly(child.stdout, options);
  const exited = once(child, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
  try {
    const [report, [exitCode, signal]] = await within(
      Promise.all([reading, exited]),
      options.timeoutMs,
      `node ${script}`,
    );
    return { ...report, exitCode, signal, stderr, ms: performance.now() - started };
  } finally {
    // Node destroys the child's stdin when the child exits, killed or not.
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
}

// ---- (3) an HTTP server on a Unix socket -----------------------------------------------------

export interface HttpReport extends ReadReport {
  readonly sent: number;
  readonly status: number | undefined;
  /** The announced Content-Length, if any. */
  readonly contentLength: number | undefined;
  /** The client's own verdict: `IncomingMessage.complete`. */
  readonly complete: boolean;
  /** Whether the body was shorter than its announced Content-Length. */
  readonly shorterThanContentLength: boolean;
  readonly ms: number;
  readonly handlerError: string | undefined;
}

/**
 * Serves one request with `handler` over an HTTP server on a Unix socket in `dir`, fetches it with
 * Node's HTTP client, reads the body slowly, and reports what the client saw.
 */
export async function fetchOverHttp(
  dir: string,
  sent: number,
  handler: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<unknown>,
  options: SlowReaderOptions & { readonly timeoutMs: number },
): Promise<HttpReport> {
  const socketPath = path.join(dir, `http-${Math.random().toString(36).slice(2)}.sock`);
  let handlerError: string | undefined;
  let handled: Promise<unknown> = Promise.resolve();
  const server = http.createServer((req, res) => {
    handled = handler(req, res).catch((error: unknown) => {
      handlerError = error instanceof Error ? error.message : String(error);
    });
  });
  server.listen(socketPath);
  await once(server, "listening");
  const started = performance.now();
  const request = http.get({ socketPath, path: "/", agent: false });
  try {
    return await within(
      (async () => {
        let response: http.IncomingMessage;
        try {
          [response] = (await once(request, "response")) as [http.IncomingMessage];
        } catch (error) {
          // No response at all: the connection closed before the status line arrived.
          await handled;
          const errorCode = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
          const failed: ReadReport = { bytes: 0, reads: 0, ending: "error", errorCode };
          return {
            ...failed,
            sent,
            status: undefined,
            contentLength: undefined,
            complete: false,
            shorterThanContentLength: false,
            ms: performance.now() - started,
            handlerError,
          };
        }
        const header = response.headers["content-length"];
        const contentLength = header === undefined ? undefined : Number(header);
        const report = await readSlowly(response, options);
        await handled;
        return {
          ...report,
          sent,
          status: response.statusCode,
          contentLength,
          complete: response.complete,
          shorterThanContentLength: contentLength !== undefined && report.bytes < contentLength,
          ms: performance.now() - started,
          handlerError,
        };
      })(),
      options.timeoutMs,
      "HTTP transfer",
    );
  } finally {
    request.destroy();
    server.closeAllConnections();
    server.close();
  }
}

// ---- (4) an HTTP server's "upgrade" listener, over TCP on loopback or a Unix socket ----------

/** How the client reaches the server: TCP on 127.0.0.1, on a port the kernel picks, or a Unix socket. */
export type Transport = "tcp" | "unix";

/** What the client sends: a WebSocket-style upgrade request, which the server's "upgrade" listeners get. */
export const UPGRADE_REQUEST =
  "GET /chat HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n";

export interface UpgradeReport extends ReadReport {
  /** Every byte the client received, in order. */
  readonly received: Buffer;
  /** How long from the request to the reader's last event. */
  readonly ms: number;
}

/**
 * Starts an HTTP server (TCP on 127.0.0.1, or a Unix socket in `dir`), lets `install` register its
 * listeners, opens a raw connection to it, sends `UPGRADE_REQUEST`, reads the answer slowly, and
 * reports every byte received and how the stream ended. The server and every connection are
 * closed afterwards in every case.
 */
export async function upgradeOverHttp(
  dir: string,
  transport: Transport,
  install: (server: http.Server) => void,
  options: SlowReaderOptions & { readonly timeoutMs: number },
): Promise<UpgradeReport> {
  const server = http.createServer();
  // An upgraded socket is the listener's, no longer the HTTP server's: closeAllConnections() misses it.
  const accepted = new Set<net.Socket>();
  server.on("connection", (socket: net.Socket) => accepted.add(socket));
  install(server);
  if (transport === "tcp") server.listen(0, "127.0.0.1");
  else server.listen(path.join(dir, `upgrade-${Math.random().toString(36).slice(2)}.sock`));
  await within(once(server, "listening"), 5_000, "listen");
  const address = server.address()!;
  const client =
    typeof address === "string" ? net.createConnection(address) : net.createConnection(address.port, address.address);
  const chunks: Buffer[] = [];
  client.on("data", (chunk: Buffer) => chunks.push(chunk));
  const started = performance.now();
  const reading = readSlowly(client, options);
  client.once("connect", () => client.write(UPGRADE_REQUEST));
  try {
    const report = await within(reading, options.timeoutMs, `upgrade over ${transport}`);
    return { ...report, received: Buffer.concat(chunks), ms: performance.now() - started };
  } finally {
    client.destroy();
    for (const socket of accepted) socket.destroy();
    const closed = once(server, "close");
    server.close();
    await within(closed, 5_000, "server close");
  }
}

// ---- recording what the trials saw -----------------------------------------------------------

const verbose = process.env.PROOF_VERBOSE !== undefined;

/** With PROOF_VERBOSE set, prints what every trial of `scenario` received, out of `sent`. */
export function record(
  scenario: string,
  what: string,
  trials: readonly { bytes: number }[],
  sent: number,
  extra = "",
): void {
  if (verbose) {
    console.log(`[proof] ${scenario}, ${what}: ${trials.map((t) => `${t.bytes}/${sent}`).join(", ")}${extra}`);
  }
}

// ---- the scenarios: lint, rewrite, run -------------------------------------------------------

const linter = new Linter({ configType: "flat", cwd: scenariosDir });

/**
 * Lints `code` as the file `file` with the plugin's recommended config, over the scenarios'
 * tsconfig. Inline `eslint-disable` comments are ignored: they are there for the repository's own
 * lint, which must not fail on code that is buggy on purpose.
 */
export function lintScenario(file: string, code: string): Linter.LintMessage[] {
  const config: Linter.Config[] = [
    {
      files: ["**/*.ts", "**/*.cts"],
      languageOptions: {
        parser: tseslint.parser,
        parserOptions: { projectService: true, tsconfigRootDir: scenariosDir },
      },
      plugins: { flush: plugin as unknown as NonNullable<Linter.Config["plugins"]>[string] },
      rules: plugin.configs.recommended.rules,
    },
  ];
  return linter.verify(code, config, { filename: file, allowInlineConfig: false });
}

/** Lints the scenario `name`.ts; its no-shutdown-before-flush messages. Throws if it does not parse. */
export function shutdownReports(name: string): Linter.LintMessage[] {
  const file = scenarioPath(`${name}.ts`);
  const messages = lintScenario(file, readFileSync(file, "utf8"));
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`${name}.ts:${fatal.line}: ${fatal.message}`);
  return messages.filter((message) => message.ruleId === "flush/no-shutdown-before-flush");
}

/** 1-based line of the first line of `code` that contains `text`. */
export function lineOf(code: string, text: string): number {
  const index = code.split("\n").findIndex((line) => line.includes(text));
  if (index < 0) throw new Error(`no line contains ${JSON.stringify(text)}`);
  return index + 1;
}

export interface Rewritten {
  readonly text: string | undefined;
  readonly sites: readonly SiteReport[];
}

/** Runs the codemod, changing nothing on disk, over `files`: the rewritten text of each and its sites. */
export function rewriteScenarios(files: readonly string[]): Map<string, Rewritten> {
  const report = runCodemod({ tsconfig: scenariosTsconfig, files, dry: true, force: false });
  return new Map(report.files.map((file) => [file.file, { text: file.rewritten, sites: file.sites }]));
}

/** Applies the text of ESLint suggestion `fix` to `code`. */
export function applyFix(code: string, fix: { range: readonly [number, number]; text: string }): string {
  return code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
}

/** Compiles TypeScript `code` to an ES module `name`.mjs (or a CommonJS script `name`.cjs) in `dir`; returns its path. */
export async function transpileTo(
  dir: string,
  name: string,
  code: string,
  format: "esm" | "commonjs" = "esm",
): Promise<string> {
  const commonjs = format === "commonjs";
  const { outputText, diagnostics } = ts.transpileModule(code, {
    compilerOptions: {
      module: commonjs ? ts.ModuleKind.CommonJS : ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      verbatimModuleSyntax: true,
    },
    reportDiagnostics: true,
    fileName: `${name}.${commonjs ? "cts" : "ts"}`,
  });
  if (diagnostics && diagnostics.length > 0) {
    throw new Error(`${name}: ${ts.flattenDiagnosticMessageText(diagnostics[0].messageText, " ")}`);
  }
  const file = path.join(dir, `${name}.${commonjs ? "cjs" : "mjs"}`);
  await writeFile(file, outputText);
  return file;
}

/** Compiles `code` and imports it. */
export async function importTranspiled<T>(dir: string, name: string, code: string): Promise<T> {
  const file = await transpileTo(dir, name, code);
  return (await import(pathToFileURL(file).href)) as T;
}

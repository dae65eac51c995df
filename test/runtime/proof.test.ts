/**
 * The runtime proof (issue 4): for each pattern family the rules report, a scenario file in
 * test/runtime/scenarios/ holds the code a user would write. For each one this suite
 *
 *   1. lints the file with the real plugin and checks that the expected rule reports it;
 *   2. runs it against a deliberately slow reader (harness.ts) and checks that data is really lost;
 *   3. runs the codemod on it (dry) and checks that the rewritten code delivers every byte, in
 *      every one of several trials;
 *   4. checks that the rewritten code finishes within a bound: it does not deadlock.
 *
 * Shapes that look like the bug but that Node makes safe get a "no loss" test instead, and a check
 * that no-shutdown-before-flush leaves them alone.
 *
 * Set PROOF_VERBOSE=1 to print what every trial observed. Observed on Node 20.20, Linux, 8 MiB
 * payloads, a reader pausing 5 ms per chunk, 5 trials each (received / sent, every trial):
 *
 *   socket write()+destroy(), async or sync     219,264 / 8,388,608, clean end   rewrite: all
 *   socket end()+destroy()                      219,264 / 8,388,608, clean end   rewrite: all
 *   HTTP Content-Length, destroy after a tick   196,482, 200 then ECONNRESET     rewrite: all
 *   HTTP, destroy in the same tick              0, no response: ECONNRESET       rewrite: all
 *   HTTP close-delimited, destroy after a tick  219,149, 200 and a clean end     rewrite: all
 *   piped stdout + process.exit()               219,264 or 328,896, exit 0       rewrite: all
 *   createWriteStream() + process.exit()        no file at all                   left for a person
 *   writeFile() + process.exit()                an empty file                    rewrite (await): all
 *   WHATWG writer write()+abort()               0, clean end                     close(): all
 *   backpressure loop, peak writableLength      8,192,000                        rewrite: 65,536
 */
import { readFileSync } from "node:fs";
import { open, stat, type FileHandle } from "node:fs/promises";
import type http from "node:http";
import type net from "node:net";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { MANUAL_REASONS } from "../../src/core/fixes/rewrites.js";

import {
  applyFix,
  fetchOverHttp,
  importTranspiled,
  lineOf,
  lintScenario,
  makeTempDir,
  record,
  MiB,
  KiB,
  removeDir,
  rewriteScenarios,
  runChild,
  scenarioPath,
  transferOverSocket,
  transpileTo,
  type Rewritten,
} from "./harness.js";

/** Big enough to overflow every buffer between writer and reader (kernel socket buffers are ~200 KiB, pipes 64 KiB). */
const PAYLOAD = 8 * MiB;
/** The reader pauses this long after every chunk it reads. */
const PAUSE_MS = 5;
/** Runs of each scenario: the original must lose data in every one, the rewrite deliver everything in every one. */
const TRIALS = 5;
/** The rewritten code must be done within this: a slow read of the payload takes well under a second. */
const BOUND_MS = 10_000;

const SCENARIOS = [
  "socket-write-destroy",
  "socket-write-destroy-sync",
  "socket-end-destroy",
  "http-content-length-destroy",
  "http-destroy-same-tick",
  "http-close-delimited-destroy",
  "stdout-exit",
  "stdout-exit-mid-flow",
  "file-stream-exit",
  "write-file-exit",
  "whatwg-writer-abort",
  "backpressure-loop",
  "safe-shapes",
  "file-handle-write-exit",
  "stdout-small-exit",
] as const;
type ScenarioName = (typeof SCENARIOS)[number];

interface Scenario {
  readonly name: ScenarioName;
  readonly file: string;
  readonly code: string;
  readonly rewrite: Rewritten;
}

let dir: string;
const scenarios = new Map<ScenarioName, Scenario>();

beforeAll(async () => {
  dir = await makeTempDir("flush-proof-");
  const files = SCENARIOS.map((name) => scenarioPath(`${name}.ts`));
  const rewrites = rewriteScenarios(files);
  SCENARIOS.forEach((name, index) => {
    const file = files[index];
    scenarios.set(name, { name, file, code: readFileSync(file, "utf8"), rewrite: rewrites.get(file)! });
  });
});

afterAll(async () => {
  await removeDir(dir);
});

function get(name: ScenarioName): Scenario {
  return scenarios.get(name)!;
}

/** The rewritten text of a scenario; fails if the codemod left it unchanged. */
function rewritten(name: ScenarioName): string {
  const { rewrite } = get(name);
  expect(rewrite.text, `the codemod rewrites ${name}`).toBeDefined();
  return rewrite.text!;
}

/** Checks that `rule` reports the line containing `at`, and returns that rule's messages. */
function expectReport(name: ScenarioName, rule: string, at: string) {
  const { file, code } = get(name);
  const messages = lintScenario(file, code);
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  const reports = messages.filter((message) => message.ruleId === `flush/${rule}`);
  expect(reports.map((message) => message.line)).toContain(lineOf(code, at));
  return reports;
}

/** Checks that the codemod rewrote the site of `rule` and that `rule` no longer reports the result. */
function expectRewriteClean(name: ScenarioName, rule: string): void {
  const { file, rewrite } = get(name);
  expect(rewrite.sites.filter((site) => site.rule === rule).map((site) => site.rewritten)).toEqual([true]);
  const messages = lintScenario(file, rewritten(name));
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  expect(messages.filter((message) => message.ruleId === `flush/${rule}`)).toEqual([]);
}

function expectNoShutdownReport(name: ScenarioName): void {
  const { file, code } = get(name);
  const messages = lintScenario(file, code);
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  expect(messages.filter((message) => message.ruleId === "flush/no-shutdown-before-flush")).toEqual([]);
}

async function load<T>(name: string, code: string): Promise<T> {
  return importTranspiled<T>(dir, `${name}-${Math.random().toString(36).slice(2)}`, code);
}

const readOptions = { pauseMs: PAUSE_MS, timeoutMs: BOUND_MS };

type SocketScenario = (socket: net.Socket, payload: Buffer) => Promise<void>;

async function socketTrials(fn: SocketScenario, trials: number) {
  const payload = Buffer.alloc(PAYLOAD, 0x5a);
  const reports = [];
  for (let i = 0; i < trials; i++) {
    reports.push(await transferOverSocket(dir, PAYLOAD, (socket) => fn(socket, payload), readOptions));
  }
  return reports;
}

type HttpScenario = (res: http.ServerResponse, body: Buffer, audit: (line: string) => Promise<void>) => Promise<void>;

/** The scenarios' audit log: it takes a turn of the event loop, as writing a log line does. */
async function audit(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
}

async function httpTrials(fn: HttpScenario, trials: number) {
  const body = Buffer.alloc(PAYLOAD, 0x48);
  const reports = [];
  for (let i = 0; i < trials; i++) {
    reports.push(await fetchOverHttp(dir, PAYLOAD, (_req, res) => fn(res, body, audit), readOptions));
  }
  return reports;
}

async function childTrials(script: string, args: readonly string[], trials: number) {
  const reports = [];
  for (let i = 0; i < trials; i++) reports.push(await runChild(script, args, readOptions));
  return reports;
}

/** Wraps `socket.write` to record the most bytes the socket held in its own buffer right after a write. */
function trackBuffered(socket: net.Socket): () => number {
  let peak = 0;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the socket as `this`
  const write = socket.write;
  socket.write = function (this: net.Socket, ...args: Parameters<typeof write>) {
    const result = write.apply(this, args);
    peak = Math.max(peak, this.writableLength);
    return result;
  } as typeof write;
  return () => peak;
}

function describeEndings(reports: readonly { ending: string; errorCode: string | undefined }[]): string {
  return reports.map((report) => report.ending + (report.errorCode ? ` ${report.errorCode}` : "")).join(", ");
}

// Every scenario runs at once: the slow readers spend their time waiting on timers.
describe.concurrent("runtime proof", () => {
  describe("write() then destroy() on a Unix domain socket", () => {
    const name = "socket-write-destroy";
    type Module = { sendAndHangUp: SocketScenario };

    it("is reported by no-shutdown-before-flush", () => {
      expectReport(name, "no-shutdown-before-flush", "socket.destroy()");
    });

    it("loses most of the payload, and the reader sees a clean end of stream", async () => {
      const { sendAndHangUp } = await load<Module>(name, get(name).code);
      const reports = await socketTrials(sendAndHangUp, TRIALS);
      record(name, "original", reports, PAYLOAD, ` (${describeEndings(reports)})`);
      for (const report of reports) {
        expect(report.bytes).toBeLessThan(PAYLOAD / 2);
        expect(report.ending).toBe("end");
      }
    });

    it("the codemod's rewrite delivers every byte, every time, within the bound", async () => {
      expectRewriteClean(name, "no-shutdown-before-flush");
      const { sendAndHangUp } = await load<Module>(name, rewritten(name));
      const reports = await socketTrials(sendAndHangUp, TRIALS);
      record(name, "rewrite", reports, PAYLOAD, ` (${reports.map((r) => `${r.ms.toFixed(0)} ms`).join(", ")})`);
      for (const report of reports) {
        expect(report).toMatchObject({ bytes: PAYLOAD, ending: "end", scenarioError: undefined });
        expect(report.ms).toBeLessThan(BOUND_MS);
      }
    });
  });

  describe("write() then destroy() in a synchronous function", () => {
    const name = "socket-write-destroy-sync";
    type Module = { sendAndHangUp: (socket: net.Socket, payload: Buffer) => void };

    it("is reported by no-shutdown-before-flush", () => {
      expectReport(name, "no-shutdown-before-flush", "socket.destroy()");
    });

    it("loses most of the payload, and the reader sees a clean end of stream", async () => {
      const { sendAndHangUp } = await load<Module>(name, get(name).code);
      const reports = await socketTrials(
        // eslint-disable-next-line @typescript-eslint/require-await -- async makes the synchronous scenario's return and throw the promise a trial expects
        async (socket, payload) => sendAndHangUp(socket, payload),
        TRIALS,
      );
      record(name, "original", reports, PAYLOAD, ` (${describeEndings(reports)})`);
      for (const report of reports) {
        expect(report.bytes).toBeLessThan(PAYLOAD / 2);
        expect(report.ending).toBe("end");
      }
    });

    it("the codemod's end(() => destroy()) delivers every byte, every time, within the bound", async () => {
      expectRewriteClean(name, "no-shutdown-before-flush");
      expect(rewritten(name)).toContain("socket.end(() => socket.destroy())");
      const { sendAndHangUp } = await load<Module>(name, rewritten(name));
      const reports = await socketTrials(
        // eslint-disable-next-line @typescript-eslint/require-await -- async makes the synchronous scenario's return and throw the promise a trial expects
        async (socket, payload) => sendAndHangUp(socket, payload),
        TRIALS,
      );
      record(name, "rewrite", reports, PAYLOAD, ` (${reports.map((r) => `${r.ms.toFixed(0)} ms`).join(", ")})`);
      for (const report of reports) {
        expect(report).toMatchObject({ bytes: PAYLOAD, ending: "end", scenarioError: undefined });
        expect(report.ms).toBeLessThan(BOUND_MS);
      }
    });
  });

  describe("end() then destroy() on a Unix domain socket", () => {
    const name = "socket-end-destroy";
    type Module = { endAndHangUp: SocketScenario };

    it("is reported by no-shutdown-before-flush", () => {
      expectReport(name, "no-shutdown-before-flush", "socket.destroy()");
    });

    it("loses most of the payload, and the reader sees a clean end of stream", async () => {
      const { endAndHangUp } = await load<Module>(name, get(name).code);
      const reports = await socketTrials(endAndHangUp, TRIALS);
      record(name, "original", reports, PAYLOAD, ` (${describeEndings(reports)})`);
      for (const report of reports) {
        expect(report.bytes).toBeLessThan(PAYLOAD / 2);
        expect(report.ending).toBe("end");
      }
    });

    it("the codemod's rewrite delivers every byte, every time, within the bound", async () => {
      expectRewriteClean(name, "no-shutdown-before-flush");
      const { endAndHangUp } = await load<Module>(name, rewritten(name));
      const reports = await socketTrials(endAndHangUp, TRIALS);
      record(name, "rewrite", reports, PAYLOAD, ` (${reports.map((r) => `${r.ms.toFixed(0)} ms`).join(", ")})`);
      for (const report of reports) {
        expect(report).toMatchObject({ bytes: PAYLOAD, ending: "end", scenarioError: undefined });
        expect(report.ms).toBeLessThan(BOUND_MS);
      }
    });
  });

  describe("an HTTP response with Content-Length, written, then res.socket.destroy()", () => {
    const name = "http-content-length-destroy";
    type Module = { sendImage: HttpScenario };

    it("is reported by no-shutdown-before-flush", () => {
      expectReport(name, "no-shutdown-before-flush", "res.socket?.destroy()");
    });

    it("the client gets 200 and a body shorter than its Content-Length", async () => {
      const { sendImage } = await load<Module>(name, get(name).code);
      const reports = await httpTrials(sendImage, TRIALS);
      record(name, "original", reports, PAYLOAD, ` (${describeEndings(reports)})`);
      for (const report of reports) {
        expect(report).toMatchObject({
          status: 200,
          contentLength: PAYLOAD,
          complete: false,
          shorterThanContentLength: true,
          // Node's client notices: the body fails with "aborted".
          ending: "error",
          errorCode: "ECONNRESET",
        });
        expect(report.bytes).toBeLessThan(PAYLOAD / 2);
      }
    });

    it("the codemod's rewrite delivers the whole body, every time, within the bound", async () => {
      expectRewriteClean(name, "no-shutdown-before-flush");
      const { sendImage } = await load<Module>(name, rewritten(name));
      const reports = await httpTrials(sendImage, TRIALS);
      record(name, "rewrite", reports, PAYLOAD, ` (${reports.map((r) => `${r.ms.toFixed(0)} ms`).join(", ")})`);
      for (const report of reports) {
        expect(report).toMatchObject({
          status: 200,
          bytes: PAYLOAD,
          ending: "end",
          complete: true,
          shorterThanContentLength: false,
          handlerError: undefined,
        });
        expect(report.ms).toBeLessThan(BOUND_MS);
      }
    });
  });

  describe("an HTTP response written, then res.socket.destroy() in the same tick", () => {
    const name = "http-destroy-same-tick";
    type Module = { sendImage: (res: http.ServerResponse, body: Buffer) => Promise<void> };

    it("is reported by no-shutdown-before-flush", () => {
      expectReport(name, "no-shutdown-before-flush", "res.socket?.destroy()");
    });

    it("the client gets no response at all: the first write was still corked", async () => {
      const { sendImage } = await load<Module>(name, get(name).code);
      const reports = await httpTrials(sendImage, TRIALS);
      record(name, "original", reports, PAYLOAD, ` (${describeEndings(reports)})`);
      for (const report of reports) {
        expect(report).toMatchObject({ status: undefined, bytes: 0, ending: "error", errorCode: "ECONNRESET" });
      }
    });

    it("the codemod's rewrite delivers the whole body, every time, within the bound", async () => {
      expectRewriteClean(name, "no-shutdown-before-flush");
      const { sendImage } = await load<Module>(name, rewritten(name));
      const reports = await httpTrials(sendImage, TRIALS);
      record(name, "rewrite", reports, PAYLOAD, ` (${reports.map((r) => `${r.ms.toFixed(0)} ms`).join(", ")})`);
      for (const report of reports) {
        expect(report).toMatchObject({
          status: 200,
          bytes: PAYLOAD,
          ending: "end",
          complete: true,
          handlerError: undefined,
        });
        expect(report.ms).toBeLessThan(BOUND_MS);
      }
    });
  });

  describe("an HTTP body delimited by the connection's close, then res.socket.destroy()", () => {
    const name = "http-close-delimited-destroy";
    type Module = { sendUntilClose: HttpScenario };

    it("is reported by no-shutdown-before-flush", () => {
      expectReport(name, "no-shutdown-before-flush", "res.socket?.destroy()");
    });

    it("the client gets 200, a clean end and fewer bytes: it cannot tell", async () => {
      const { sendUntilClose } = await load<Module>(name, get(name).code);
      const reports = await httpTrials(sendUntilClose, TRIALS);
      record(name, "original", reports, PAYLOAD, ` (${describeEndings(reports)})`);
      for (const report of reports) {
        expect(report).toMatchObject({ status: 200, contentLength: undefined, ending: "end", complete: true });
        expect(report.bytes).toBeLessThan(PAYLOAD / 2);
      }
    });

    it("the codemod's rewrite delivers the whole body, every time, within the bound", async () => {
      expectRewriteClean(name, "no-shutdown-before-flush");
      const { sendUntilClose } = await load<Module>(name, rewritten(name));
      const reports = await httpTrials(sendUntilClose, TRIALS);
      record(name, "rewrite", reports, PAYLOAD, ` (${reports.map((r) => `${r.ms.toFixed(0)} ms`).join(", ")})`);
      for (const report of reports) {
        expect(report).toMatchObject({
          status: 200,
          bytes: PAYLOAD,
          ending: "end",
          complete: true,
          handlerError: undefined,
        });
        expect(report.ms).toBeLessThan(BOUND_MS);
      }
    });
  });

  describe("stdout written, then process.exit(), in a child whose stdout is a pipe", () => {
    for (const name of ["stdout-exit", "stdout-exit-mid-flow"] as const) {
      describe(name === "stdout-exit" ? "at the end of main()" : "in the middle of the program", () => {
        it("is reported by no-shutdown-before-flush", () => {
          expectReport(name, "no-shutdown-before-flush", "process.exit(0)");
        });

        it("loses most of the output; the parent sees a clean end and exit code 0", async () => {
          const script = await transpileTo(dir, `${name}-original`, get(name).code);
          const reports = await childTrials(script, [String(PAYLOAD)], TRIALS);
          record(name, "original", reports, PAYLOAD, ` (${describeEndings(reports)})`);
          for (const report of reports) {
            expect(report).toMatchObject({ exitCode: 0, ending: "end", stderr: "" });
            expect(report.bytes).toBeLessThan(PAYLOAD / 2);
          }
        });

        it("the codemod's rewrite delivers all output, every time, and still exits 0 within the bound", async () => {
          expectRewriteClean(name, "no-shutdown-before-flush");
          const script = await transpileTo(dir, `${name}-rewrite`, rewritten(name));
          const reports = await childTrials(script, [String(PAYLOAD)], TRIALS);
          record(name, "rewrite", reports, PAYLOAD, ` (${reports.map((r) => `${r.ms.toFixed(0)} ms`).join(", ")})`);
          for (const report of reports) {
            // The mid-flow rewrite still exits where the original did: "not reached" stays unreached.
            expect(report).toMatchObject({ exitCode: 0, ending: "end", stderr: "", bytes: PAYLOAD });
            expect(report.ms).toBeLessThan(BOUND_MS);
          }
        });
      });
    }
  });

  /** Runs a child that writes `PAYLOAD` bytes to a file it is given, `TRIALS` times; the file sizes (0 when missing). */
  async function fileSizes(name: ScenarioName, code: string, label: string): Promise<number[]> {
    const script = await transpileTo(dir, `${name}-${label}`, code);
    const result: number[] = [];
    for (let i = 0; i < TRIALS; i++) {
      const file = path.join(dir, `${name}-${label}-${i}.bin`);
      const report = await runChild(script, [file, String(PAYLOAD)], readOptions);
      expect(report).toMatchObject({ exitCode: 0, stderr: "" });
      expect(report.ms).toBeLessThan(BOUND_MS);
      // Files are opened asynchronously: an early exit can leave no file at all.
      result.push(
        await stat(file).then(
          (stats) => stats.size,
          () => 0,
        ),
      );
    }
    record(
      name,
      label,
      result.map((bytes) => ({ bytes })),
      PAYLOAD,
    );
    return result;
  }

  for (const [name, title] of [
    ["file-stream-exit", "fs.createWriteStream() written, then process.exit(), in a child"],
    ["write-file-exit", "fs/promises writeFile() not awaited, then process.exit(), in a child"],
  ] as const) {
    describe(title, () => {
      it("is reported by no-shutdown-before-flush", () => {
        expectReport(name, "no-shutdown-before-flush", "process.exit(0)");
      });

      it("leaves the file short", async () => {
        for (const size of await fileSizes(name, get(name).code, "original")) expect(size).toBeLessThan(PAYLOAD);
      });
    });
  }

  it("the codemod leaves process.exit() after a file stream's writes for a person: it has only stdio to wait on", () => {
    const { code, rewrite } = get("file-stream-exit");
    expect(rewrite.text).toBeUndefined();
    expect(rewrite.sites).toMatchObject([
      { line: lineOf(code, "process.exit(0)"), rewritten: false, reason: MANUAL_REASONS["no-handle-to-wait-on"] },
    ]);
  });

  it("the codemod's await on the writeFile() writes the whole file before the exit, every time, within the bound", async () => {
    const name = "write-file-exit";
    expectRewriteClean(name, "no-discarded-result");
    expect(
      lintScenario(get(name).file, rewritten(name)).filter((message) => message.ruleId?.startsWith("flush/")),
    ).toEqual([]);
    expect(await fileSizes(name, rewritten(name), "rewrite")).toEqual(Array<number>(TRIALS).fill(PAYLOAD));
  });

  describe("a WHATWG writer over Writable.toWeb(socket): write() then abort()", () => {
    const name = "whatwg-writer-abort";
    type Module = { sendThroughWriter: (socket: net.Socket, payload: Uint8Array) => Promise<void> };

    it("is reported by no-shutdown-before-flush, with a close() suggestion", () => {
      const [report] = expectReport(name, "no-shutdown-before-flush", "writer.abort()");
      expect(report.suggestions?.map((suggestion) => suggestion.fix.text)).toContain("writer.close()");
    });

    it("loses most of the payload", async () => {
      const { sendThroughWriter } = await load<Module>(name, get(name).code);
      const reports = await socketTrials(sendThroughWriter, TRIALS);
      record(name, "original", reports, PAYLOAD, ` (${describeEndings(reports)})`);
      for (const report of reports) expect(report.bytes).toBeLessThan(PAYLOAD / 2);
    });

    it("the codemod leaves the abort() to a person; the rule's close() suggestion delivers every byte", async () => {
      const { code, rewrite } = get(name);
      const abortSite = rewrite.sites.find((site) => site.rule === "no-shutdown-before-flush");
      expect(abortSite).toMatchObject({ line: lineOf(code, "writer.abort()"), rewritten: false });
      expect(abortSite!.reason).toMatch(/abort\(\)/);

      const [report] = expectReport(name, "no-shutdown-before-flush", "writer.abort()");
      const suggestion = report.suggestions!.find((candidate) => candidate.fix.text === "writer.close()")!;
      const { sendThroughWriter } = await load<Module>(`${name}-suggested`, applyFix(code, suggestion.fix));
      const reports = await socketTrials(sendThroughWriter, TRIALS);
      record(
        name,
        "close() suggestion",
        reports,
        PAYLOAD,
        ` (${reports.map((r) => `${r.ms.toFixed(0)} ms`).join(", ")})`,
      );
      for (const report of reports) {
        expect(report).toMatchObject({ bytes: PAYLOAD, ending: "end", scenarioError: undefined });
        expect(report.ms).toBeLessThan(BOUND_MS);
      }
    });
  });

  describe("a write loop that ignores backpressure", () => {
    const name = "backpressure-loop";
    const CHUNK = 64 * KiB;
    type Module = { sendChunks: (socket: net.Socket, chunks: AsyncIterable<Buffer>) => Promise<void> };

    /** A producer faster than the slow reader: a fresh chunk each time it is asked. */
    // eslint-disable-next-line @typescript-eslint/require-await -- an async source, as the scenario's `for await` reads: nothing to await in it
    async function* produce(count: number): AsyncGenerator<Buffer> {
      for (let i = 0; i < count; i++) yield Buffer.alloc(CHUNK, 0x42);
    }

    async function trials(code: string, label: string) {
      const { sendChunks } = await load<Module>(`${name}-${label}`, code);
      const results = [];
      for (let i = 0; i < TRIALS; i++) {
        let peak: () => number = () => 0;
        let highWaterMark = 0;
        const report = await transferOverSocket(
          dir,
          PAYLOAD,
          (socket) => {
            peak = trackBuffered(socket);
            highWaterMark = socket.writableHighWaterMark;
            return sendChunks(socket, produce(PAYLOAD / CHUNK));
          },
          readOptions,
        );
        results.push({ ...report, peak: peak(), highWaterMark });
      }
      record(name, label, results, PAYLOAD, ` (peak writableLength ${results.map((r) => r.peak).join(", ")})`);
      return results;
    }

    it("is reported by no-ignored-backpressure", () => {
      expectReport(name, "no-ignored-backpressure", "socket.write(chunk)");
    });

    it("delivers everything, but buffers most of the payload in the writer's memory", async () => {
      for (const result of await trials(get(name).code, "original")) {
        expect(result).toMatchObject({ bytes: PAYLOAD, ending: "end", scenarioError: undefined });
        expect(result.peak).toBeGreaterThan(PAYLOAD / 2);
      }
    });

    it("the codemod's rewrite delivers everything with the buffer bounded by the highWaterMark, within the bound", async () => {
      expectRewriteClean(name, "no-ignored-backpressure");
      for (const result of await trials(rewritten(name), "rewrite")) {
        expect(result).toMatchObject({ bytes: PAYLOAD, ending: "end", scenarioError: undefined });
        expect(result.peak).toBeLessThanOrEqual(result.highWaterMark + CHUNK);
        expect(result.ms).toBeLessThan(BOUND_MS);
      }
    });
  });

  describe("shapes Node makes safe", () => {
    const name = "safe-shapes";
    type Module = {
      writeThenEnd: (socket: net.Socket, payload: Buffer) => void;
      writeThenEndResponse: (res: http.ServerResponse, body: Buffer) => void;
      writeThenClose: (fh: FileHandle, chunks: readonly Buffer[]) => Promise<void>;
    };

    it("are not reported by no-shutdown-before-flush", () => {
      expectNoShutdownReport(name);
      expectNoShutdownReport("file-handle-write-exit");
      expectNoShutdownReport("stdout-small-exit");
    });

    it("write() then end() on a socket delivers every byte", async () => {
      const { writeThenEnd } = await load<Module>(name, get(name).code);
      const reports = await socketTrials(
        // eslint-disable-next-line @typescript-eslint/require-await -- async makes the synchronous scenario's return and throw the promise a trial expects
        async (socket, payload) => writeThenEnd(socket, payload),
        TRIALS,
      );
      record(name, "writeThenEnd", reports, PAYLOAD);
      for (const report of reports) expect(report).toMatchObject({ bytes: PAYLOAD, ending: "end" });
    });

    it("res.write() then res.end() delivers the whole body", async () => {
      const { writeThenEndResponse } = await load<Module>(name, get(name).code);
      const reports = await httpTrials(
        // eslint-disable-next-line @typescript-eslint/require-await -- async makes the synchronous scenario's return and throw the promise a trial expects
        async (res, body) => writeThenEndResponse(res, body),
        TRIALS,
      );
      record(name, "writeThenEndResponse", reports, PAYLOAD);
      for (const report of reports) {
        expect(report).toMatchObject({ status: 200, bytes: PAYLOAD, ending: "end", complete: true });
      }
    });

    it("FileHandle.close() after unawaited writes waits for them", async () => {
      const { writeThenClose } = await load<Module>(name, get(name).code);
      const chunk = Buffer.alloc(64 * KiB, 0x46);
      const sizes: number[] = [];
      for (let i = 0; i < TRIALS; i++) {
        const file = path.join(dir, `${name}-close-${i}.bin`);
        await writeThenClose(await open(file, "w"), Array<Buffer>(PAYLOAD / chunk.length).fill(chunk));
        sizes.push((await stat(file)).size);
      }
      record(
        name,
        "writeThenClose",
        sizes.map((bytes) => ({ bytes })),
        PAYLOAD,
      );
      expect(sizes).toEqual(Array<number>(TRIALS).fill(PAYLOAD));
    });

    it("a short literal written to a piped stdout, then process.exit(), arrives whole", async () => {
      const script = await transpileTo(dir, "stdout-small-exit", get("stdout-small-exit").code);
      const expected = Buffer.byteLength("report written to out.json\n");
      const reports = await childTrials(script, [], TRIALS);
      record("stdout-small-exit", "original", reports, expected);
      for (const report of reports) expect(report).toMatchObject({ exitCode: 0, ending: "end", bytes: expected });
    });

    it("a single unawaited FileHandle.write() then process.exit() writes the whole file", async () => {
      const script = await transpileTo(dir, "file-handle-write-exit", get("file-handle-write-exit").code);
      const sizes: number[] = [];
      for (let i = 0; i < TRIALS; i++) {
        const file = path.join(dir, `file-handle-write-exit-${i}.bin`);
        const report = await runChild(script, [file, String(PAYLOAD)], readOptions);
        expect(report).toMatchObject({ exitCode: 0, stderr: "" });
        sizes.push((await stat(file)).size);
      }
      record(
        "file-handle-write-exit",
        "original",
        sizes.map((bytes) => ({ bytes })),
        PAYLOAD,
      );
      expect(sizes).toEqual(Array<number>(TRIALS).fill(PAYLOAD));
    });
  });
});

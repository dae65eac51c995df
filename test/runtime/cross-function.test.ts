/**
 * The runtime proof for issue 10: three shapes where the write and the shutdown are in different
 * functions. For each one a scenario in test/runtime/scenarios/ holds the code as written, and a
 * fixed twin beside it (`<scenario>-fixed.ts`, written by hand, so that the runtime checks do not
 * depend on the analysis). For each shape this suite
 *
 *   1. runs the scenario as written and checks that data is lost;
 *   2. runs the fixed twin and checks that every byte arrives, in every trial, within the bound;
 *   3. lints the scenario with the real plugin (the source in src/, as test/runtime/proof.test.ts
 *      does) and checks that no-shutdown-before-flush reports the shutdown's call site, that the
 *      rule's endBeforeDestroy suggestion (shapes 1 and 2) and the codemod's rewrite (shape 1) give
 *      exactly the fixed twin, and that the fixed twins are not reported.
 *
 * The shapes:
 *
 *   helper-then-destroy   sendReply(sock, head, body) writes; the caller then calls sock.destroy().
 *                         Fixed: sock.end(() => sock.destroy()), the endBeforeDestroy suggestion.
 *   class-send-close      conn.send(big) writes this.socket; close() destroys it (reported in close()).
 *                         Fixed: close() calls this.socket.end(() => this.socket.destroy()).
 *   pipe-then-rename      src.pipe(createWriteStream(tmp)); await once(src, "end"); rename(tmp, dest).
 *                         Fixed: await pipeline(src, createWriteStream(tmp)) before the rename.
 *
 * For the sockets, the reader on a Unix socket in a temp folder pauses 5 ms per chunk, and 8 MiB
 * are sent: more than the kernel holds, so the destroy() right after the writes drops the rest,
 * whatever else runs. Every one of the 5 trials must lose; every fixed trial must deliver all.
 *
 * For the file, the source is Readable.from([one 8 MiB Buffer]): it ends before the file stream
 * has even opened its file, with the whole body still in the stream's buffer, and rename() then
 * publishes an empty or partly written file. A source of several chunks does not show it on Linux:
 * pipe() holds the source back until all but the last chunk are written, and rename(2) waits for a
 * write(2) in progress on the file (both take the inode's lock), so with 4 x 8 MiB or 512 x 64 KiB
 * the file was whole once rename() returned, in 40 of 40 trials each. The loss is a race between the
 * file stream's writes and the rename that this source makes one-sided, not certain: a trial counts
 * as lost when saveUpload() resolved and a read of dest right after it is short, and at least one
 * of the 10 trials must lose (in runs of 40, even with 6 such runs at once on 2 CPUs, 75 to 98% of
 * trials lost). A trial where rename() fails with ENOENT (it ran before the file was created) is
 * recorded, not counted. The file stream the original leaves running completes the file later.
 *
 * Set PROOF_VERBOSE=1 to print what every trial observed. Observed on Node 20.20, Linux (ext4),
 * received / sent in every trial:
 *
 *   helper-then-destroy   as written  219,279 / 8,388,623 in 5 of 5, clean end (17-21 ms)
 *                         fixed       8,388,623 / 8,388,623 in 5 of 5 (709-761 ms)
 *   class-send-close      as written  219,264 / 8,388,608 in 5 of 5, clean end (16-19 ms)
 *                         fixed       8,388,608 / 8,388,608 in 5 of 5 (735-786 ms)
 *   pipe-then-rename      as written  read right after saveUpload(), / 8,388,608:
 *                                     2,097,152 in 7 of 10 trials, 4,194,304 in 3; tmp held 0
 *                                     bytes when the source ended, in every trial. Two earlier
 *                                     runs: 0 to 4,194,304 in 9 of 10 and whole in 1; 2,097,152
 *                                     to 4,194,304 in 9 of 10 and an ENOENT from rename() in 1
 *                         fixed       8,388,608 / 8,388,608 in 10 of 10
 *
 * The lint checks at commit 3eaec08 (before the cross-function analysis): all six fail, no
 * no-shutdown-before-flush report on any of the three scenarios. With the analysis in progress
 * when this was written, all pass but pipe-then-rename's report at the rename().
 */
import { readFileSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type net from "node:net";
import path from "node:path";
import { Readable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  applyFix,
  importTranspiled,
  lineOf,
  lintScenario,
  makeTempDir,
  record,
  MiB,
  removeDir,
  rewriteScenarios,
  scenarioPath,
  transferOverSocket,
  within,
  type TransferReport,
} from "./harness.js";

/** Big enough to overflow every buffer between writer and reader (a Unix socket holds ~200 KiB). */
const PAYLOAD = 8 * MiB;
/** The socket reader pauses this long after every chunk it reads. */
const PAUSE_MS = 5;
/** Runs of each socket scenario: the original must lose in every one, the fix deliver in every one. */
const SOCKET_TRIALS = 5;
/** Runs of the file scenario: the original must lose in at least one, the fix deliver in every one. */
const FILE_TRIALS = 10;
/** Every run must be done within this: a slow read of the payload takes about a second. */
const BOUND_MS = 10_000;

const RULE = "flush/no-shutdown-before-flush";

let dir: string;

beforeAll(async () => {
  dir = await makeTempDir("flush-cross-function-");
});

afterAll(async () => {
  await removeDir(dir);
});

interface Source {
  readonly file: string;
  readonly code: string;
}

function source(name: string): Source {
  const file = scenarioPath(`${name}.ts`);
  return { file, code: readFileSync(file, "utf8") };
}

async function load<T>(name: string, code: string): Promise<T> {
  return importTranspiled<T>(dir, `${name}-${Math.random().toString(36).slice(2)}`, code);
}

/** Lints `name` and returns the no-shutdown-before-flush messages; fails on a parse error. */
function shutdownReports(name: string) {
  const { file, code } = source(name);
  const messages = lintScenario(file, code);
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  return messages.filter((message) => message.ruleId === RULE);
}

/** Checks that no-shutdown-before-flush reports the line of `name` containing `at`; returns that report. */
function expectReportAt(name: string, at: string) {
  const reports = shutdownReports(name);
  const line = lineOf(source(name).code, at);
  expect(
    reports.map((message) => message.line),
    `${RULE} reports line ${line} of ${name}.ts`,
  ).toContain(line);
  return reports.find((message) => message.line === line)!;
}

/** The code from the first import on: a scenario and its twin differ in their header comments. */
function body(code: string): string {
  return code.slice(code.indexOf("\nimport ") + 1);
}

function describeEndings(reports: readonly TransferReport[]): string {
  return reports
    .map((report) => report.ending + (report.errorCode ? ` ${report.errorCode}` : "") + ` ${report.ms.toFixed(0)} ms`)
    .join(", ");
}

/** Runs a synchronous socket scenario `SOCKET_TRIALS` times against the slow reader. */
async function socketTrials(sent: number, run: (socket: net.Socket) => void): Promise<TransferReport[]> {
  const reports = [];
  for (let i = 0; i < SOCKET_TRIALS; i++) {
    reports.push(
      await transferOverSocket(
        dir,
        sent,
        // A throw in the executor rejects: the synchronous scenario's throw becomes the trial's error.
        (socket) => new Promise<void>((resolve) => (run(socket), resolve())),
        { pauseMs: PAUSE_MS, timeoutMs: BOUND_MS },
      ),
    );
  }
  return reports;
}

describe("a helper writes, its caller destroys (helper-then-destroy)", () => {
  const name = "helper-then-destroy";
  type Module = { answerAndHangUp: (sock: net.Socket, head: string, body: Buffer) => void };
  const head = "reply 8388608\r\n";
  const sent = Buffer.byteLength(head) + PAYLOAD;
  const payload = Buffer.alloc(PAYLOAD, 0x5a);

  it("as written, loses most of the reply, and the reader sees a clean end of stream", async () => {
    const { answerAndHangUp } = await load<Module>(name, source(name).code);
    const reports = await socketTrials(sent, (socket) => answerAndHangUp(socket, head, payload));
    record(name, "as written", reports, sent, ` (${describeEndings(reports)})`);
    for (const report of reports) {
      expect(report).toMatchObject({ ending: "end", scenarioError: undefined });
      expect(report.bytes).toBeLessThan(sent / 2);
    }
  });

  it("fixed (end, then destroy), delivers every byte, every time, within the bound", async () => {
    const { answerAndHangUp } = await load<Module>(`${name}-fixed`, source(`${name}-fixed`).code);
    const reports = await socketTrials(sent, (socket) => answerAndHangUp(socket, head, payload));
    record(name, "fixed", reports, sent, ` (${describeEndings(reports)})`);
    for (const report of reports) {
      expect(report).toMatchObject({ bytes: sent, ending: "end", scenarioError: undefined });
      expect(report.ms).toBeLessThan(BOUND_MS);
    }
  });

  it("is reported by no-shutdown-before-flush at the destroy() after the helper call", () => {
    expectReportAt(name, "sock.destroy()");
  });

  it("the rule's endBeforeDestroy suggestion gives the fixed twin", () => {
    const { code } = source(name);
    const report = expectReportAt(name, "sock.destroy()");
    const suggestion = report.suggestions?.find((candidate) => candidate.messageId === "endBeforeDestroy");
    expect(suggestion, "an endBeforeDestroy suggestion").toBeDefined();
    expect(body(applyFix(code, suggestion!.fix))).toBe(body(source(`${name}-fixed`).code));
  });

  it("the codemod rewrites the scenario into the fixed twin", () => {
    const { file } = source(name);
    const rewrite = rewriteScenarios([file]).get(file);
    expect(rewrite?.sites.map(({ line, rule, rewritten }) => ({ line, rule, rewritten }))).toEqual([
      { line: lineOf(source(name).code, "sock.destroy()"), rule: "no-shutdown-before-flush", rewritten: true },
    ]);
    expect(body(rewrite?.text ?? "")).toBe(body(source(`${name}-fixed`).code));
  });

  it("the fixed twin is not reported", () => {
    expect(shutdownReports(`${name}-fixed`)).toEqual([]);
  });
});

describe("a class's send() writes, its close() destroys (class-send-close)", () => {
  const name = "class-send-close";
  type Module = { sendAndClose: (socket: net.Socket, big: Buffer) => void };
  const payload = Buffer.alloc(PAYLOAD, 0x43);

  it("as written, loses most of the message, and the reader sees a clean end of stream", async () => {
    const { sendAndClose } = await load<Module>(name, source(name).code);
    const reports = await socketTrials(PAYLOAD, (socket) => sendAndClose(socket, payload));
    record(name, "as written", reports, PAYLOAD, ` (${describeEndings(reports)})`);
    for (const report of reports) {
      expect(report).toMatchObject({ ending: "end", scenarioError: undefined });
      expect(report.bytes).toBeLessThan(PAYLOAD / 2);
    }
  });

  it("fixed (close() ends, then destroys), delivers every byte, every time, within the bound", async () => {
    const { sendAndClose } = await load<Module>(`${name}-fixed`, source(`${name}-fixed`).code);
    const reports = await socketTrials(PAYLOAD, (socket) => sendAndClose(socket, payload));
    record(name, "fixed", reports, PAYLOAD, ` (${describeEndings(reports)})`);
    for (const report of reports) {
      expect(report).toMatchObject({ bytes: PAYLOAD, ending: "end", scenarioError: undefined });
      expect(report.ms).toBeLessThan(BOUND_MS);
    }
  });

  it("is reported by no-shutdown-before-flush at the destroy() in close(), naming send()", () => {
    // Reported once, where the fix goes: a caller's conn.close() is not reported again.
    expectReportAt(name, "this.socket.destroy()");
  });

  it("the rule's endBeforeDestroy suggestion gives the fixed twin", () => {
    const { code } = source(name);
    // Offered where the fix goes, in close(), whichever of the reports carries it.
    const suggestions = shutdownReports(name).flatMap((report) =>
      (report.suggestions ?? []).filter((candidate) => candidate.messageId === "endBeforeDestroy"),
    );
    expect(suggestions, "one endBeforeDestroy suggestion").toHaveLength(1);
    expect(body(applyFix(code, suggestions[0].fix))).toBe(body(source(`${name}-fixed`).code));
  });

  it("the fixed twin is not reported", () => {
    expect(shutdownReports(`${name}-fixed`)).toEqual([]);
  });
});

describe("a pipe into a file, then rename() once the source ends (pipe-then-rename)", () => {
  const name = "pipe-then-rename";
  type SaveUpload = (src: Readable, tmp: string, dest: string) => Promise<void>;
  type Module = { saveUpload: SaveUpload };
  const payload = Buffer.alloc(PAYLOAD, 0x55);

  interface FileTrial {
    /** What a read of dest right after saveUpload() settled got (0 if there was no dest). */
    readonly bytes: number;
    /** The size of tmp when the source ended, that is when saveUpload() went on to rename(). */
    readonly atRename: number;
    /** The size of dest once the file stream is done (or after the bound). */
    readonly later: number;
    /** The code of saveUpload()'s rejection, if it rejected. */
    readonly error: string | undefined;
  }

  function sizeNow(file: string): number {
    try {
      return statSync(file).size;
    } catch {
      return 0;
    }
  }

  async function fileTrials(saveUpload: SaveUpload, label: string): Promise<FileTrial[]> {
    const trials: FileTrial[] = [];
    for (let i = 0; i < FILE_TRIALS; i++) {
      const tmp = path.join(dir, `${label}-${i}.part`);
      const dest = path.join(dir, `${label}-${i}.bin`);
      // A source that ends at once: one Buffer, all in memory (an upload that was buffered).
      const src = Readable.from([payload]);
      let atRename = -1;
      // Registered before saveUpload() runs: called in the same "end" that lets it go on to rename().
      src.once("end", () => (atRename = sizeNow(tmp)));
      let error: string | undefined;
      await within(
        saveUpload(src, tmp, dest).catch((reason: unknown) => {
          error = (reason as NodeJS.ErrnoException).code ?? String(reason);
        }),
        BOUND_MS,
        `${label} saveUpload`,
      );
      const bytes = await readFile(dest).then(
        (data) => data.length,
        () => 0,
      );
      // The file stream the original leaves running writes on: let it finish (bounded) before the
      // next trial, so that trials do not share the thread pool.
      const settledBy = performance.now() + BOUND_MS;
      while (sizeNow(dest) < PAYLOAD && sizeNow(tmp) < PAYLOAD && performance.now() < settledBy) await sleep(10);
      trials.push({ bytes, atRename, later: Math.max(sizeNow(dest), sizeNow(tmp)), error });
    }
    return trials;
  }

  function describeFileTrials(trials: readonly FileTrial[]): string {
    return ` (at rename: ${trials.map((t) => t.atRename).join(", ")}; later: ${trials.map((t) => t.later).join(", ")}; errors: ${trials.map((t) => t.error ?? "none").join(", ")})`;
  }

  it("as written, a read of the renamed file right after saveUpload() gets a short file, in at least one trial", async () => {
    const { saveUpload } = await load<Module>(name, source(name).code);
    const trials = await fileTrials(saveUpload, "as-written");
    record(name, "as written", trials, PAYLOAD, describeFileTrials(trials));
    const lost = trials.filter((trial) => trial.error === undefined && trial.bytes < PAYLOAD);
    expect(lost.length, "trials where saveUpload() resolved and dest was short").toBeGreaterThan(0);
  });

  it("fixed (await pipeline(), then rename()), the renamed file is whole, every time", async () => {
    const { saveUpload } = await load<Module>(`${name}-fixed`, source(`${name}-fixed`).code);
    const trials = await fileTrials(saveUpload, "fixed");
    record(name, "fixed", trials, PAYLOAD, describeFileTrials(trials));
    for (const trial of trials) expect(trial).toMatchObject({ bytes: PAYLOAD, error: undefined });
  });

  it("is reported by no-shutdown-before-flush at the rename()", () => {
    expectReportAt(name, "await rename(tmp, dest)");
  });

  it("the fixed twin is not reported", () => {
    expect(shutdownReports(`${name}-fixed`)).toEqual([]);
  });
});

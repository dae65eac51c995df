/**
 * The codemod's rewrites keep the program's liveness (issue 12). For each scenario file in
 * test/runtime/scenarios/ this suite lints it, runs it as written, and runs the codemod's rewrite:
 *
 *   - command-line tools that write a large report to a slowly read stdout pipe and then call
 *     process.exit(0), while something else keeps the event loop alive (an interval, a watchdog
 *     timer, an open stdin): as written they lose most of the report; `process.exitCode` instead
 *     (the rule's suggestion, and what the codemod wrote before) never ends them; the codemod's
 *     flush-then-exit delivers every byte and still ends them, with the same exit code;
 *   - a function that writes a loop into a PassThrough and returns it, its reader attached by the
 *     caller: a drain wait there would never resolve; the codemod leaves the site for a person and
 *     the program, unchanged, still completes.
 *
 * Set PROOF_VERBOSE=1 to print what every trial observed. Observed on Node 20.20, Linux, 8 MiB
 * reports, a reader pausing 5 ms per chunk, 3 trials each (received / sent):
 *
 *   heartbeat interval, CommonJS top level   219,264 every time, exit 0   exitCode: running after 3 s
 *   one-minute watchdog timer in main()      219,264 or 328,896, exit 0   exitCode: running after 3 s
 *   stdin read with readline, left open      219,264 or 328,896, exit 0   exitCode: running after 3 s
 *   the codemod's flush-then-exit, all three 8,388,608 every time, exit 0, 1 to 3 s
 *   PassThrough returned after its loop      as left: 8,388,608 read      drain wait: not done after 3 s
 */
import { readFileSync } from "node:fs";
import type { Readable } from "node:stream";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { MANUAL_REASONS } from "../../src/core/fixes/rewrites.js";
import {
  applyFix,
  importTranspiled,
  KiB,
  lineOf,
  lintScenario,
  makeTempDir,
  MiB,
  removeDir,
  rewriteScenarios,
  runChild,
  scenarioPath,
  TimeoutError,
  transpileTo,
  within,
  type ChildOptions,
  type Rewritten,
} from "./harness.js";

/** Far more than a pipe holds (64 KiB): as written, the exit cuts it short. */
const PAYLOAD = 8 * MiB;
/** The reader pauses this long after every chunk it reads. */
const PAUSE_MS = 5;
const TRIALS = 3;
/** A slow read of the payload takes about a second; this bound only catches a program that does not end. */
const BOUND_MS = 30_000;
/** How long a program that cannot end is watched before the test calls it hung and kills it. */
const HANG_PROBE_MS = 3_000;

const verbose = process.env.PROOF_VERBOSE !== undefined;
function record(scenario: string, what: string, values: readonly (number | string)[]): void {
  if (verbose) console.log(`[liveness] ${scenario}, ${what}: ${values.join(", ")}`);
}

interface Scenario {
  readonly file: string;
  readonly code: string;
  readonly rewrite: Rewritten;
}

const FILES = ["cli-heartbeat-exit.cts", "cli-watchdog-exit.ts", "cli-stdin-exit.ts", "pipe-handed-on.ts"] as const;
type ScenarioFile = (typeof FILES)[number];

let dir: string;
const scenarios = new Map<ScenarioFile, Scenario>();

beforeAll(async () => {
  dir = await makeTempDir("flush-liveness-");
  const paths = FILES.map((name) => scenarioPath(name));
  const rewrites = rewriteScenarios(paths);
  FILES.forEach((name, index) => {
    const file = paths[index];
    scenarios.set(name, { file, code: readFileSync(file, "utf8"), rewrite: rewrites.get(file)! });
  });
});

afterAll(async () => {
  await removeDir(dir);
});

function get(name: ScenarioFile): Scenario {
  return scenarios.get(name)!;
}

/** The messages of `rule` on the line containing `at`; fails if there are none. */
function expectReport(name: ScenarioFile, rule: string, at: string) {
  const { file, code } = get(name);
  const messages = lintScenario(file, code);
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  const reports = messages.filter((message) => message.ruleId === `flush/${rule}` && message.line === lineOf(code, at));
  expect(reports).not.toEqual([]);
  return reports;
}

/** The code with the rule's suggestion `fixText` applied at the line containing `at`. */
function withSuggestion(name: ScenarioFile, rule: string, at: string, fixText: RegExp): string {
  const [report] = expectReport(name, rule, at);
  const suggestion = report.suggestions?.find((candidate) => fixText.test(candidate.fix.text));
  expect(suggestion, `a suggestion matching ${fixText}`).toBeDefined();
  return applyFix(get(name).code, suggestion!.fix);
}

const readOptions = { pauseMs: PAUSE_MS, timeoutMs: BOUND_MS };

// Every scenario runs at once: the slow readers spend their time waiting on timers.
describe.concurrent("process.exit() after a large report, with other work keeping the process alive", () => {
  const CASES: readonly {
    readonly name: ScenarioFile;
    readonly title: string;
    readonly format: "esm" | "commonjs";
    /** What the codemod writes in place of the exit. */
    readonly flushed: string;
    readonly args: readonly string[];
    readonly stdin?: string;
  }[] = [
    {
      name: "cli-heartbeat-exit.cts",
      title: "a CommonJS script with a heartbeat interval, exiting at the end of its top level",
      format: "commonjs",
      flushed: 'process.stdout.write("", () => process.exit(0));',
      args: [String(PAYLOAD)],
    },
    {
      name: "cli-watchdog-exit.ts",
      title: "an ES module whose main() started a one-minute watchdog timer",
      format: "esm",
      flushed: 'await new Promise((resolve) => process.stdout.write("", resolve));\n  process.exit(0);',
      args: [String(PAYLOAD)],
    },
    {
      name: "cli-stdin-exit.ts",
      title: "an ES module that read its input line from stdin, which stays open",
      format: "esm",
      flushed: 'await new Promise((resolve) => process.stdout.write("", resolve));\n  process.exit(0);',
      args: [],
      stdin: `${PAYLOAD}\n`,
    },
  ];

  for (const { name, title, format, flushed, args, stdin } of CASES) {
    describe(title, () => {
      const options: ChildOptions = { ...readOptions, stdin };

      async function trials(code: string, label: string) {
        const script = await transpileTo(dir, `${name}-${label}`, code, format);
        const reports = [];
        for (let i = 0; i < TRIALS; i++) reports.push(await runChild(script, args, options));
        record(
          name,
          label,
          reports.map((report) => `${report.bytes}/${PAYLOAD} exit ${report.exitCode} ${report.ms.toFixed(0)} ms`),
        );
        return reports;
      }

      it("is reported by no-shutdown-before-flush", () => {
        expectReport(name, "no-shutdown-before-flush", "process.exit(0)");
      });

      it("as written, ends at once with exit code 0 and most of the report lost", async () => {
        for (const report of await trials(get(name).code, "original")) {
          expect(report).toMatchObject({ exitCode: 0, ending: "end", stderr: "" });
          expect(report.bytes).toBeLessThan(PAYLOAD / 2);
        }
      });

      it("with process.exitCode instead of exit() (the rule's suggestion), the program does not end", async () => {
        const code = withSuggestion(name, "no-shutdown-before-flush", "process.exit(0)", /process\.exitCode = 0/);
        const script = await transpileTo(dir, `${name}-exit-code`, code, format);
        const run = runChild(script, args, { ...options, timeoutMs: HANG_PROBE_MS });
        await expect(run).rejects.toBeInstanceOf(TimeoutError);
        record(name, "exitCode", [`still running after ${HANG_PROBE_MS} ms, killed`]);
      });

      it("the codemod flushes stdout, then exits: every byte, exit code 0, and the program ends", async () => {
        const { rewrite } = get(name);
        expect(rewrite.sites.map((site) => site.rewritten)).toEqual([true]);
        expect(rewrite.text).toContain(flushed);
        expect(rewrite.text).not.toContain("exitCode");
        for (const report of await trials(rewrite.text!, "rewrite")) {
          expect(report).toMatchObject({ exitCode: 0, ending: "end", stderr: "", bytes: PAYLOAD });
        }
      });
    });
  }
});

describe.concurrent("a write loop into a PassThrough that the function then returns", () => {
  const name = "pipe-handed-on.ts";
  const CHUNK = 64 * KiB;
  type Module = { render: (rows: AsyncIterable<Buffer>) => Promise<Readable> };

  // eslint-disable-next-line @typescript-eslint/require-await -- an async source, as the scenario's `for await` reads: nothing to await in it
  async function* produce(count: number): AsyncGenerator<Buffer> {
    for (let i = 0; i < count; i++) yield Buffer.alloc(CHUNK, 0x70);
  }

  async function readAll(stream: Readable): Promise<number> {
    let bytes = 0;
    for await (const chunk of stream) bytes += (chunk as Buffer).length;
    return bytes;
  }

  it("is reported by no-ignored-backpressure", () => {
    expectReport(name, "no-ignored-backpressure", "body.write(row)");
  });

  it("the codemod leaves it for a person: the stream is handed on, so a wait could deadlock", () => {
    const { code, rewrite } = get(name);
    expect(rewrite.text ?? code).toBe(code);
    expect(rewrite.sites).toEqual([
      expect.objectContaining({
        line: lineOf(code, "body.write(row)"),
        rewritten: false,
        reason: MANUAL_REASONS["stream-handed-on"],
      }),
    ]);
  });

  it("is reported without a drain-wait suggestion, since such a wait would never resolve: nothing reads the stream until render() returns", async () => {
    const [report] = expectReport(name, "no-ignored-backpressure", "body.write(row)");
    expect(report.suggestions ?? []).toEqual([]);
    const drainWait = 'if (!body.write(row)) await new Promise((resolve) => body.once("drain", resolve));';
    const code = get(name).code.replace("body.write(row);", drainWait);
    expect(code).toContain(drainWait);
    const { render } = await importTranspiled<Module>(dir, "pipe-handed-on-drain-wait", code);
    await expect(
      within(render(produce(PAYLOAD / CHUNK)), HANG_PROBE_MS, "render() with a drain wait"),
    ).rejects.toBeInstanceOf(TimeoutError);
    record(name, "drain wait", [`render() not done after ${HANG_PROBE_MS} ms`]);
  });

  it("as the codemod leaves it, the caller reads every byte, within the bound", async () => {
    const { render } = await importTranspiled<Module>(dir, "pipe-handed-on", get(name).rewrite.text ?? get(name).code);
    const sizes: number[] = [];
    for (let i = 0; i < TRIALS; i++) {
      sizes.push(await within(render(produce(PAYLOAD / CHUNK)).then(readAll), BOUND_MS, "render() and read"));
    }
    record(name, "as left", sizes);
    expect(sizes).toEqual(Array<number>(TRIALS).fill(PAYLOAD));
  });
});

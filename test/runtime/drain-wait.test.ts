/**
 * Runs, on real Node streams, the code that `no-ignored-backpressure`'s `waitForDrain` suggestion
 * inserts (src/core/fixes/remedies.ts): `if (s.write(chunk) === false) await waitForDrain(s);` and, once
 * per file, the `waitForDrain` helper below. Checks the three things it promises: the writer's buffer stays bounded while every byte
 * arrives, the wait ends (with an error) when the stream is destroyed without one, and the waits
 * leave no listeners behind.
 */
import { createHash, randomBytes } from "node:crypto";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { setTimeout as sleep } from "node:timers/promises";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

const KiB = 1024;
const MiB = 1024 * KiB;
const verbose = process.env.DRAIN_WAIT_VERBOSE !== undefined;

function report(...values: unknown[]): void {
  if (verbose) console.log("[drain-wait]", ...values);
}

interface LoopStats {
  /** How many times `write()` returned `false` and the loop waited. */
  waits: number;
  /** The most bytes the writer held in its own buffer right after a `write()`. */
  maxBuffered: number;
}

/** Waits until the stream drains; stops waiting (and listening) when it closes or fails first. */
async function waitForDrain(stream: NodeJS.WritableStream): Promise<void> {
  const drained = new AbortController();
  await Promise.race([
    once(stream, "drain", { signal: drained.signal }),
    finished(stream, { signal: drained.signal }),
  ]).finally(() => drained.abort());
}

/** The loop as the suggestion leaves it; `afterWrite` observes the stream between iterations. */
async function writeAllWaitingForDrain(
  s: Writable,
  chunks: Iterable<Buffer>,
  stats: LoopStats,
  afterWrite?: (index: number) => void,
): Promise<void> {
  let index = 0;
  for (const chunk of chunks) {
    if (s.write(chunk) === false) {
      stats.waits++;
      stats.maxBuffered = Math.max(stats.maxBuffered, s.writableLength);
      await waitForDrain(s);
    } else {
      stats.maxBuffered = Math.max(stats.maxBuffered, s.writableLength);
    }
    afterWrite?.(index++);
  }
}

/** The same loop with a bare `once(s, "drain")`: what the suggestion deliberately does not insert. */
async function writeAllWithBareOnce(s: Writable, chunks: Iterable<Buffer>, afterWrite?: (index: number) => void) {
  let index = 0;
  for (const chunk of chunks) {
    if (s.write(chunk) === false) {
      await once(s, "drain");
    }
    afterWrite?.(index++);
  }
}

/** Chunks of `size` bytes, at most `count` of them, sliced from `data` or zero-filled. */
function* chunksOf(size: number, count: number, data?: Buffer): Generator<Buffer> {
  for (let i = 0; i < count; i++) {
    yield data ? data.subarray(i * size, (i + 1) * size) : Buffer.alloc(size, i & 0xff);
  }
}

const TIMED_OUT: unique symbol = Symbol("timed out");

/** `promise`'s outcome, or `TIMED_OUT` after `ms`: lets a test show that something hangs, boundedly. */
async function settleWithin<T>(
  promise: Promise<T>,
  ms: number,
): Promise<{ value: T } | { error: unknown } | typeof TIMED_OUT> {
  const controller = new AbortController();
  const outcome = promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  const timedOut = (): typeof TIMED_OUT => TIMED_OUT;
  const timer = sleep(ms, undefined, { signal: controller.signal }).then(timedOut, timedOut);
  try {
    return await Promise.race([outcome, timer]);
  } finally {
    controller.abort();
  }
}

function errorCode(outcome: unknown): unknown {
  if (typeof outcome !== "object" || outcome === null || !("error" in outcome)) return undefined;
  const { error } = outcome;
  return error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
}

/** A Unix domain socket server in a temporary directory, whose connections the tests drive. */
interface SocketServer {
  readonly path: string;
  readonly server: net.Server;
  /** Resolves with the server side of the next connection. */
  nextConnection(): Promise<net.Socket>;
}

let dir: string;
let socketServer: SocketServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "flush-drain-"));
  const path = join(dir, "consumer.sock");
  const server = net.createServer();
  server.listen(path);
  await once(server, "listening");
  socketServer = {
    path,
    server,
    nextConnection: async () => {
      const [connection] = (await once(server, "connection")) as [net.Socket];
      return connection;
    },
  };
});

afterAll(async () => {
  socketServer.server.close();
  await rm(dir, { recursive: true, force: true });
});

async function connect(): Promise<{ client: net.Socket; peer: net.Socket }> {
  const peerPromise = socketServer.nextConnection();
  const client = net.createConnection(socketServer.path);
  await once(client, "connect");
  return { client, peer: await peerPromise };
}

/** Reads everything from `peer` slowly: a pause after every read. Resolves at end of stream. */
function consumeSlowly(peer: net.Socket, pauseMs: number): Promise<{ bytes: number; digest: string; reads: number }> {
  const hash = createHash("sha256");
  let bytes = 0;
  let reads = 0;
  peer.on("data", (data: Buffer) => {
    bytes += data.length;
    reads++;
    hash.update(data);
    peer.pause();
    setTimeout(() => peer.resume(), pauseMs);
  });
  return new Promise((resolve, reject) => {
    peer.once("error", reject);
    peer.once("end", () => {
      const result = { bytes, digest: hash.digest("hex"), reads };
      peer.end(() => resolve(result));
    });
  });
}

describe("the waitForDrain shape on a slow Unix domain socket consumer", () => {
  const total = 6 * MiB;
  const chunkSize = 16 * KiB;

  it("delivers every byte while the writer's buffer stays near its highWaterMark", async () => {
    const data = randomBytes(total);
    const { client, peer } = await connect();
    const received = consumeSlowly(peer, 2);
    const listenersBefore = ["drain", "error", "close", "finish", "end"].map((e) => client.listenerCount(e));

    const stats: LoopStats = { waits: 0, maxBuffered: 0 };
    const started = performance.now();
    await writeAllWaitingForDrain(client, chunksOf(chunkSize, total / chunkSize, data), stats);
    const listenersAfter = ["drain", "error", "close", "finish", "end"].map((e) => client.listenerCount(e));
    client.end();
    await finished(client, { readable: false });
    const result = await received;
    const elapsed = performance.now() - started;

    const highWaterMark = client.writableHighWaterMark;
    report(
      `socket: ${total} bytes in ${chunkSize}-byte chunks, ${stats.waits} drain waits, ` +
        `max writableLength ${stats.maxBuffered} (highWaterMark ${highWaterMark}), ` +
        `${result.reads} reads by the consumer, ${elapsed.toFixed(0)} ms`,
    );
    expect(result.bytes).toBe(total);
    expect(result.digest).toBe(createHash("sha256").update(data).digest("hex"));
    // The consumer really was slower than the writer: the loop had to wait, many times.
    expect(stats.waits).toBeGreaterThan(10);
    // write() returns false once the buffer reaches the highWaterMark, so one chunk more is the most.
    expect(stats.maxBuffered).toBeLessThanOrEqual(highWaterMark + chunkSize);
    // Every wait removed what it added.
    expect(listenersAfter).toEqual(listenersBefore);
    client.destroy();
  });

  it("for contrast: the same loop without waiting buffers most of the data in the writer", async () => {
    const { client, peer } = await connect();
    const received = consumeSlowly(peer, 2);
    let maxBuffered = 0;
    for (const chunk of chunksOf(chunkSize, total / chunkSize)) {
      client.write(chunk);
      maxBuffered = Math.max(maxBuffered, client.writableLength);
    }
    client.end();
    await finished(client, { readable: false });
    expect((await received).bytes).toBe(total);
    report(`socket without waiting: max writableLength ${maxBuffered} of ${total} bytes`);
    expect(maxBuffered).toBeGreaterThan(total / 2);
    client.destroy();
  });
});

describe("the waitForDrain shape when the stream is destroyed without an error", () => {
  it("ends the loop with ERR_STREAM_PREMATURE_CLOSE when the socket is destroyed mid-wait; a bare once() hangs", async () => {
    // The consumer never reads, so the writer fills up and waits; then something (a timeout
    // handler, a cancelled request) destroys the socket without an error.
    const shaped = await connect();
    shaped.peer.pause();
    const stats: LoopStats = { waits: 0, maxBuffered: 0 };
    const started = performance.now();
    setTimeout(() => shaped.client.destroy(), 100);
    const outcome = await settleWithin(
      writeAllWaitingForDrain(shaped.client, chunksOf(64 * KiB, 10_000), stats),
      2_000,
    );
    const elapsed = performance.now() - started;
    report(`socket destroyed without error: loop ended after ${elapsed.toFixed(0)} ms with`, errorCode(outcome));
    expect(outcome).not.toBe(TIMED_OUT);
    expect(errorCode(outcome)).toBe("ERR_STREAM_PREMATURE_CLOSE");
    expect(stats.waits).toBe(1);
    expect(elapsed).toBeLessThan(2_000);
    shaped.peer.destroy();

    const bare = await connect();
    bare.peer.pause();
    setTimeout(() => bare.client.destroy(), 100);
    const bareOutcome = await settleWithin(writeAllWithBareOnce(bare.client, chunksOf(64 * KiB, 10_000)), 600);
    report(
      "socket destroyed without error, bare once():",
      bareOutcome === TIMED_OUT ? "still waiting after 600 ms" : bareOutcome,
    );
    expect(bare.client.destroyed).toBe(true);
    expect(bareOutcome).toBe(TIMED_OUT);
    bare.peer.destroy();
  });

  it("ends the loop when the stream is destroyed between two writes; a bare once() hangs", async () => {
    const makeStream = () =>
      new Writable({
        highWaterMark: 4 * KiB,
        write(_chunk, _encoding, callback) {
          setImmediate(callback);
        },
      });

    const s = makeStream();
    const stats: LoopStats = { waits: 0, maxBuffered: 0 };
    const started = performance.now();
    const outcome = await settleWithin(
      writeAllWaitingForDrain(s, chunksOf(KiB, 1_000), stats, (index) => {
        if (index === 20) s.destroy();
      }),
      2_000,
    );
    report(
      `destroyed between writes: loop ended after ${(performance.now() - started).toFixed(0)} ms with`,
      errorCode(outcome),
    );
    expect(errorCode(outcome)).toBe("ERR_STREAM_PREMATURE_CLOSE");

    const t = makeStream();
    const bareOutcome = await settleWithin(
      writeAllWithBareOnce(t, chunksOf(KiB, 1_000), (index) => {
        if (index === 20) t.destroy();
      }),
      300,
    );
    expect(bareOutcome).toBe(TIMED_OUT);
  });

  it("ends the loop with the error when the consumer goes away", async () => {
    const { client, peer } = await connect();
    peer.pause();
    client.on("error", () => {});
    setTimeout(() => peer.destroy(), 100);
    const stats: LoopStats = { waits: 0, maxBuffered: 0 };
    const started = performance.now();
    const outcome = await settleWithin(writeAllWaitingForDrain(client, chunksOf(64 * KiB, 10_000), stats), 2_000);
    report(
      `consumer destroyed: loop ended after ${(performance.now() - started).toFixed(0)} ms with`,
      errorCode(outcome),
    );
    expect(outcome).not.toBe(TIMED_OUT);
    expect(errorCode(outcome)).toMatch(/^E[A-Z]+$/);
    client.destroy();
  });
});

describe("listeners across many drain waits", () => {
  const EVENTS = ["drain", "error", "close", "finish", "end"] as const;

  function collectWarnings(): { warnings: Error[]; stop: () => void } {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on("warning", onWarning);
    return { warnings, stop: () => process.off("warning", onWarning) };
  }

  function slowStream(counts: Map<string, number>): Writable {
    const s: Writable = new Writable({
      highWaterMark: KiB,
      write(_chunk, _encoding, callback) {
        setImmediate(() => {
          // The loop is waiting for this chunk to drain: count the listeners its wait attached.
          for (const event of EVENTS) counts.set(event, Math.max(counts.get(event) ?? 0, s.listenerCount(event)));
          callback();
        });
      },
    });
    return s;
  }

  it("leaves no listeners behind and emits no MaxListenersExceededWarning", async () => {
    const during = new Map<string, number>();
    const s = slowStream(during);
    const before = EVENTS.map((event) => s.listenerCount(event));
    const { warnings, stop } = collectWarnings();
    const stats: LoopStats = { waits: 0, maxBuffered: 0 };
    await writeAllWaitingForDrain(s, chunksOf(KiB, 500), stats);
    const after = EVENTS.map((event) => s.listenerCount(event));
    s.end();
    await finished(s);
    await sleep(10); // warnings are emitted on a later tick
    stop();

    report(`${stats.waits} waits; most listeners during a wait:`, Object.fromEntries(during), "before:", before);
    expect(stats.waits).toBe(500);
    expect(after).toEqual(before);
    // Sampled while waits were pending: one wait's own listeners, never an accumulation.
    expect(during.get("drain")).toBe(1);
    for (const event of EVENTS) expect(during.get(event) ?? 0).toBeLessThanOrEqual(2);
    expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning")).toEqual([]);
  });

  it("for contrast: racing without the abort leaks finished()'s listeners and warns", async () => {
    const during = new Map<string, number>();
    const s = slowStream(during);
    const { warnings, stop } = collectWarnings();
    let waits = 0;
    for (const chunk of chunksOf(KiB, 50)) {
      if (s.write(chunk) === false) {
        waits++;
        await Promise.race([once(s, "drain"), finished(s)]);
      }
    }
    const leaked = s.listenerCount("close");
    s.end();
    await finished(s);
    await sleep(10);
    stop();

    report(`without abort: ${leaked} close listeners after ${waits} waits`);
    expect(leaked).toBeGreaterThanOrEqual(waits);
    expect(warnings.some((w) => w.name === "MaxListenersExceededWarning")).toBe(true);
  });
});

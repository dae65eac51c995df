#!/usr/bin/env node
// report: prints a month's traffic report, saves it as JSON, CSV and gzipped CSV, and exits 1 when
// a day had failures. `report --check <month>` only lists the failures. The functions marked "BUG"
// lose output when the disk or the reader of stdout is slow.
import { createWriteStream } from "node:fs";
import { mkdir, open, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Writable } from "node:stream";
import { parseArgs } from "node:util";

import { collectRows, CSV_HEADER, renderTable, toCsvLine, type ReportRow } from "./report.js";

// BUG: writeFile() is started and never awaited: the CLI carries on, and may exit, with the file
// half written, and a failed write is never reported.
async function saveJson(dir: string, month: string, rows: readonly ReportRow[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  writeFile(join(dir, `${month}.json`), JSON.stringify(rows, null, 2));
}

// Fine: every write is awaited, the close too.
async function saveCsv(dir: string, month: string, rows: readonly ReportRow[]): Promise<void> {
  const file = await open(join(dir, `${month}.csv`), "w");
  try {
    await file.write(CSV_HEADER);
    for (const row of rows) await file.write(toCsvLine(row));
  } finally {
    await file.close();
  }
}

// BUG: the writer's promises are thrown away. Nothing waits for the queue, and a write or close
// that fails (a full disk) is never seen.
async function saveCompressed(dir: string, month: string, rows: readonly ReportRow[]): Promise<void> {
  const gzip = new CompressionStream("gzip");
  const saved = gzip.readable.pipeTo(Writable.toWeb(createWriteStream(join(dir, `${month}.csv.gz`))));
  const writer = gzip.writable.getWriter();
  const encoder = new TextEncoder();
  writer.write(encoder.encode(CSV_HEADER));
  for (const row of rows) writer.write(encoder.encode(toCsvLine(row)));
  writer.close();
  await saved;
}

// BUG: TypeScript's `let _ =`: the sync is started and its outcome ignored.
async function appendToJournal(dir: string, line: string): Promise<void> {
  const journal = await open(join(dir, "journal.log"), "a");
  await journal.appendFile(`${new Date().toISOString()} ${line}\n`);
  const _ = journal.sync();
  await journal.close();
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { out: { type: "string", default: "reports" }, check: { type: "boolean", default: false } },
    allowPositionals: true,
  });
  const [month] = positionals;
  if (month === undefined) {
    // Fine: a short literal message is taken by the kernel whole before the exit.
    console.error("usage: report [--out <dir>] [--check] <yyyy-mm>");
    process.exit(2);
  }
  const rows = await collectRows(month);
  const failing = rows.filter((row) => row.failures > 0);

  if (values.check) {
    // Fine: set the exit code and let Node exit once stderr has been written.
    console.error(failing.map((row) => `${row.day}: ${row.failures} failed`).join("\n"));
    process.exitCode = failing.length > 0 ? 1 : 0;
    return;
  }

  await saveJson(values.out, month, rows);
  await saveCsv(values.out, month, rows);
  await saveCompressed(values.out, month, rows);
  await appendToJournal(values.out, `report ${month}: ${rows.length} days, ${failing.length} failing`);

  // BUG: a big report, then exit(). When stdout is a pipe (`report 2026-10 | less`) its writes are
  // asynchronous, and exit() drops whatever is still queued.
  process.stdout.write(renderTable(rows));
  process.exit(failing.length > 0 ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

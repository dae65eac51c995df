// The data behind the reports: rows of a month, rendered as CSV or as a text table.
export interface ReportRow {
  readonly day: string;
  readonly images: number;
  readonly bytes: number;
  readonly failures: number;
}

export const CSV_HEADER = "day,images,bytes,failures\n";

export function toCsvLine(row: ReportRow): string {
  return `${row.day},${row.images},${row.bytes},${row.failures}\n`;
}

/** A month of made-up traffic, produced a row at a time as a database cursor would. */
export async function* reportRows(month: string): AsyncGenerator<ReportRow> {
  for (let day = 1; day <= 31; day++) {
    await Promise.resolve();
    const images = (day * 7919) % 1000;
    const failures = day % 9 === 0 ? 1 : 0;
    yield { day: `${month}-${String(day).padStart(2, "0")}`, images, bytes: images * 48_213, failures };
  }
}

export async function collectRows(month: string): Promise<ReportRow[]> {
  const rows: ReportRow[] = [];
  for await (const row of reportRows(month)) rows.push(row);
  return rows;
}

export function renderTable(rows: readonly ReportRow[]): string {
  const lines = rows.map(
    (row) => `${row.day}  ${String(row.images).padStart(6)}  ${String(row.bytes).padStart(12)}  ${row.failures}`,
  );
  return `day         images         bytes  failures\n${lines.join("\n")}\n`;
}

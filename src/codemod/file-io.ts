import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

const BOM = "\uFEFF";

/** A file as it is on disk: its text without a byte order mark, whether it had one, and its mode. */
export interface DiskFile {
  readonly text: string;
  readonly hasBom: boolean;
  readonly mode: number;
}

export function readDiskFile(path: string): DiskFile {
  const raw = readFileSync(path, "utf8");
  const hasBom = raw.startsWith(BOM);
  return { text: hasBom ? raw.slice(1) : raw, hasBom, mode: statSync(path).mode & 0o7777 };
}

/**
 * Replaces `path` with `text` so that a reader (or a crash) sees either the old file or the new
 * one, never half of each: write a temporary file beside it, flush it to disk, rename it over.
 * The byte order mark and the file mode are kept.
 */
export function writeFileAtomically(path: string, text: string, original: DiskFile): void {
  const temporary = join(dirname(path), `.${basename(path)}.flush-codemod-${process.pid}.tmp`);
  try {
    const fd = openSync(temporary, "w", original.mode);
    try {
      writeSync(fd, original.hasBom ? BOM + text : text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

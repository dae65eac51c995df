import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fsyncSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";

const BOM = "\uFEFF";
const TEMPORARY_MARK = ".flush-codemod-";

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

/** Temporary files an earlier run left beside `path` when it was killed between write and rename. */
function removeLeftoverTemporaries(path: string): void {
  const prefix = `.${basename(path)}${TEMPORARY_MARK}`;
  for (const name of readdirSync(dirname(path))) {
    if (name.startsWith(prefix) && name.endsWith(".tmp")) rmSync(join(dirname(path), name), { force: true });
  }
}

/**
 * Whether the file may be replaced: renaming over it needs only the folder's write bit, so its own
 * mode is checked. The bits first: as root, access() calls every file writable.
 */
function isWritable(path: string): boolean {
  if ((statSync(path).mode & 0o222) === 0) return false;
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Replaces `path` with `text` so that a reader (or a crash) sees either the old file or the new
 * one, never half of each: write a temporary file beside it, flush it to disk, rename it over.
 * A symbolic link is followed, so the file it points at is rewritten and the link stays a link.
 * The byte order mark and the file mode (whatever the umask) are kept; a read-only file is refused.
 */
export function writeFileAtomically(path: string, text: string, original: DiskFile): void {
  const target = realpathSync(path);
  if (!isWritable(target)) throw new Error("read-only file: make it writable (chmod u+w) or leave it out");
  removeLeftoverTemporaries(target);
  const temporary = join(dirname(target), `.${basename(target)}${TEMPORARY_MARK}${process.pid}.tmp`);
  try {
    const fd = openSync(temporary, "w", original.mode);
    try {
      fchmodSync(fd, original.mode);
      writeSync(fd, original.hasBom ? BOM + text : text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

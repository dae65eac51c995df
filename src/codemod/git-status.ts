import { execFileSync } from "node:child_process";
import { realpathSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";

function getRepositoryRoot(directory: string): string | undefined {
  try {
    return execFileSync("git", ["rev-parse", "--show-toplevel"], {
      cwd: directory,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    // Not inside a git work tree (or no git): there is nothing to protect.
    return undefined;
  }
}

/**
 * The files among `paths` that have uncommitted changes (modified, staged or untracked), which a
 * rewrite would mix with the user's own edits. Files outside any git repository are not listed.
 */
export function findUncommittedFiles(paths: readonly string[]): string[] {
  const byRoot = new Map<string, string[]>();
  const rootOfDirectory = new Map<string, string | undefined>();
  // git answers with real paths; a path through a symbolic link (macOS's /var) must match them.
  for (const path of paths.map((file) => realpathSync(file))) {
    const directory = dirname(path);
    if (!rootOfDirectory.has(directory)) rootOfDirectory.set(directory, getRepositoryRoot(directory));
    const root = rootOfDirectory.get(directory);
    if (root !== undefined) byRoot.set(root, [...(byRoot.get(root) ?? []), path]);
  }
  const dirty: string[] = [];
  for (const [root, files] of byRoot) {
    const output = execFileSync(
      "git",
      ["status", "--porcelain=v1", "-z", "--untracked-files=all", "--", ...files.map((file) => relative(root, file))],
      { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
    );
    for (const entry of output.split("\0")) {
      if (entry.length > 3) dirty.push(resolve(root, entry.slice(3)));
    }
  }
  return dirty;
}

import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * The module `name` as the project installed it for files in `directory` (its ESLint, its
 * Prettier), not the copy beside this package; `undefined` where the project has none.
 */
export async function importProjectModule(name: string, directory: string): Promise<unknown> {
  let entry: string;
  try {
    // Resolution starts from a file in `directory`; the file need not exist.
    entry = createRequire(join(directory, "index.js")).resolve(name);
  } catch {
    return undefined;
  }
  return import(pathToFileURL(entry).href);
}

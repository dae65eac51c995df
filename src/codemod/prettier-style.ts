import { dirname, resolve } from "node:path";

import type { CodeStyle } from "../core/fixes/code-style.js";
import { importProjectModule } from "./project-module.js";

/** The Prettier options that decide how inserted code is written. */
export interface PrettierOptions {
  readonly semi?: boolean;
  readonly singleQuote?: boolean;
  readonly useTabs?: boolean;
  readonly tabWidth?: number;
  readonly trailingComma?: string;
  readonly endOfLine?: string;
}

/** What the analysis takes as `codeStyle`: the style a file's formatter sets, if any. */
export type CodeStyleLookup = (fileName: string) => Partial<CodeStyle> | undefined;

interface PrettierApi {
  resolveConfig(file: string, options: { editorconfig: boolean }): Promise<PrettierOptions | null>;
}

/**
 * The style Prettier's resolved options set. Only the options the configuration gives: where it
 * says nothing, the file's own style (which Prettier's defaults produced, if it formats the file)
 * is followed, and a CRLF file does not get LF lines from a default.
 */
export function styleFromPrettierOptions(options: PrettierOptions): Partial<CodeStyle> {
  const style: { -readonly [K in keyof CodeStyle]?: CodeStyle[K] } = {};
  if (options.semi !== undefined) style.semicolons = options.semi;
  if (options.singleQuote !== undefined) style.quote = options.singleQuote ? "'" : '"';
  if (options.useTabs) style.indent = "\t";
  else if (options.useTabs === false || options.tabWidth !== undefined)
    style.indent = " ".repeat(options.tabWidth ?? 2);
  if (options.trailingComma !== undefined) style.trailingCommas = options.trailingComma !== "none";
  // "auto" keeps what the file has; "cr" alone is no line ending the codemod writes.
  if (options.endOfLine === "lf") style.newLine = "\n";
  if (options.endOfLine === "crlf") style.newLine = "\r\n";
  return style;
}

/** The project's own Prettier, as installed for files in `directory`; none when it has none. */
async function loadPrettier(directory: string): Promise<PrettierApi | undefined> {
  // Prettier 3's CommonJS entry exports its (async) API too; a CommonJS module's exports are its default.
  const loaded = (await importProjectModule("prettier", directory)) as
    (Partial<PrettierApi> & { default?: Partial<PrettierApi> }) | undefined;
  if (!loaded) return undefined;
  const api = typeof loaded.resolveConfig === "function" ? loaded : loaded.default;
  return typeof api?.resolveConfig === "function" ? (api as PrettierApi) : undefined;
}

/**
 * Resolves, for each of `files`, the Prettier configuration of its project (with `.editorconfig`,
 * as Prettier's CLI does), with the Prettier that project installed: Prettier 3 answers only
 * asynchronously, and the analysis asks synchronously, so everything is asked up front. Returns
 * the lookup to pass as the analysis's `codeStyle`; it knows nothing of other files. A file whose
 * project has no Prettier, no configuration, or one Prettier cannot read gets `undefined`.
 */
export async function loadPrettierStyles(files: readonly string[]): Promise<CodeStyleLookup> {
  const prettierByDirectory = new Map<string, Promise<PrettierApi | undefined>>();
  const styles = new Map<string, Partial<CodeStyle>>();
  await Promise.all(
    files.map(async (file) => {
      const path = resolve(file);
      const directory = dirname(path);
      let prettier = prettierByDirectory.get(directory);
      if (!prettier) {
        prettier = loadPrettier(directory).catch(() => undefined);
        prettierByDirectory.set(directory, prettier);
      }
      const options = await (await prettier)?.resolveConfig(path, { editorconfig: true }).catch(() => null);
      if (options) styles.set(path, styleFromPrettierOptions(options));
    }),
  );
  return (fileName) => styles.get(resolve(fileName));
}

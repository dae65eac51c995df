// no-shutdown-before-flush: process.exit() after output to stdout, stderr or the console. Output whose content can be
// large is reported; a short literal is not, and a message of unknown size only with
// checkMessagesBeforeExit.
import rule from "../../../rules/no-shutdown-before-flush.js";
import { createRuleTester, reportedWithExitCode } from "../../rule-tester.js";

const ruleTester = createRuleTester();

/** A string literal of `length` characters: the stdout/stderr exemption stops at 4 KiB. */
const literalOf = (length: number): string => `"${"x".repeat(length)}"`;

/**
 * An invalid case: a function (`signature`) that runs one `print` line, then `process.exit(1)`:
 * reported at the exit, naming the print, with the `process.exitCode` suggestion.
 */
function exitAfterPrint(name: string, signature: string, print: string) {
  const body = (exit: string): string => `\n${signature} {\n  ${print}\n  ${exit}\n}\n`;
  return {
    name,
    code: body("process.exit(1);"),
    errors: [
      {
        messageId: "exitBeforeFlush" as const,
        line: 4,
        data: { shutdown: "process.exit(1)", write: "console.log()", line: 3 },
        suggestions: [{ messageId: "useExitCode" as const, output: body("process.exitCode = 1;") }],
      },
    ],
  };
}

ruleTester.run("no-shutdown-before-flush", rule, {
  valid: [
    // ---- worded lines, labelled values, one item of a list --------------------------------------
    {
      name: "a worded error line inlining what a function made of a list-or-string, then process.exit(1)",
      code: `
declare function validate(key: string, value: string | string[]): string | undefined;
export function check(key: string, value: string | string[]): void {
  const problem = validate(key, value);
  if (problem) {
    process.stderr.write(\`Error: \${problem}\\n\`);
    process.exit(1);
  }
}
`,
    },
    {
      name: "a worded error line inlining a name that defaults to one built from a list, then process.exit(1)",
      code: `
declare function uniqueKeyName(table: string, columns: string[]): string;
export function check(table: string, columns: string[], name: string | undefined): void {
  const key = name ?? uniqueKeyName(table, columns);
  console.log(\`Duplicate unique constraint \${key} in \${table}\`);
  process.exit(1);
}
`,
    },
    {
      name: "an untyped field handed to a formatter beside a label, then process.exit(1)",
      code: `
declare function wrapParam(name: string, value: any): string;
declare function load(): Promise<any>;
export async function check(): Promise<void> {
  const config = await load();
  console.log(wrapParam("database", config.out));
  process.exit(1);
}
`,
    },
    {
      name: "a record of short fields serialised, then process.exit(0)",
      code: `
interface BuildInfo {
  version: string;
  git?: { sha: string; date: string };
  built: number;
}
declare function getBuildInfo(): BuildInfo;
console.log(JSON.stringify(getBuildInfo()));
process.exit(0);
`,
    },
    {
      name: "an untyped terminal decorator named like a list method framing a literal, then process.exit(1)",
      code: `
declare const decorators: any;
console.error(\`\\n\${decorators.reverse(decorators.red("  paras not found in runtimeConfig"))}\`);
process.exit(1);
`,
    },
    {
      name: "a typed method named like a list method that returns no list, then process.exit(1)",
      code: `
declare class Maybe<T> {
  map<U>(f: (value: T) => U): Maybe<U>;
  toString(): string;
}
declare const reason: Maybe<Error>;
console.error(\`Failed: \${reason.map((error) => error.message)}\`);
process.exit(1);
`,
    },
    {
      name: "a worded error line inlining an untyped list serialised, then process.exit(1)",
      code: `
declare const requested: any;
console.error(\`Unsupported targets \${JSON.stringify(requested)}\`);
process.exit(1);
`,
    },
    {
      name: "a status line with an object literal of short values, then process.exit()",
      code: `
export function done(namespace: string, port: number): void {
  console.log("Registered namespace", { namespace, port });
  process.exit();
}
`,
    },
    {
      name: "one item taken off the argument list, written alone, then process.exit(1)",
      code: `
export function fail(args: string[]): void {
  const flag = args.shift();
  console.error(flag);
  process.exit(1);
}
`,
    },
    {
      name: "a help text listing a constant list of targets one per line, then process.exit()",
      code: `
const TARGETS = ["x86_64-linux", "aarch64-linux", "x86_64-darwin"];
const HELP = \`build.ts compiles the bridge

--target  one of:
  \${TARGETS.concat("all").join("\\n  ")}\`;
console.log(HELP);
process.exit();
`,
    },
    {
      name: "a labelled path a library call made, then process.exit(0)",
      code: `
import { mkdtemp } from "node:fs/promises";
export async function main(): Promise<void> {
  const dir = await mkdtemp("/tmp/registry-");
  console.log("Created registry dir", dir);
  process.exit(0);
}
`,
    },
    {
      name: "a worded error naming untyped columns joined with commas, then process.exit(1)",
      code: `
declare function casing(column: unknown): any;
export function fail(columns: unknown[]): void {
  const names = columns.map((column) => casing(column));
  console.log(\`The columns \${names.join(",")} conflict with a constraint\`);
  process.exit(1);
}
`,
    },
    {
      name: "a parameter that is text or an object, narrowed to its text, then process.exit(1)",
      code: `
export function fail(status: string | { readonly text: string }): void {
  console.error(typeof status === "string" ? status : status.text);
  process.exit(1);
}
`,
    },
    {
      name: "an error serialised after a label (its own fields only), then process.exit(1)",
      code: `
export function fail(error: Error): void {
  console.error("Full error object: " + JSON.stringify(error));
  process.exit(1);
}
`,
    },
    // ---- short literals -------------------------------------------------------------------------
    {
      name: "Node is safe: a short string literal to console.log then exit (the kernel takes it at once)",
      code: `
console.log("usage: tool <file>");
process.exit(2);
`,
    },
    {
      name: "Node is safe: a template literal without substitutions to console.error then exit",
      code: `
console.error(\`missing argument\`);
process.exit(1);
`,
    },
    {
      name: "Node is safe: process.stdout.write of a literal then exit",
      code: `
process.stdout.write("done\\n");
process.exit(0);
`,
    },
    {
      name: "Node is safe: string and number literals to stderr then exit",
      code: `
process.stderr.write("exit code ");
console.error("code", 42);
process.exit(3);
`,
    },
    {
      name: "Node is safe: a literal of 4095 characters to stdout is still small",
      code: `
process.stdout.write(${literalOf(4095)});
process.exit(0);
`,
    },
    {
      name: "one short literal to stdout before process.exit() outside a loop is still exempt",
      code: `
console.log("usage");
process.exit(2);
`,
    },
    {
      name: "a literal then process.exit() in a loop stays exempt: every run of the write ends the process [evaluation F13]",
      code: `
declare function question(prompt: string): Promise<string>;
export async function repl(): Promise<void> {
  while (true) {
    const command = await question("> ");
    if (command === "quit") {
      console.log("Goodbye!");
      process.exit(0);
    }
  }
}
`,
    },
    // ---- messages of unknown size are judged by their content -----------------------------------
    {
      name: "a diagnostic composed in a template, then process.exit(): the kernel takes it at once",
      code: `
export function requireValue(flag: string, value: string | undefined): string {
  if (value === undefined) {
    console.error(\`Error: \${flag} requires a value\`);
    process.exit(1);
  }
  return value;
}
`,
    },
    {
      name: "the caught error printed before process.exit()",
      code: `
export async function main(run: () => Promise<void>) {
  try {
    await run();
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
}
`,
    },
    {
      name: "one message of unknown size (a string parameter) before process.exit() is a message, not reported by default [evaluation F1]",
      code: `
export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
`,
    },
    {
      name: "with checkMessagesBeforeExit, a rejection's error, a number and a constant template printed before process.exit() are composed messages",
      options: [{ checkMessagesBeforeExit: true }],
      code: `
declare function main(): Promise<number>;
main().then(
  (code) => {
    console.log("exit code", code, process.pid);
    process.exit(code);
  },
  (error) => {
    console.error("Fatal error:", error);
    process.exit(1);
  },
);
main().catch((error) => {
  const line = \`[cli] failed: \${String(error)}\`;
  console.error(line);
  process.exit(1);
});
process.on("uncaughtException", (error) => {
  console.error(error);
  process.exit(1);
});
`,
    },
    {
      name: "with checkMessagesBeforeExit, composed text framed by a colouring call or an error helper is composed",
      options: [{ checkMessagesBeforeExit: true }],
      code: `
declare const chalk: { red(text: string): string };
declare function error(text: string, hint?: string): string;
export function refuse(command: string, reason: Error): never {
  console.error(chalk.red(\`Error: \${reason.message}\`));
  console.log(error(\`You can't use '\${command}' with this dialect\`));
  process.exit(1);
}
`,
    },
    {
      name: "fields of untyped values (a database row, parsed arguments) printed before process.exit() are messages",
      code: `
declare const db: { get(sql: string): any };
declare const argv: any;
export function report(): void {
  const row = db.get("SELECT COUNT(*) AS total FROM items");
  const node = argv.node;
  console.log(\`indexed \${row.total} items\`);
  console.log(" monitoring node id = ", node, argv.endpoint);
  process.exit(1);
}
`,
    },
    {
      name: "a message wrapped in a colouring call, and a tagged template, before process.exit() are messages [evaluation F1]",
      code: `
declare function red(text: string): string;
declare function green(strings: TemplateStringsArray, ...values: unknown[]): string;
export function done(failed: boolean, flag: string): void {
  if (failed) {
    console.error(red(\`Error: \${flag} needs a value\`));
    process.exit(1);
  }
  console.log(green\`Cache was cleared\`);
  process.exit(0);
}
`,
    },
    {
      name: "messages made from options, errors, numbers and handed-in text before process.exit() are not reported by default [evaluation F1]",
      code: `
declare const c: { red(text: string): string; gray(text: string): string };
interface Options { usage?: { command?: string }; meta?: { version?: string } }
declare function usage(options: Options): string;
declare function versions(options: Options): string[];
export function cli(options: Options, argv: readonly string[]): void {
  try {
    if (argv.includes("--version")) {
      process.stdout.write(versions(options).join("\\n") + "\\n");
      process.exit(0);
    }
    if (argv.length > 3) {
      console.log(usage(options));
      process.exit(0);
    }
  } catch (error) {
    const command = options.usage?.command || "cli";
    console.error(c.red((error as Error).message || String(error)));
    console.error(c.gray(\`Run \\\`\${command} --help\\\` for usage.\`));
    process.exit(1);
  }
  console.warn(\`\${[argv, options].filter(Boolean).length} things keep the process alive\`);
  process.exit();
}
`,
    },
    {
      name: "names joined into one line, a summary object written out in place and a project function's awaited text, then process.exit(0)",
      code: `
async function getName(raw: string | undefined): Promise<string> {
  return raw ?? "default";
}
export async function done(teams: readonly { slug: string }[], site: { id: string; url: string }, raw?: string) {
  console.log(\`Pick a --team: \${teams.map((team) => team.slug).join(", ")}\`);
  console.log(JSON.stringify({ site_id: site.id, url: site.url }, null, 2));
  const name = await getName(raw);
  console.log(\`Created \${name}\`);
  process.exit(0);
}
`,
    },
    {
      name: "a date string sliced, and an error's lines filtered and joined again, then process.exit()",
      code: `
declare function backfill(day: string): Promise<number>;
export async function main(days: number): Promise<void> {
  for (let offset = days; offset >= 1; offset--) {
    const date = new Date(Date.now() - offset * 86_400_000).toISOString().slice(0, 10);
    console.log(\`  \${date}: \${await backfill(date)} rows\`);
  }
  process.exit(0);
}
export function fail(error: Error): never {
  const message = error.message
    .split("\\n")
    .filter((line) => !line.includes("Command failed:"))
    .join("\\n");
  console.error(message);
  process.exit(1);
}
`,
    },
    {
      name: "a usage text joined from a constant list of commands, then process.exit(1)",
      code: `
const COMMANDS = ["build", "dev", "deploy"];
export function usage(): never {
  console.error(\`usage: tool <\${COMMANDS.join("|")}>\`);
  process.exit(1);
}
`,
    },
    {
      name: "a usage text made from a constant list of option objects the file never changes, then process.exit(1)",
      code: `
declare function commandLineUsage(sections: readonly object[]): string;
const toNumber = (value: string): number => Number(value);
const OPTIONS = [
  { name: "port", alias: "p", type: toNumber, description: "Port to listen on" },
  { name: "verbose", type: Boolean, defaultValue: ["info"], description: "Log more" },
];
export function help(): never {
  console.log(commandLineUsage([{ content: "Usage: serve [options]" }, { optionList: OPTIONS }]));
  process.exit(1);
}
`,
    },
    {
      name: "an object written out in place from messages, serialised, then process.exit(1)",
      code: `
export function fail(reason: string, code: number): never {
  console.log(JSON.stringify({ error: reason, code, hints: ["retry", "--force"] }));
  process.exit(1);
}
`,
    },
    {
      name: "short messages printed in a loop before process.exit() are judged by their content by default [evaluation F18]",
      code: `
export function summarise(failed: readonly { file: string }[]): void {
  for (const r of failed) console.log(\`  FAIL \${r.file}\`);
  process.exit(failed.length === 0 ? 0 : 1);
}
`,
    },
    {
      name: "a narrowed unknown error, an empty line, an argument and a literal-union result before process.exit() are messages [evaluation F1]",
      code: `
declare function run(): Promise<void>;
declare function wait(): Promise<"ok" | "stall">;
export async function main(): Promise<void> {
  const mode = process.argv[2];
  if (mode !== "host") {
    console.log();
    console.error(\`Unknown mode: \${mode}\`);
    process.exit(1);
  }
  const result = await wait();
  console.log(\`Result: \${result.toUpperCase()}\`);
  await run().then(
    () => process.exit(0),
    (error: unknown) => {
      if (error) console.error(error);
      process.exit(1);
    },
  );
}
`,
    },
    {
      name: "a large print on a branch that ends the try, with nothing after it that can throw, does not reach the exit in the catch [evaluation F17]",
      code: `
declare function createFile(path: string, content: string): Promise<void>;
export async function generate(dryRun: boolean, path: string, rows: readonly string[]): Promise<void> {
  try {
    const content = rows.join("\\n");
    if (dryRun) {
      console.log(content);
    } else {
      await createFile(path, content);
    }
  } catch (error) {
    console.error("Failed:", error);
    process.exit(1);
  }
}
`,
    },
  ],
  invalid: [
    reportedWithExitCode(
      "a message that carries one of two generated files, then process.exit(1)",
      `
declare function getTemplate(name: string, up: readonly string[]): string;
declare function getModuleTemplate(name: string, up: readonly string[]): string;
export function check(name: string, upSqls: readonly string[], esm: boolean): void {
  const fileContent = esm ? getModuleTemplate(name, upSqls) : getTemplate(name, upSqls);
  console.log(\`Unexpected changes found:\\n\\n\${fileContent}\`);
  process.exit(1);
}
`,
      { messageId: "exitBeforeFlush", line: 7, data: { shutdown: "process.exit(1)", write: "console.log()", line: 6 } },
    ),
    reportedWithExitCode(
      "a constant list of option objects that the code fills at run time, printed, then process.exit(1)",
      `
declare function commandLineUsage(sections: readonly object[]): string;
const OPTIONS = [{ name: "help", description: "Show help" }];
export function help(plugins: readonly string[]): void {
  for (const plugin of plugins) OPTIONS.push({ name: plugin, description: "A plugin" });
  console.log(commandLineUsage([{ optionList: OPTIONS }]));
  process.exit(1);
}
`,
      { messageId: "exitBeforeFlush", line: 7, data: { shutdown: "process.exit(1)", write: "console.log()", line: 6 } },
    ),
    exitAfterPrint(
      "a record holding a list serialised after a label, then process.exit(1)",
      "export function fail(report: { readonly errors: string[] }): void",
      `console.log("Report: " + JSON.stringify(report));`,
    ),
    exitAfterPrint(
      "a parameter that is text or a list: narrowing to text leaves the list a page, then process.exit(1)",
      "export function fail(output: string | string[]): void",
      `console.log(typeof output === "string" ? output : output.join("\\n"));`,
    ),
    exitAfterPrint(
      "a worded line inlining a page that falls back to a default, then process.exit(1)",
      "export function fail(rows: string[], header?: string): void",
      `console.log(\`Rows:\\n\${rows.join("\\n") || header}\`);`,
    ),
    {
      name: "an untyped field handed alone to a formatter may be the whole output, then process.exit(1)",
      code: `
declare function render(value: any): string;
declare function load(): Promise<any>;
export async function show(): Promise<void> {
  const result = await load();
  console.log(render(result.value));
  process.exit(1);
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 7,
          data: { shutdown: "process.exit(1)", write: "console.log()", line: 6 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
declare function render(value: any): string;
declare function load(): Promise<any>;
export async function show(): Promise<void> {
  const result = await load();
  console.log(render(result.value));
  process.exitCode = 1;
}
`,
            },
          ],
        },
      ],
    },
    exitAfterPrint(
      "a labelled page of lines joined from a list, then process.exit(1)",
      "export function fail(rows: string[]): void",
      `console.log("Rows:", rows.join("\\n"));`,
    ),
    exitAfterPrint(
      "a worded help text listing targets handed in one per line, then process.exit(1)",
      "export function help(targets: string[]): void",
      `console.log(\`--target  one of:\\n  \${targets.concat("all").join("\\n  ")}\`);`,
    ),
    exitAfterPrint(
      "a worded line inlining untyped rows joined into a page, then process.exit(1)",
      "export function fail(rows: any[]): void",
      `console.log(\`Rows:\\n\${rows.join("\\n")}\`);`,
    ),
    exitAfterPrint(
      "a worded line inlining rows joined into a page, then process.exit(1)",
      "export function fail(rows: string[]): void",
      `console.log(\`Rows:\\n\${rows.map((row) => row.trim()).join("\\n")}\`);`,
    ),
    exitAfterPrint(
      "a status line with an object literal holding a list, then process.exit(1)",
      "export function fail(rows: string[]): void",
      `console.log("Failed rows", { rows });`,
    ),
    // ---- output whose content can be large ------------------------------------------------------
    {
      name: "process.stdout.write(big) then process.exit()",
      code: `
process.stdout.write(JSON.stringify(process.env));
process.exit(0);
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 3,
          data: { shutdown: "process.exit(0)", write: "process.stdout.write()", line: 2 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
process.stdout.write(JSON.stringify(process.env));
process.exitCode = 0;
`,
            },
          ],
        },
      ],
    },
    {
      name: "console.log(object) then process.exit(): console writes to stdout",
      code: `
console.log(process.env);
process.exit(1);
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 3,
          data: { shutdown: "process.exit(1)", write: "console.log()", line: 2 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
console.log(process.env);
process.exitCode = 1;
`,
            },
          ],
        },
      ],
    },
    {
      name: "console.table() then process.exit()",
      code: `
console.table(process.env);
process.exit(0);
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 3,
          data: { shutdown: "process.exit(0)", write: "console.table()", line: 2 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
console.table(process.env);
process.exitCode = 0;
`,
            },
          ],
        },
      ],
    },
    {
      name: "a Buffer to stdout, then process.exit()",
      code: `
export function dump(data: Buffer): void {
  process.stdout.write(data);
  process.exit(0);
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 4,
          data: { shutdown: "process.exit(0)", write: "process.stdout.write()", line: 3 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
export function dump(data: Buffer): void {
  process.stdout.write(data);
  process.exitCode = 0;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a file's contents printed through a constant, then process.exit()",
      code: `
import { readFile } from "node:fs/promises";
export async function cat(path: string): Promise<void> {
  const text = await readFile(path, "utf8");
  console.log(text);
  process.exit(0);
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 6,
          data: { shutdown: "process.exit(0)", write: "console.log()", line: 5 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
import { readFile } from "node:fs/promises";
export async function cat(path: string): Promise<void> {
  const text = await readFile(path, "utf8");
  console.log(text);
  process.exitCode = 0;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a report rendered from data, then process.exit()",
      code: `
declare function renderTable(rows: readonly object[]): string;
export function report(rows: readonly object[]): void {
  process.stdout.write(renderTable(rows));
  process.exit(0);
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 5,
          data: { shutdown: "process.exit(0)", write: "process.stdout.write()", line: 4 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
declare function renderTable(rows: readonly object[]): string;
export function report(rows: readonly object[]): void {
  process.stdout.write(renderTable(rows));
  process.exitCode = 0;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a serialised result printed once, then process.exit()",
      code: `
export function printAll(rows: readonly object[]): void {
  console.log(JSON.stringify(rows));
  process.exit(0);
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 4,
          data: { shutdown: "process.exit(0)", write: "console.log()", line: 3 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
export function printAll(rows: readonly object[]): void {
  console.log(JSON.stringify(rows));
  process.exitCode = 0;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a constant object that holds a list to be filled, serialised, then process.exit(0)",
      code: `
export function report(rows: readonly string[]): void {
  const summary = { count: rows.length, rows: [] as string[] };
  for (const row of rows) summary.rows.push(row);
  console.log(JSON.stringify(summary));
  process.exit(0);
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 6,
          data: { shutdown: "process.exit(0)", write: "console.log()", line: 5 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
export function report(rows: readonly string[]): void {
  const summary = { count: rows.length, rows: [] as string[] };
  for (const row of rows) summary.rows.push(row);
  console.log(JSON.stringify(summary));
  process.exitCode = 0;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a result object in a constant, filled in later, serialised, then process.exit(1)",
      code: `
// The checker's result comes from an uninstalled package: untyped.
declare function check(name: string): Promise<any>;
export async function main(name: string): Promise<void> {
  const analysis = await check(name);
  const result = { analysis } as { analysis: typeof analysis; problems?: string[] };
  if (analysis.types) result.problems = analysis.problems;
  console.log(JSON.stringify(result, undefined, 2));
  process.exit(1);
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 9,
          data: { shutdown: "process.exit(1)", write: "console.log()", line: 8 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
// The checker's result comes from an uninstalled package: untyped.
declare function check(name: string): Promise<any>;
export async function main(name: string): Promise<void> {
  const analysis = await check(name);
  const result = { analysis } as { analysis: typeof analysis; problems?: string[] };
  if (analysis.types) result.problems = analysis.problems;
  console.log(JSON.stringify(result, undefined, 2));
  process.exitCode = 1;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a project function's awaited list, rendered as JSON, then process.exit(0)",
      code: `
declare function listWorkflows(): Promise<{ id: string }[]>;
declare function formatAsJson(rows: readonly { id: string }[]): string;
export async function list(): Promise<void> {
  const workflows = await listWorkflows();
  process.stdout.write(formatAsJson(workflows) + "\\n");
  process.exit(0);
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 7,
          data: { shutdown: "process.exit(0)", write: "process.stdout.write()", line: 6 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
declare function listWorkflows(): Promise<{ id: string }[]>;
declare function formatAsJson(rows: readonly { id: string }[]): string;
export async function list(): Promise<void> {
  const workflows = await listWorkflows();
  process.stdout.write(formatAsJson(workflows) + "\\n");
  process.exitCode = 0;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "an untyped list mapped and rendered as JSON, then process.exit(0) [recall: Invoker query list]",
      code: `
// The persistence layer comes from an uninstalled package: untyped.
declare const persistence: any;
declare function formatAsJson(data: unknown): string;
declare function serialize(row: unknown): object;
export function list(): void {
  const workflows = persistence.listWorkflows();
  process.stdout.write(formatAsJson(workflows.map(serialize)) + "\\n");
  process.exit(0);
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 9,
          data: { shutdown: "process.exit(0)", write: "process.stdout.write()", line: 8 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
// The persistence layer comes from an uninstalled package: untyped.
declare const persistence: any;
declare function formatAsJson(data: unknown): string;
declare function serialize(row: unknown): object;
export function list(): void {
  const workflows = persistence.listWorkflows();
  process.stdout.write(formatAsJson(workflows.map(serialize)) + "\\n");
  process.exitCode = 0;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "binary made by an untyped response, written, then process.exit(0) [recall: protobuf-es plugin]",
      code: `
// The generated message types come from an uninstalled package: untyped.
declare const Request: any;
declare function run(request: unknown): any;
export function respond(data: Uint8Array): void {
  const response = run(Request.fromBinary(data));
  process.stdout.write(response.toBinary());
  process.exit(0);
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 8,
          data: { shutdown: "process.exit(0)", write: "process.stdout.write()", line: 7 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
// The generated message types come from an uninstalled package: untyped.
declare const Request: any;
declare function run(request: unknown): any;
export function respond(data: Uint8Array): void {
  const response = run(Request.fromBinary(data));
  process.stdout.write(response.toBinary());
  process.exitCode = 0;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a field of an untyped result written alone, then process.exit(0), may be the whole output [recall: typeDiagram]",
      code: `
// The renderer comes from an uninstalled workspace package: untyped.
declare function renderToString(source: string): Promise<any>;
export async function render(source: string): Promise<void> {
  const result = await renderToString(source);
  process.stdout.write(result.value);
  process.exit(0);
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 7,
          data: { shutdown: "process.exit(0)", write: "process.stdout.write()", line: 6 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
// The renderer comes from an uninstalled workspace package: untyped.
declare function renderToString(source: string): Promise<any>;
export async function render(source: string): Promise<void> {
  const result = await renderToString(source);
  process.stdout.write(result.value);
  process.exitCode = 0;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a file's text awaited from the platform, printed, then process.exit(0)",
      code: `
import { readFile } from "node:fs/promises";
export async function show(path: string): Promise<void> {
  const text = await readFile(path, "utf8");
  console.log(\`\${text}\`);
  process.exit(0);
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 6,
          data: { shutdown: "process.exit(0)", write: "console.log()", line: 5 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
import { readFile } from "node:fs/promises";
export async function show(path: string): Promise<void> {
  const text = await readFile(path, "utf8");
  console.log(\`\${text}\`);
  process.exitCode = 0;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a list filled at run time, joined, then process.exit(1)",
      code: `
export function fail(errors: readonly Error[]): void {
  const lines: string[] = [];
  for (const error of errors) lines.push(error.message);
  console.error(lines.join("\\n"));
  process.exit(1);
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 6,
          data: { shutdown: "process.exit(1)", write: "console.error()", line: 5 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
export function fail(errors: readonly Error[]): void {
  const lines: string[] = [];
  for (const error of errors) lines.push(error.message);
  console.error(lines.join("\\n"));
  process.exitCode = 1;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a message that carries a generated file, then process.exit(), is reported [evaluation TP: typeorm check mode]",
      code: `
declare function green(strings: TemplateStringsArray, ...values: unknown[]): string;
declare function white(text: string): string;
declare function getTemplate(name: string, up: readonly string[]): string;
export function check(name: string, upSqls: readonly string[]): void {
  const fileContent = getTemplate(name, upSqls);
  console.log(green\`Unexpected changes found:\\n\\n\${white(fileContent)}\`);
  process.exit(1);
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 8,
          data: { shutdown: "process.exit(1)", write: "console.log()", line: 7 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
declare function green(strings: TemplateStringsArray, ...values: unknown[]): string;
declare function white(text: string): string;
declare function getTemplate(name: string, up: readonly string[]): string;
export function check(name: string, upSqls: readonly string[]): void {
  const fileContent = getTemplate(name, upSqls);
  console.log(green\`Unexpected changes found:\\n\\n\${white(fileContent)}\`);
  process.exitCode = 1;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "data from elsewhere concatenated with a newline, then process.exit(): still reported",
      code: `
export function dump(rows: readonly object[]) {
  process.stdout.write(JSON.stringify(rows) + "\\n");
  process.exit(0);
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 4,
          data: { shutdown: "process.exit(0)", write: "process.stdout.write()", line: 3 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
export function dump(rows: readonly object[]) {
  process.stdout.write(JSON.stringify(rows) + "\\n");
  process.exitCode = 0;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "an object formatted by console.dir() in the try, then process.exit() in the catch [evaluation TP: typeorm QueryCommand]",
      code: `
declare function query(sql: string): Promise<object>;
declare function release(): Promise<void>;
export async function run(sql: string): Promise<void> {
  try {
    const result = await query(sql);
    console.dir(result, { depth: null });
    await release();
  } catch (error) {
    console.error("Query failed:", error);
    process.exit(1);
  }
}
`,
      errors: [{ messageId: "exitBeforeFlush", line: 11 }],
    },
    {
      name: "ES module JavaScript: console.log then process.exit()",
      filename: "file.mjs",
      code: `
console.log(process.env);
process.exit(1);
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 3,
          data: { shutdown: "process.exit(1)", write: "console.log()", line: 2 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
console.log(process.env);
process.exitCode = 1;
`,
            },
          ],
        },
      ],
    },
    {
      name: "a large print before an exit in the try is reported, not at the exit in the catch: process.exit() throws nothing [evaluation F17]",
      code: `
declare function check(): Promise<boolean>;
export async function run(rows: readonly string[]): Promise<void> {
  try {
    if (await check()) {
      console.log(rows.join("\\n"));
      process.exit(1);
    }
  } catch (error) {
    console.error("Failed:", error);
    process.exit(1);
  }
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 7,
          data: { shutdown: "process.exit(1)", write: "console.log()", line: 6 },
          suggestions: [],
        },
      ],
    },
    // ---- checkMessagesBeforeExit ----------------------------------------------------------------
    {
      name: "with checkMessagesBeforeExit, text of unknown size after a label, then process.exit(0)",
      options: [{ checkMessagesBeforeExit: true }],
      code: `
declare function format(ms: number): string;
export function done(ms: number): void {
  console.log("Total running time:", format(ms));
  process.exit(0);
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 5,
          data: { shutdown: "process.exit(0)", write: "console.log()", line: 4 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
declare function format(ms: number): string;
export function done(ms: number): void {
  console.log("Total running time:", format(ms));
  process.exitCode = 0;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "with checkMessagesBeforeExit, a colouring call framing a page of rows is no composed message",
      options: [{ checkMessagesBeforeExit: true }],
      code: `
declare const chalk: { red(text: string): string };
export function fail(rows: string[]): void {
  console.error(chalk.red(rows.join("\\n")));
  process.exit(1);
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 5,
          data: { shutdown: "process.exit(1)", write: "console.error()", line: 4 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
declare const chalk: { red(text: string): string };
export function fail(rows: string[]): void {
  console.error(chalk.red(rows.join("\\n")));
  process.exitCode = 1;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a record with a list field serialised, then process.exit(0)",
      code: `
interface Manifest {
  version: string;
  tags: string[];
}
declare function getManifest(): Manifest;
console.log(JSON.stringify(getManifest()));
process.exit(0);
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 8,
          data: { shutdown: "process.exit(0)", write: "console.log()", line: 7 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
interface Manifest {
  version: string;
  tags: string[];
}
declare function getManifest(): Manifest;
console.log(JSON.stringify(getManifest()));
process.exitCode = 0;
`,
            },
          ],
        },
      ],
    },
    {
      name: "process.stderr.write(message) then process.exit(1) in a function",
      options: [{ checkMessagesBeforeExit: true }],
      code: `
export function fail(error: Error): void {
  process.stderr.write(String(error.stack));
  process.exit(1);
}
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 4,
          data: { shutdown: "process.exit(1)", write: "process.stderr.write()", line: 3 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
export function fail(error: Error): void {
  process.stderr.write(String(error.stack));
  process.exitCode = 1;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "with checkMessagesBeforeExit, the value a promise fulfils with, printed before process.exit(), is no rejection's error",
      options: [{ checkMessagesBeforeExit: true }],
      code: `
declare function render(): Promise<string>;
render().then((report) => {
  console.log(report);
  process.exit(0);
});
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 5,
          data: { shutdown: "process.exit(0)", write: "console.log()", line: 4 },
          suggestions: [],
        },
      ],
    },
    {
      name: "a literal of 5000 characters to stdout is no small write",
      options: [{ checkMessagesBeforeExit: true }],
      code: `
process.stdout.write(${literalOf(5000)});
process.exit(0);
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 3,
          data: { shutdown: "process.exit(0)", write: "process.stdout.write()", line: 2 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
process.stdout.write(${literalOf(5000)});
process.exitCode = 0;
`,
            },
          ],
        },
      ],
    },
    {
      name: "short stdout literals in a loop add up: not exempt before process.exit()",
      options: [{ checkMessagesBeforeExit: true }],
      code: `
for (let i = 0; i < 100000; i++) console.log("row");
process.exit(0);
`,
      errors: [
        {
          messageId: "exitBeforeFlush",
          line: 3,
          data: { shutdown: "process.exit(0)", write: "console.log()", line: 2 },
          suggestions: [
            {
              messageId: "useExitCode",
              output: `
for (let i = 0; i < 100000; i++) console.log("row");
process.exitCode = 0;
`,
            },
          ],
        },
      ],
    },
    {
      name: "console.log() once per item in forEach, then process.exit() [evaluation TP: typeorm SchemaLogCommand]",
      options: [{ checkMessagesBeforeExit: true }],
      code: `
declare function destroy(): Promise<void>;
export async function logSchema(queries: readonly { query: string }[]): Promise<void> {
  try {
    queries.forEach((q) => {
      console.log(q.query.trim());
    });
    await destroy();
  } catch {
    process.exit(1);
  }
}
`,
      errors: [{ messageId: "exitBeforeFlush", line: 10 }],
    },
  ],
});

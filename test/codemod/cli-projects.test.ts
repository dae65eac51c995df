// The flush-codemod CLI on real project layouts and broken configs: solution-style tsconfigs whose
// files are all in `references`, `--project <folder>`, and every config it cannot use, which must end
// with exit 2 and a message naming the fix, never a stack trace or a silent "0 would change".
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  assertCliBuilt,
  createProject,
  describeResult,
  readText,
  removeProjects,
  REPO_ROOT,
  runCli,
  TSCONFIG,
} from "./cli-helpers.js";

const SOCKET_BUG_TS = `import type { Socket } from "node:net";

export async function send(sock: Socket, data: string): Promise<void> {
  sock.write(data);
  sock.destroy();
}
`;

const REWRITTEN_SEND = /sock\.end\(\);\n\s+await finished\(sock, \{ readable: false \}\);\n\s+sock\.destroy\(\);/;

/** A Node stack frame: what a user must never see for a config problem. */
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

beforeAll(() => {
  assertCliBuilt();
});

afterAll(removeProjects);

describe("project layouts", () => {
  it("follows the references of a solution-style root tsconfig", async () => {
    const dir = await createProject(
      {
        "tsconfig.json": json({ files: [], references: [{ path: "./packages/server" }] }),
        "packages/server/tsconfig.json": json({
          compilerOptions: { ...TSCONFIG.compilerOptions, composite: true, noEmit: false, outDir: "dist" },
          include: ["src"],
        }),
        "packages/server/src/send.ts": SOCKET_BUG_TS,
      },
      { tsconfig: false },
    );
    const result = await runCli(["packages"], dir);
    expect(result.code, describeResult("solution-style root", result)).toBe(0);
    expect(result.stdout).toContain("1 changed");
    expect(await readText(dir, "packages/server/src/send.ts")).toMatch(REWRITTEN_SEND);
  });

  it("takes a folder for --project, as tsc -p does", async () => {
    const dir = await createProject({ "src/send.ts": SOCKET_BUG_TS });
    const result = await runCli(["--project", ".", "--dry", "src"], dir);
    expect(result.code, describeResult("--project .", result)).toBe(0);
    expect(result.stdout).toContain("1 would change");
  });
});

describe("configs it cannot use exit 2 with a message naming the fix", () => {
  const cases: { name: string; tsconfig: string; extra?: Record<string, string>; message: RegExp }[] = [
    {
      name: "a tsconfig that is not valid JSON",
      tsconfig: '{ "compilerOptions": { "strict": true ',
      message: /cannot read .*tsconfig\.json: .*TS1005/,
    },
    {
      name: "a tsconfig whose extends is missing",
      tsconfig: json({ extends: "./base.json", include: ["src"] }),
      message: /tsconfig\.json has an error that tsc would report too: .*base\.json.*Fix the tsconfig/,
    },
    {
      name: "a tsconfig with an unknown compiler option",
      tsconfig: json({ compilerOptions: { ...TSCONFIG.compilerOptions, strictFlush: true }, include: ["src"] }),
      message: /TS5023: Unknown compiler option 'strictFlush'/,
    },
    {
      name: "a reference to a tsconfig that does not exist",
      tsconfig: json({ files: [], references: [{ path: "./packages/gone" }] }),
      message: /references .*packages\/gone\/tsconfig\.json, which does not exist: fix its "references"/,
    },
    {
      name: "no Node types listed under TypeScript 6 (no `types`)",
      tsconfig: json({ compilerOptions: { ...TSCONFIG.compilerOptions, types: undefined }, include: ["src"] }),
      message: /no Node types are visible .*Install @types\/node and list "node" in compilerOptions\.types/,
    },
  ];

  it.each(cases)("$name", async ({ tsconfig, message }) => {
    const dir = await createProject({ "tsconfig.json": tsconfig, "src/send.ts": SOCKET_BUG_TS }, { tsconfig: false });
    const result = await runCli(["src"], dir);
    expect(result.code, describeResult("broken config", result)).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(await readText(dir, "src/send.ts")).toBe(SOCKET_BUG_TS);
  });

  it("names a file that imports node:net without types, in the summary and --json", async () => {
    const dir = await createProject({
      "tsconfig.json": json({ compilerOptions: { ...TSCONFIG.compilerOptions, types: [] }, include: ["src"] }),
      "src/send.ts": SOCKET_BUG_TS,
    });
    const result = await runCli(["--json", "--dry", "src"], dir);
    expect(result.code, describeResult("untyped --json", result)).toBe(2);
    const report = JSON.parse(result.stdout) as { files: { file: string; status: string; reason?: string }[] };
    expect(report.files).toEqual([
      {
        file: join("src", "send.ts"),
        status: "skipped",
        reason: expect.stringMatching(/^no types for "node:net": every stream in this file would be `any`/) as unknown,
        rewritten: 0,
      },
    ]);
  });
});

describe("the project's ESLint config", () => {
  /** A project type the plugin knows only through `streamTypes`, and a file with one of its writes and a socket bug. */
  const CONNECTION_TS = `import type { Socket } from "node:net";

export class Connection {
  async write(_data: string): Promise<void> {}
}

export async function greet(connection: Connection): Promise<void> {
  connection.write("hello");
}

${SOCKET_BUG_TS.split("\n").slice(2).join("\n")}`;

  const pluginUrl = new URL("dist/src/index.js", `file://${REPO_ROOT}/`).href;
  const eslintConfig = (rules: Record<string, unknown>) => `import flush from ${JSON.stringify(pluginUrl)};

export default [{ files: ["**/*.ts"], plugins: { flush }, rules: ${JSON.stringify(rules)} }];
`;

  it("gives the rules' options and turns rewrites off where the config turns rules off", async () => {
    const dir = await createProject({
      "eslint.config.js": eslintConfig({
        "flush/no-discarded-result": ["error", { streamTypes: [{ from: "file", name: "Connection" }] }],
        "flush/no-shutdown-before-flush": "off",
      }),
      "src/connection.ts": CONNECTION_TS,
    });
    const result = await runCli(["src"], dir);
    expect(result.code, describeResult("with the project's config", result)).toBe(0);
    const rewritten = await readText(dir, "src/connection.ts");
    expect(rewritten).toContain('  await connection.write("hello");');
    expect(rewritten).toContain("  sock.write(data);\n  sock.destroy();");
  });

  it("uses the strict options and every rule where the project has no ESLint config", async () => {
    const dir = await createProject({ "src/connection.ts": CONNECTION_TS });
    const result = await runCli(["src"], dir);
    expect(result.code, describeResult("without a config", result)).toBe(0);
    const rewritten = await readText(dir, "src/connection.ts");
    expect(rewritten).toContain('  connection.write("hello");');
    expect(rewritten).not.toContain("await connection.write");
    expect(rewritten).toMatch(REWRITTEN_SEND);
  });

  it("exits 2 when ESLint cannot load the config", async () => {
    const dir = await createProject({ "eslint.config.js": "export default [{ rules: {", "src/send.ts": SOCKET_BUG_TS });
    const result = await runCli(["src"], dir);
    expect(result.code, describeResult("broken ESLint config", result)).toBe(2);
    expect(result.stderr).toMatch(/ESLint cannot load the config for .*send\.ts: .*Fix the ESLint config/);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(await readText(dir, "src/send.ts")).toBe(SOCKET_BUG_TS);
  });
});

describe("the project's code style", () => {
  it("writes inserted code as the project's Prettier config says", async () => {
    const dir = await createProject({
      ".prettierrc.json": json({ semi: false, singleQuote: true }),
      "src/send.ts": SOCKET_BUG_TS,
    });
    const result = await runCli(["src"], dir);
    expect(result.code, describeResult("with a Prettier config", result)).toBe(0);
    const rewritten = await readText(dir, "src/send.ts");
    expect(rewritten).toContain("import { finished } from 'node:stream/promises'\n");
    expect(rewritten).toContain("  sock.end()\n  await finished(sock, { readable: false })\n  sock.destroy();");
  });
});

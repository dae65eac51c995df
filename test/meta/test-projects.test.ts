// Every test file belongs to exactly one vitest project: a file that matches neither `unit` nor
// `integration` would never run, in CI or anywhere else.
import { fileURLToPath } from "node:url";

import { glob } from "tinyglobby";
import { expect, it } from "vitest";

import config from "../../vitest.config.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

it("puts every test file in exactly one of the unit and integration projects", async () => {
  const all = await glob("test/**/*.test.ts", { cwd: root, ignore: ["test/fixtures/**"] });
  const projects = (config.test?.projects ?? []) as { test: { name: string; include: string[] } }[];
  expect(projects.map((project) => project.test.name)).toEqual(["unit", "integration"]);
  const owners = new Map<string, string[]>(all.map((file) => [file, []]));
  for (const { test } of projects) {
    for (const file of await glob(test.include, { cwd: root })) owners.get(file)?.push(test.name);
  }
  const misplaced = [...owners].filter(([, names]) => names.length !== 1);
  expect(misplaced, "test files in no project or in both").toEqual([]);
  expect(owners.size).toBeGreaterThan(10);
});

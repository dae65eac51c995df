// The rules analyse with the tree's `typescript`; the codemod analyses with the TypeScript ts-morph
// bundles. Two versions would parse, type and therefore judge the same code differently.
import { createRequire } from "node:module";

import { ts } from "ts-morph";
import { expect, it } from "vitest";

const require = createRequire(import.meta.url);

it("ts-morph bundles the same TypeScript as the one in the tree", () => {
  const { version: treeVersion } = require("typescript") as { version: string };
  expect(
    ts.version,
    `ts-morph bundles TypeScript ${ts.version}, but the tree has typescript ${treeVersion}: ` +
      "pin the `typescript` devDependency to the version ts-morph bundles, or pick the ts-morph release that bundles yours",
  ).toBe(treeVersion);
});

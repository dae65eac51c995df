// The `streamTypes` option is typescript-eslint's TypeOrValueSpecifier format: every rule's schema
// takes typescript-eslint's own schema for it, and the core's type accepts whatever typescript-eslint's does.
import {
  typeOrValueSpecifiersSchema,
  type TypeOrValueSpecifier as TsEslintSpecifier,
} from "@typescript-eslint/type-utils";
import { describe, expect, expectTypeOf, it } from "vitest";

import type { TypeOrValueSpecifier } from "../../src/core/model/type-specifier.js";
import plugin from "../../src/index.js";

describe("the streamTypes option", () => {
  it.each(Object.entries(plugin.rules))("%s validates it with typescript-eslint's schema", (_name, rule) => {
    const [options] = rule.meta.schema as unknown as [{ properties: { streamTypes: Record<string, unknown> } }];
    const { description, ...schema } = options.properties.streamTypes;
    expect(schema).toEqual(typeOrValueSpecifiersSchema);
    expect(description).toMatch(/TypeOrValueSpecifier/);
  });

  it("accepts in the core every specifier typescript-eslint's type allows", () => {
    expectTypeOf<TsEslintSpecifier>().toExtend<TypeOrValueSpecifier>();
    expectTypeOf<{ from: "package"; name: string }>().not.toExtend<TypeOrValueSpecifier>();
  });
});

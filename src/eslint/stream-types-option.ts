import type { JSONSchema4 } from "@typescript-eslint/utils/json-schema";

import type { TypeOrValueSpecifier } from "../core/type-specifier.js";

/** The `streamTypes` option every rule takes: users' own stream types, in typescript-eslint's format. */
export interface StreamTypesOption {
  streamTypes?: TypeOrValueSpecifier[];
}

const names: JSONSchema4 = {
  oneOf: [{ type: "string" }, { type: "array", items: { type: "string" }, minItems: 1, uniqueItems: true }],
};

const specifier: JSONSchema4 = {
  oneOf: [
    { type: "string" },
    {
      type: "object",
      additionalProperties: false,
      properties: { from: { type: "string", enum: ["file"] }, name: names, path: { type: "string" } },
      required: ["from", "name"],
    },
    {
      type: "object",
      additionalProperties: false,
      properties: { from: { type: "string", enum: ["lib"] }, name: names },
      required: ["from", "name"],
    },
    {
      type: "object",
      additionalProperties: false,
      properties: { from: { type: "string", enum: ["package"] }, name: names, package: { type: "string" } },
      required: ["from", "name", "package"],
    },
  ],
};

const streamTypesSchema: JSONSchema4 = {
  type: "array",
  items: specifier,
  description:
    "Your own stream types (typescript-eslint TypeOrValueSpecifier format): their write/flush/end/close/destroy methods are checked like Node's.",
};

/** A rule's options schema: one object with `streamTypes` and the rule's own `properties`. */
export function getOptionsSchema(properties: Record<string, JSONSchema4> = {}): JSONSchema4[] {
  return [
    {
      type: "object",
      additionalProperties: false,
      properties: { streamTypes: streamTypesSchema, ...properties },
    },
  ];
}

export const DEFAULT_STREAM_TYPES_OPTIONS: [StreamTypesOption] = [{ streamTypes: [] }];

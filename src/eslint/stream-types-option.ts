import { typeOrValueSpecifiersSchema } from "@typescript-eslint/type-utils";
import type { JSONSchema4 } from "@typescript-eslint/utils/json-schema";

import type { TypeOrValueSpecifier } from "../core/model/type-specifier.js";

/** The `streamTypes` option every rule takes: users' own stream types, in typescript-eslint's format. */
export interface StreamTypesOption {
  streamTypes?: TypeOrValueSpecifier[];
}

// typescript-eslint's own schema for the format, so that options valid for its rules are valid here.
const streamTypesSchema: JSONSchema4 = {
  ...typeOrValueSpecifiersSchema,
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

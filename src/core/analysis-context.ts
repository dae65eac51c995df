import type ts from "typescript";

import type { TypeOrValueSpecifier } from "./type-specifier.js";

export interface AnalysisOptions {
  /** Users' own stream types, whose `write`/`flush`/`end`/`close`/`destroy` methods count as stream calls. */
  readonly streamTypes: readonly TypeOrValueSpecifier[];
}

/** Everything the analysis needs about one program, with caches shared by all of its files. */
export interface AnalysisContext {
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;
  readonly options: AnalysisOptions;
  /** `null` records "not a stream", so that negative answers are cached too. */
  readonly familyCache: Map<ts.Type, import("./stream-families.js").StreamFamily | null>;
}

const contexts = new WeakMap<ts.Program, Map<string, AnalysisContext>>();

/**
 * The context for `program` and `options`, made once: the rules call this for every file, and the
 * type-to-family cache is what keeps the second and later files cheap.
 */
export function getAnalysisContext(program: ts.Program, options: AnalysisOptions): AnalysisContext {
  let byOptions = contexts.get(program);
  if (!byOptions) {
    byOptions = new Map();
    contexts.set(program, byOptions);
  }
  const key = JSON.stringify(options.streamTypes);
  let context = byOptions.get(key);
  if (!context) {
    context = { program, checker: program.getTypeChecker(), options, familyCache: new Map() };
    byOptions.set(key, context);
  }
  return context;
}

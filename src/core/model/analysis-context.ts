import type ts from "typescript";

import { applyOverrides, getDetectedCodeStyle, type CodeStyle } from "../fixes/code-style.js";
import { getMemoizedChecker } from "./memoized-checker.js";
import type { StreamKey } from "./stream-identity.js";
import type { TypeOrValueSpecifier } from "./type-specifier.js";

export interface AnalysisOptions {
  /** Users' own stream types, whose `write`/`flush`/`end`/`close`/`destroy` methods count as stream calls. */
  readonly streamTypes: readonly TypeOrValueSpecifier[];
  /**
   * Take a value typed `any` for a Node writable in its `write`/`end`/`destroy` calls when its
   * function both writes to it and destroys it (./untyped-streams.ts). Off unless a rule turns it on.
   */
  readonly checkUntypedStreams?: boolean;
  /** The style a formatter's configuration sets for a file; it wins over the style read from the file. */
  readonly codeStyle?: (fileName: string) => Partial<CodeStyle> | undefined;
}

/** A rule's option object, as ESLint or the project's ESLint config (for the codemod) gives it. */
export interface RuleOptionsForAnalysis {
  readonly streamTypes?: readonly TypeOrValueSpecifier[];
  readonly checkUntypedStreams?: unknown;
}

/**
 * What a rule's options ask of the analysis: one reading for the rules and the codemod, so that
 * they find the same sites. Only no-shutdown-before-flush's schema allows `checkUntypedStreams`.
 */
export function getAnalysisOptions(options: RuleOptionsForAnalysis): AnalysisOptions {
  return { streamTypes: options.streamTypes ?? [], checkUntypedStreams: options.checkUntypedStreams === true };
}

/** Everything the analysis needs about one program, with caches shared by all of its files. */
export interface AnalysisContext {
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;
  readonly options: AnalysisOptions;
  /** `null` records "not a stream", so that negative answers are cached too. */
  readonly familyCache: Map<ts.Type, import("./stream-families.js").StreamFamily | null>;
  readonly styleCache: WeakMap<ts.SourceFile, CodeStyle>;
  /** Per function: the keys of untyped values it both writes to and destroys. */
  readonly untypedStreamCache: WeakMap<ts.Node, ReadonlySet<StreamKey>>;
}

type CodeStyleOption = AnalysisOptions["codeStyle"];

/** Per program, per `codeStyle` function (which JSON cannot tell apart), per JSON of the other options. */
const contexts = new WeakMap<ts.Program, Map<CodeStyleOption, Map<string, AnalysisContext>>>();

interface Cache<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

function getOrCreate<K, V>(cache: Cache<K, V>, key: K, create: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = create();
    cache.set(key, value);
  }
  return value;
}

/**
 * The context for `program` and `options`, made once: the rules call this for every file, and the
 * type-to-family cache is what keeps the second and later files cheap.
 */
export function getAnalysisContext(program: ts.Program, options: AnalysisOptions): AnalysisContext {
  const byStyle = getOrCreate(contexts, program, () => new Map<CodeStyleOption, Map<string, AnalysisContext>>());
  const byOptions = getOrCreate(byStyle, options.codeStyle, () => new Map<string, AnalysisContext>());
  const key = JSON.stringify([options.streamTypes, options.checkUntypedStreams === true]);
  return getOrCreate(byOptions, key, () => ({
    program,
    checker: getMemoizedChecker(program.getTypeChecker()),
    options,
    familyCache: new Map(),
    styleCache: new WeakMap(),
    untypedStreamCache: new WeakMap(),
  }));
}

/** The style code inserted into `sourceFile` follows: the file's own, with the configured overrides. */
export function getCodeStyle(sourceFile: ts.SourceFile, context: AnalysisContext): CodeStyle {
  return getOrCreate(context.styleCache, sourceFile, () =>
    applyOverrides(getDetectedCodeStyle(sourceFile), context.options.codeStyle?.(sourceFile.fileName)),
  );
}

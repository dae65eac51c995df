import ts from "../typescript.cjs";

import type { AnalysisContext } from "./analysis-context.js";
import { getAmbientModuleName, isPlatformDeclaration } from "./declarations.js";
import { isSymbolMatchingSpecifier } from "./type-specifier.js";

/**
 * The kinds of writable stream the analysis knows. A type belongs to a family when it, or any type
 * it extends, is the family's declaration: so subclasses, intersections and aliases count.
 */
export type StreamFamily =
  /** `stream.Writable` and everything built on it: sockets, files, HTTP messages, stdout, zlib. */
  | "node-writable"
  /** `fs/promises` `FileHandle`. */
  | "file-handle"
  /** WHATWG `WritableStream`. */
  | "web-writable"
  /** WHATWG `WritableStreamDefaultWriter`. */
  | "web-writer"
  /** WHATWG stream controllers (`enqueue`, `close`, `error`). */
  | "web-controller"
  /** Bun's `FileSink`. */
  | "bun-file-sink"
  /** Deno's `Deno.FsFile`. */
  | "deno-fs-file"
  /** A type the user named in the `streamTypes` option. */
  | "custom";

const WEB_CONTROLLERS = new Set([
  "ReadableStreamDefaultController",
  "ReadableByteStreamController",
  "TransformStreamDefaultController",
  "WritableStreamDefaultController",
]);

function isDeclaredInModule(symbol: ts.Symbol, moduleName: string): boolean {
  return (symbol.getDeclarations() ?? []).some((d) => getAmbientModuleName(d) === moduleName);
}

/** A global WHATWG streams declaration: TypeScript's DOM lib or @types/node's copy of it. */
function isWebStreamsDeclaration(symbol: ts.Symbol, context: AnalysisContext): boolean {
  const qualified = context.checker.getFullyQualifiedName(symbol);
  const name = symbol.getName();
  if (qualified !== name && qualified !== `"stream/web".${name}`) {
    return false;
  }
  return (symbol.getDeclarations() ?? []).some((d) => isPlatformDeclaration(d, context.program));
}

function getBuiltInFamily(symbol: ts.Symbol, context: AnalysisContext): StreamFamily | undefined {
  const name = symbol.getName();
  switch (name) {
    case "Writable":
      return isDeclaredInModule(symbol, "stream") ? "node-writable" : undefined;
    case "WritableStream":
      if (context.checker.getFullyQualifiedName(symbol) === "NodeJS.WritableStream") {
        return "node-writable";
      }
      return isWebStreamsDeclaration(symbol, context) ? "web-writable" : undefined;
    case "FileHandle":
      return isDeclaredInModule(symbol, "fs/promises") ? "file-handle" : undefined;
    case "WritableStreamDefaultWriter":
      return isWebStreamsDeclaration(symbol, context) ? "web-writer" : undefined;
    case "FileSink":
      return isDeclaredInModule(symbol, "bun") ? "bun-file-sink" : undefined;
    case "FsFile":
      return context.checker.getFullyQualifiedName(symbol) === "Deno.FsFile" ? "deno-fs-file" : undefined;
    default:
      return WEB_CONTROLLERS.has(name) && isWebStreamsDeclaration(symbol, context) ? "web-controller" : undefined;
  }
}

/** The symbols of a type and of every type it extends, intersections and unions included. */
export function* getTypeAncestry(type: ts.Type, checker: ts.TypeChecker): Generator<ts.Symbol> {
  const seen = new Set<ts.Type>();
  const pending: ts.Type[] = [type];
  while (pending.length > 0) {
    const current = pending.pop()!;
    if (seen.has(current)) continue;
    seen.add(current);
    if (current.isUnionOrIntersection()) {
      pending.push(...current.types);
      continue;
    }
    if (current.flags & ts.TypeFlags.TypeParameter) {
      // `s: T` with `T extends Writable`: what the constraint is, the parameter is.
      const constraint = current.getConstraint();
      if (constraint) pending.push(constraint);
      continue;
    }
    const symbol = current.getSymbol();
    if (symbol) yield symbol;
    const target = isTypeReference(current) ? current.target : current;
    if (target.isClassOrInterface()) {
      pending.push(...(checker.getBaseTypes(target) ?? []));
    }
  }
}

function isTypeReference(type: ts.Type): type is ts.TypeReference {
  return (
    (type.flags & ts.TypeFlags.Object) !== 0 && ((type as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference) !== 0
  );
}

function computeStreamFamily(type: ts.Type, context: AnalysisContext): StreamFamily | undefined {
  const { checker, options, program } = context;
  for (const symbol of getTypeAncestry(type, checker)) {
    const builtIn = getBuiltInFamily(symbol, context);
    if (builtIn) return builtIn;
    if (options.streamTypes.some((specifier) => isSymbolMatchingSpecifier(symbol, specifier, program))) {
      return "custom";
    }
  }
  return undefined;
}

/** The stream family of `type`, or `undefined` when it is no stream the analysis knows. */
export function getStreamFamily(type: ts.Type, context: AnalysisContext): StreamFamily | undefined {
  const cached = context.familyCache.get(type);
  if (cached !== undefined) return cached ?? undefined;
  const family = computeStreamFamily(type, context);
  context.familyCache.set(type, family ?? null);
  return family;
}

function hasAncestor(type: ts.Type, checker: ts.TypeChecker, name: string, moduleName: string): boolean {
  for (const symbol of getTypeAncestry(type, checker)) {
    if (symbol.getName() === name && isDeclaredInModule(symbol, moduleName)) return true;
  }
  return false;
}

/** Whether a Node stream also has a readable side: a socket, or a duplex, transform or zlib stream. */
export function hasReadableSide(type: ts.Type, checker: ts.TypeChecker): boolean {
  return hasAncestor(type, checker, "Readable", "stream");
}

/**
 * Whether a stream is a connection whose readable side carries the peer's data, not ours: a socket
 * or an HTTP/2 stream. `finished()` on it must be told `{ readable: false }` (the peer may never
 * end), and after "finish" its `destroy()` still closes the read side. A transform is the
 * opposite: what was written comes out of its readable side, so `finished()` must wait for both.
 */
export function isConnection(type: ts.Type, checker: ts.TypeChecker): boolean {
  return isSocket(type, checker) || hasAncestor(type, checker, "Http2Stream", "http2");
}

/** Whether a stream is a `net.Socket` (a TLS socket too): its writes go to the kernel as they are made. */
export function isSocket(type: ts.Type, checker: ts.TypeChecker): boolean {
  return hasAncestor(type, checker, "Socket", "net");
}

/** Whether a Node stream sends to the network: a response, a request, a socket. Nobody reads it back. */
export function isNetworkStream(type: ts.Type, checker: ts.TypeChecker): boolean {
  return (
    hasAncestor(type, checker, "OutgoingMessage", "http") ||
    hasAncestor(type, checker, "Http2ServerResponse", "http2") ||
    isConnection(type, checker)
  );
}

/** Whether a Node stream is a `crypto` hash or HMAC: it digests each chunk as it is written. */
export function isDigest(type: ts.Type, checker: ts.TypeChecker): boolean {
  return hasAncestor(type, checker, "Hash", "crypto") || hasAncestor(type, checker, "Hmac", "crypto");
}

/** Whether a Node stream writes a file: `fs.WriteStream`, what `createWriteStream()` makes. */
export function isFileStream(type: ts.Type, checker: ts.TypeChecker): boolean {
  return hasAncestor(type, checker, "WriteStream", "fs");
}

/** Whether values of `type` have a callable member `name`. */
export function hasMethod(type: ts.Type, name: string, checker: ts.TypeChecker): boolean {
  const property = type.getProperty(name);
  return property !== undefined && checker.getTypeOfSymbol(property).getCallSignatures().length > 0;
}

/** Answers of isProcessStdio: asked at every write, mostly of a handful of types. */
const stdioTypes = new WeakMap<ts.Type, boolean>();

/** `process.stdout` and `process.stderr`, however they are reached. */
export function isProcessStdio(type: ts.Type, checker: ts.TypeChecker): boolean {
  let answer = stdioTypes.get(type);
  if (answer === undefined) {
    answer = false;
    for (const symbol of getTypeAncestry(type, checker)) {
      if (checker.getFullyQualifiedName(symbol) === "global.NodeJS.WriteStream") answer = true;
    }
    stdioTypes.set(type, answer);
  }
  return answer;
}

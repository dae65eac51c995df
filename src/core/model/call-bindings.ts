import ts from "../typescript.cjs";

import type { FunctionLike } from "./function-context.js";
import { getStreamKey, getStreamKeys, type StreamKey } from "./stream-identity.js";
import { forEachDescendant, skipOuterExpressions } from "./syntax.js";

// A function's summary names streams as the function sees them: its parameters, `this`, and what
// every function sees alike (a module's stream, stdout). These helpers move a key between the
// function's own terms, a portable form kept in the summary, and the terms of one call site.

/** The root of a key: `#12` of `#12.socket`. */
function splitKey(key: StreamKey): [root: string, rest: string] {
  const dot = key.indexOf(".");
  return dot === -1 ? [key, ""] : [key.slice(0, dot), key.slice(dot)];
}

/** Turns a function's keys into the portable form of its summary. */
export interface KeyPorter {
  /** `$0.socket` for the first parameter's `socket`; `this…` and shared keys as they are; `undefined` for a local. */
  toPortable(key: StreamKey): StreamKey | undefined;
}

function getDeclaredName(node: ts.Node): ts.Identifier | undefined {
  const isDeclaration =
    ts.isVariableDeclaration(node) ||
    ts.isParameter(node) ||
    ts.isBindingElement(node) ||
    ts.isFunctionDeclaration(node) ||
    ts.isClassDeclaration(node);
  return isDeclaration && node.name && ts.isIdentifier(node.name) ? node.name : undefined;
}

export function createKeyPorter(fn: FunctionLike, checker: ts.TypeChecker): KeyPorter {
  const parameters = new Map<string, number>();
  fn.parameters.forEach((parameter, index) => {
    const key = ts.isIdentifier(parameter.name) ? getStreamKey(parameter.name, checker) : undefined;
    if (key !== undefined) parameters.set(key, index);
  });
  let locals: Set<string> | undefined;
  const getLocals = (): Set<string> => {
    if (!locals) {
      const found = new Set<string>();
      forEachDescendant(fn, (node) => {
        const name = getDeclaredName(node);
        const key = name && getStreamKey(name, checker);
        if (key !== undefined && !parameters.has(key)) found.add(key);
      });
      locals = found;
    }
    return locals;
  };
  return {
    toPortable(key) {
      const [root, rest] = splitKey(key);
      const index = parameters.get(root);
      if (index !== undefined) return `$${index}${rest}`;
      return getLocals().has(root) ? undefined : key;
    },
  };
}

/**
 * A summary's portable key in the terms of the call site `call`: `$0.socket` becomes the first
 * argument's keys plus `.socket`; `this…` becomes the receiver's (`conn.sock` for `conn.send()`).
 */
function bindKey(key: StreamKey, call: ts.CallExpression, checker: ts.TypeChecker): StreamKey[] {
  const [root, rest] = splitKey(key);
  let bound: ts.Expression | undefined;
  if (root.startsWith("$")) {
    bound = call.arguments[Number(root.slice(1))];
  } else if (root === "this") {
    const callee = skipOuterExpressions(call.expression);
    bound = ts.isPropertyAccessExpression(callee) ? callee.expression : undefined;
  } else {
    return [key];
  }
  if (!bound || ts.isSpreadElement(bound)) return [];
  return getStreamKeys(bound, checker).map((boundKey) => boundKey + rest);
}

export function bindKeys(keys: readonly StreamKey[], call: ts.CallExpression, checker: ts.TypeChecker): StreamKey[] {
  return keys.flatMap((key) => bindKey(key, call, checker));
}

import ts from "../typescript.cjs";

import {
  getCalledDeclaration,
  getConstantValue,
  getVariableDeclaration,
  isChangedInPlace,
  isInPackageFolder,
} from "../model/declarations.js";
import { getTypeAncestry } from "../model/stream-families.js";
import { getCalleeName, skipOuterExpressions } from "../model/syntax.js";

// What is written to stdout or stderr before `process.exit()`: a message, which a pipe takes whole
// at once, or bulk, whose end an exit can cut off. The rule cannot know sizes; it judges by where
// the text comes from.

/** Writes of data so small that the kernel takes them whole and at once: no loss is possible. */
const SMALL_WRITE_LIMIT = 4096;

function isSmallLiteral(node: ts.Expression): boolean {
  const value = skipOuterExpressions(node);
  if (ts.isStringLiteralLike(value)) return value.text.length < SMALL_WRITE_LIMIT;
  return ts.isNumericLiteral(value);
}

/**
 * A diagnostic composed in place: a literal, a template or concatenation with literal text, an
 * error or its `message`/`stack`, or a constant set to one of those. Such a message is short, and
 * the kernel takes it at once; data from elsewhere (`JSON.stringify(rows)`, a rendered report, a
 * Buffer) may not be.
 */
export function isComposedMessage(node: ts.Expression, checker: ts.TypeChecker, depth = 0): boolean {
  const value = skipOuterExpressions(node);
  if (isSmallLiteral(value) || ts.isTemplateExpression(value)) return true;
  // `const line = \`[daemon] ${message}\`; console.log(line)`: composed all the same.
  const constant = depth < MESSAGE_TRACE_HOPS ? getConstantValue(value, checker) : undefined;
  if (constant && isComposedMessage(constant, checker, depth + 1)) return true;
  // `process.pid`, `code`, `ok`: a few characters, wherever they come from.
  if (hasOnlyFlags(checker.getTypeAtLocation(value), SHORT_SCALAR_FLAGS)) return true;
  if (ts.isBinaryExpression(value) && value.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return isComposedMessage(value.left, checker, depth) && isComposedMessage(value.right, checker, depth);
  }
  if (ts.isPropertyAccessExpression(value) && (value.name.text === "message" || value.name.text === "stack"))
    return true;
  if (depth < MESSAGE_TRACE_HOPS && isFormattedMessage(value, checker, depth)) return true;
  // `catch (error) { console.error(error); ... }`: `unknown` under strict, but an error all the same.
  const declaration = ts.isIdentifier(value) ? checker.getSymbolAtLocation(value)?.valueDeclaration : undefined;
  if (declaration && (ts.isCatchClause(declaration.parent) || isRejectionReason(declaration))) return true;
  const type = checker.getTypeAtLocation(value);
  return [...getTypeAncestry(type, checker)].some((symbol) => symbol.getName() === "Error");
}

/**
 * `` chalk.red(`Error: ${reason}`) ``, `error("You can't use 'drop' with Gel")`: a function of the
 * project or a package that colours or frames a composed text, called on no list. Its text is as
 * long as what it frames. Handed only numbers or flags (`getReport(id)`), a function may make
 * anything of them; the platform's own calls (`readFileSync("big.txt")`) are no such function.
 */
function isFormattedMessage(call: ts.Expression, checker: ts.TypeChecker, depth: number): boolean {
  if (!ts.isCallExpression(call) || call.arguments.length === 0) return false;
  const callee = skipOuterExpressions(call.expression);
  const receiver = ts.isPropertyAccessExpression(callee) ? callee.expression : undefined;
  if (receiver && isCollectionOrBinary(checker.getTypeAtLocation(receiver), checker)) return false;
  const declaration = getCalledDeclaration(call, checker);
  const fileName = declaration?.getSourceFile().fileName ?? "";
  if (isInPackageFolder(fileName, "node") || isInPackageFolder(fileName, "typescript")) return false;
  const isText = (argument: ts.Expression): boolean =>
    hasOnlyFlags(checker.getTypeAtLocation(argument), ts.TypeFlags.StringLike);
  return (
    call.arguments.some(isText) && call.arguments.every((argument) => isComposedMessage(argument, checker, depth + 1))
  );
}

/** Process events whose listener is handed one error. */
const ERROR_EVENTS = new Set(["uncaughtException", "unhandledRejection"]);

/**
 * The error a rejection handler is handed: `main().catch((error) => …)`, `.then(f, (error) => …)`,
 * `process.on("uncaughtException", (error) => …)`. Typed `any`, but one error all the same.
 */
function isRejectionReason(declaration: ts.Declaration): boolean {
  const handler = declaration.parent;
  if (!ts.isParameter(declaration) || !ts.isFunctionLike(handler) || handler.parameters[0] !== declaration)
    return false;
  const call = handler.parent;
  if (!ts.isCallExpression(call)) return false;
  const index = call.arguments.indexOf(handler as ts.Expression);
  const name = getCalleeName(call.expression);
  if (name === "catch") return index === 0;
  if (name === "then") return index === 1;
  const [event] = call.arguments;
  return index === 1 && event !== undefined && ts.isStringLiteralLike(event) && ERROR_EVENTS.has(event.text);
}

/** Types whose text is a few characters at most: numbers, booleans, `null`. */
const SHORT_SCALAR_FLAGS =
  ts.TypeFlags.NumberLike |
  ts.TypeFlags.BigIntLike |
  ts.TypeFlags.BooleanLike |
  ts.TypeFlags.EnumLike |
  ts.TypeFlags.Null |
  ts.TypeFlags.Undefined |
  ts.TypeFlags.Void;

/** How many constants a message is followed through to their initializers (`const a = b + c`). */
const MESSAGE_TRACE_HOPS = 6;

const TEXT_FLAGS = ts.TypeFlags.StringLike | ts.TypeFlags.Any | ts.TypeFlags.Unknown;

/** Whether every member of `type` (a union's, or itself) has one of `flags`. */
function hasOnlyFlags(type: ts.Type, flags: ts.TypeFlags): boolean {
  const parts = type.isUnion() ? type.types : [type];
  return parts.every((part) => (part.flags & flags) !== 0);
}

/** Text (or `any`), maybe missing or a number: `string | undefined`. */
function isTextValue(node: ts.Expression, checker: ts.TypeChecker): boolean {
  return hasOnlyFlags(checker.getTypeAtLocation(node), TEXT_FLAGS | SHORT_SCALAR_FLAGS);
}

/**
 * `row.total` of a value typed `any` (a database row, parsed arguments), or a local set to one.
 * Inlined in a message (`\`indexed ${row.total} items\``, `console.log("node:", argv.node)`) it
 * is one value; written alone (`stdout.write(result.value)`) it may be the whole output, and what
 * an untyped call makes (`res.toBinary()`) may be a file.
 */
function isUntypedField(node: ts.Expression, checker: ts.TypeChecker): boolean {
  const value = skipOuterExpressions(node);
  if (ts.isIdentifier(value)) {
    const declaration = checker.getSymbolAtLocation(value)?.valueDeclaration;
    const initializer = declaration && ts.isVariableDeclaration(declaration) ? declaration.initializer : undefined;
    return (
      initializer !== undefined &&
      ts.isPropertyAccessExpression(skipOuterExpressions(initializer)) &&
      isUntypedField(initializer, checker)
    );
  }
  const isUntyped = (part: ts.Expression): boolean => (checker.getTypeAtLocation(part).flags & ts.TypeFlags.Any) !== 0;
  return ts.isPropertyAccessExpression(value) && isUntyped(value) && isUntyped(value.expression);
}

/**
 * A value the console prints after a label, as a template would inline it: `console.log("node:",
 * argv.node)` is one line. An untyped field is one value; with `anyText`, so is any text that is
 * not data by its look (`console.log("Created registry dir", dir)`, but not `console.log("Rows:",
 * rows.join("\n"))`, a page).
 */
export function isLabelledValue(
  argument: ts.Expression,
  arguments_: readonly ts.Expression[],
  checker: ts.TypeChecker,
  anyText: boolean,
): boolean {
  if (arguments_.length < 2) return false;
  if (isUntypedField(argument, checker)) return true;
  const isLabelled = anyText && arguments_.some((other) => other !== argument && hasWording(other));
  return isLabelled && isTextValue(argument, checker) && !isEvidentBulk(argument, checker, 0);
}

function isErrorType(type: ts.Type, checker: ts.TypeChecker): boolean {
  return [...getTypeAncestry(type, checker)].some((symbol) => symbol.getName() === "Error");
}

/** A number, a boolean, an error: a few characters, or one error with its stack. */
function isErrorValue(node: ts.Expression, checker: ts.TypeChecker): boolean {
  const type = checker.getTypeAtLocation(node);
  return hasOnlyFlags(type, SHORT_SCALAR_FLAGS) || isErrorType(type, checker);
}

/** An array, a `Map`, a `Set` or another iterable object, or binary data: what bulk is made from. */
function isCollectionOrBinary(type: ts.Type, checker: ts.TypeChecker): boolean {
  const parts = type.isUnionOrIntersection() ? type.types : [type];
  return parts.some(
    (part) =>
      (part.flags & ts.TypeFlags.Object) !== 0 &&
      (checker.isArrayLikeType(part) ||
        part.getProperty("byteLength") !== undefined ||
        part.getProperties().some((property) => property.escapedName.toString().startsWith("__@iterator"))),
  );
}

/**
 * What a message may be made from besides other messages: an options object, a function, a
 * namespace (`chalk.red(...)`, `format(error, config, { noStack: true })`), but no collection.
 */
function isMessageInput(node: ts.Expression, checker: ts.TypeChecker, depth: number): boolean {
  if (isMessage(node, checker, depth) || isLiteralOfMessages(node, checker, depth)) return true;
  if (isListCall(node, checker, depth)) return false;
  const type = checker.getTypeAtLocation(node);
  // Not an untyped value: without the package's types, `res.toBinary()` of an `any` is a whole file.
  const isObject = hasOnlyFlags(
    type,
    ts.TypeFlags.Object |
      ts.TypeFlags.Intersection |
      ts.TypeFlags.NonPrimitive |
      ts.TypeFlags.Null |
      ts.TypeFlags.Undefined,
  );
  return isObject && !isCollectionOrBinary(type, checker);
}

/**
 * A list or an object written out in place from messages: `[]`, `["build", "dev"]`, `{ error:
 * reason }`, or a constant holding one. Its size is fixed by the code, not by data.
 */
export function isLiteralOfMessages(node: ts.Expression, checker: ts.TypeChecker, depth = 0): boolean {
  const value = skipOuterExpressions(node);
  if (depth > MESSAGE_TRACE_HOPS) return false;
  const isPart = (part: ts.Expression): boolean =>
    isMessage(part, checker, depth + 1) ||
    isLiteralOfMessages(part, checker, depth + 1) ||
    isFunctionValue(part, checker);
  if (ts.isArrayLiteralExpression(value)) {
    return value.elements.every((element) => !ts.isSpreadElement(element) && isPart(element));
  }
  if (ts.isObjectLiteralExpression(value)) {
    return value.properties.every(
      (property) =>
        (ts.isPropertyAssignment(property) && isPart(property.initializer)) ||
        (ts.isShorthandPropertyAssignment(property) && isPart(property.name)),
    );
  }
  // A constant list of messages (`const COMMANDS = ["build", "dev"]`). One that starts empty is
  // there to be filled; so is a constant object (`result.problems = …`), and a list of lists or
  // objects, unless the file never changes it (a command's option definitions).
  const constant = getConstantValue(value, checker);
  const list = constant && skipOuterExpressions(constant);
  if (!list || !ts.isArrayLiteralExpression(list) || list.elements.length === 0) return false;
  const isContainer = (element: ts.Expression): boolean =>
    ts.isObjectLiteralExpression(element) || ts.isArrayLiteralExpression(element);
  const isItem = (element: ts.Expression): boolean =>
    !ts.isSpreadElement(element) &&
    (isContainer(element) ? isLiteralOfMessages(element, checker, depth + 1) : isMessage(element, checker, depth + 1));
  if (!list.elements.every(isItem)) return false;
  const declaration = ts.isIdentifier(value) ? getVariableDeclaration(value, checker) : undefined;
  return !list.elements.some(isContainer) || (declaration !== undefined && !isChangedInPlace(declaration, checker));
}

/** `type: Boolean`, `parse: toNumber`, `(value) => value.trim()`: a function is printed as its name, if at all. */
function isFunctionValue(node: ts.Expression, checker: ts.TypeChecker): boolean {
  const value = skipOuterExpressions(node);
  if (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) return true;
  if (!ts.isIdentifier(value) && !ts.isPropertyAccessExpression(value)) return false;
  const type = checker.getTypeAtLocation(value);
  return type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0;
}

/** Array methods that return a list as long as the one they are called on. */
const LIST_METHODS = new Set(["map", "filter", "flatMap", "flat", "sort", "toSorted", "reverse"]);

/** Methods of arrays and of strings alike: a list only when what they return is no text. */
const SEQUENCE_METHODS = new Set(["slice", "concat"]);

/**
 * `rows.map(serialize)` makes a list, whatever `rows` is typed (`any` without the package's
 * types). The pieces of one message (`message.split("\n").filter(f)`) are no more than it, and a
 * method that only shares a list method's name is none: typed, it returns no list; untyped, it is
 * handed more than callbacks and counts (`decorators.reverse("⚠ failed")`, a terminal colour).
 */
function isListCall(node: ts.Expression, checker: ts.TypeChecker, depth: number): boolean {
  const value = skipOuterExpressions(node);
  if (!ts.isCallExpression(value)) return false;
  const name = getCalleeName(value.expression) ?? "";
  const isSequence = SEQUENCE_METHODS.has(name);
  if (!isSequence && !LIST_METHODS.has(name)) return false;
  const result = checker.getTypeAtLocation(value);
  if (isSequence) return !hasOnlyFlags(result, ts.TypeFlags.StringLike | ts.TypeFlags.Any);
  if (isPiecesOfMessage(value, checker, depth)) return false;
  if (!(result.flags & ts.TypeFlags.Any)) return isCollectionOrBinary(result, checker);
  return value.arguments.every((argument) => isListMethodArgument(argument, checker));
}

/** What a list method is handed: a callback (`serialize`, `(row) => row.id`) or a number (`flat(2)`). */
function isListMethodArgument(argument: ts.Expression, checker: ts.TypeChecker): boolean {
  const value = skipOuterExpressions(argument);
  const type = checker.getTypeAtLocation(value);
  // An untyped name may be a function; what an untyped call returns is a value.
  const isUntypedName = (type.flags & ts.TypeFlags.Any) !== 0 && !ts.isCallExpression(value);
  return type.getCallSignatures().length > 0 || hasOnlyFlags(type, ts.TypeFlags.NumberLike) || isUntypedName;
}

/** `text.split("\n").filter(f).map(g)`: a list method chain that starts from splitting a message. */
function isPiecesOfMessage(call: ts.CallExpression, checker: ts.TypeChecker, depth: number): boolean {
  let current: ts.Expression = call;
  while (ts.isCallExpression(current)) {
    const callee = skipOuterExpressions(current.expression);
    if (!ts.isPropertyAccessExpression(callee)) return false;
    if (callee.name.text === "split") return isMessage(callee.expression, checker, depth);
    if (!LIST_METHODS.has(callee.name.text)) return false;
    current = skipOuterExpressions(callee.expression);
  }
  return false;
}

/** `names.join(", ")`: a collection of short text joined into one line. `lines.join("\n")` is a page. */
function isOneLineList(call: ts.CallExpression, checker: ts.TypeChecker): boolean {
  const callee = skipOuterExpressions(call.expression);
  const [separator] = call.arguments;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== "join") return false;
  if (!separator || !ts.isStringLiteralLike(separator) || separator.text.includes("\n")) return false;
  const list = checker.getTypeAtLocation(callee.expression);
  const element = checker.isArrayType(list) ? checker.getTypeArguments(list as ts.TypeReference)[0] : undefined;
  // Untyped items too (`columns.map(toName)` of a package without types): joined without a
  // newline, they make one line.
  return (
    element !== undefined && hasOnlyFlags(element, ts.TypeFlags.StringLike | ts.TypeFlags.Any | SHORT_SCALAR_FLAGS)
  );
}

/** Whether a call's result comes from a library or the platform (`await readFile(path)`), not from the project. */
function isLibraryCall(call: ts.CallExpression, checker: ts.TypeChecker): boolean {
  const callee = skipOuterExpressions(call.expression);
  const name = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
  const symbol = checker.getSymbolAtLocation(name);
  const target = symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const declaration = target?.declarations?.[0];
  return declaration === undefined || declaration.getSourceFile().isDeclarationFile;
}

/**
 * Text whose size the code fixes: literals, numbers and other short scalars, and templates,
 * concatenations and constants made only of those (`"HTTP/1.1 400 Bad Request\r\n\r\n"`,
 * `` `HTTP/1.1 ${status}\r\n` ``). Unlike a message, a string handed in may be a whole body.
 */
export function isBoundedText(node: ts.Expression, checker: ts.TypeChecker, depth = 0): boolean {
  const value = skipOuterExpressions(node);
  if (depth > MESSAGE_TRACE_HOPS) return false;
  const isPart = (part: ts.Expression): boolean => isBoundedText(part, checker, depth);
  if (isSmallLiteral(value)) return true;
  if (hasOnlyFlags(checker.getTypeAtLocation(value), SHORT_SCALAR_FLAGS | ts.TypeFlags.StringLiteral)) return true;
  if (ts.isTemplateExpression(value)) return value.templateSpans.every((span) => isPart(span.expression));
  if (ts.isBinaryExpression(value) && value.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return isPart(value.left) && isPart(value.right);
  }
  if (ts.isConditionalExpression(value)) return isPart(value.whenTrue) && isPart(value.whenFalse);
  if ((ts.isPropertyAccessExpression(value) || ts.isElementAccessExpression(value)) && isNodeTextField(value, checker))
    return true;
  const constant = getConstantValue(value, checker);
  return constant !== undefined && isBoundedText(constant, checker, depth + 1);
}

/**
 * A text field of one of Node's own objects or tables: `request.httpVersion`, `error.code`,
 * `STATUS_CODES[status]`. Node fills them in from a protocol line or a fixed list; none holds a body.
 */
function isNodeTextField(
  node: ts.PropertyAccessExpression | ts.ElementAccessExpression,
  checker: ts.TypeChecker,
): boolean {
  if (!hasOnlyFlags(checker.getTypeAtLocation(node), ts.TypeFlags.StringLike | ts.TypeFlags.Undefined)) return false;
  const named = ts.isPropertyAccessExpression(node) ? node.name : skipOuterExpressions(node.expression);
  const symbol = checker.getSymbolAtLocation(ts.isPropertyAccessExpression(named) ? named.name : named);
  const target = symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const declaration = target?.valueDeclaration;
  return declaration !== undefined && isInPackageFolder(declaration.getSourceFile().fileName, "node");
}

/** Array methods that return one of the list's items. */
const ELEMENT_METHODS = new Set(["shift", "pop", "at", "find", "findLast"]);

/** Literal text with a word in it: `"Error: "`, `` `Unsupported targets ${list}` ``, not `"\n"` or `", "`. */
function hasWording(node: ts.Expression): boolean {
  const value = skipOuterExpressions(node);
  const texts = ts.isTemplateExpression(value)
    ? [value.head.text, ...value.templateSpans.map((span) => span.literal.text)]
    : ts.isStringLiteralLike(value)
      ? [value.text]
      : [];
  return texts.some((text) => /\p{L}{2}/u.test(text));
}

/** The operands of a chain of `+`: `a + ": " + b` is `a`, `": "` and `b`. */
function getConcatenated(node: ts.Expression): ts.Expression[] {
  const value = skipOuterExpressions(node);
  if (!ts.isBinaryExpression(value) || value.operatorToken.kind !== ts.SyntaxKind.PlusToken) return [value];
  return [...getConcatenated(value.left), ...getConcatenated(value.right)];
}

/**
 * What is data by its look, wherever it is inlined: a list or binary data, a list method's result,
 * lines joined into a page, a collection or typed object serialised, and text made from a list
 * (`render(rows)`). `JSON.stringify(value)` of an untyped value says nothing of its size;
 * neither does an untyped or text value on its own (a path from `await mkdtemp(…)`), nor one item
 * of a list (`args.shift()`). Among what text is made from, only a value that is a list whatever
 * it holds counts: `value: string | string[]` is mostly one string.
 */
function isEvidentBulk(node: ts.Expression, checker: ts.TypeChecker, depth: number, isInput = false): boolean {
  const value = skipOuterExpressions(node);
  if (depth > MESSAGE_TRACE_HOPS || isLiteralOfMessages(value, checker, depth)) return false;
  const type = checker.getTypeAtLocation(value);
  if (hasOnlyFlags(type, SHORT_SCALAR_FLAGS | ts.TypeFlags.StringLiteral)) return false;
  const isList = isInput ? isWhollyCollection(type, checker) : isCollectionOrBinary(type, checker);
  if (isList || isListCall(value, checker, depth)) return true;
  if (ts.isCallExpression(value)) {
    const callee = skipOuterExpressions(value.expression);
    const receiver = ts.isPropertyAccessExpression(callee) ? callee.expression : undefined;
    const [first] = value.arguments;
    const name = getCalleeName(callee) ?? "";
    if (ELEMENT_METHODS.has(name)) return false;
    if (name === "join" && receiver && isWhollyCollection(checker.getTypeAtLocation(receiver), checker)) {
      return !isOneLineList(value, checker) && !isFixedList(receiver, checker, depth);
    }
    if (name === "stringify" && first !== undefined) {
      const serialized = checker.getTypeAtLocation(first);
      const isUntyped = (serialized.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0;
      return !isUntyped && !isFixedShapeRecord(serialized, checker);
    }
    // `table.toString()` prints a list; `program.name()` of a builder made from lists does not.
    if (receiver && isWhollyCollection(checker.getTypeAtLocation(receiver), checker)) return true;
    return value.arguments.some(
      (argument) => !ts.isFunctionLike(argument) && isEvidentBulk(argument, checker, depth + 1, true),
    );
  }
  if (ts.isAwaitExpression(value)) return isEvidentBulk(value.expression, checker, depth, isInput);
  // `esm ? renderModule(rows) : renderScript(rows)`: either may be what is written. A default
  // (`unique.name ?? makeName(table, columns)`) is the kind of value it stands in for.
  const alternatives = ts.isConditionalExpression(value)
    ? [value.whenTrue, value.whenFalse]
    : ts.isBinaryExpression(value) && isAlternativeOperator(value.operatorToken.kind)
      ? [value.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken ? value.right : value.left]
      : [];
  if (alternatives.some((alternative) => isEvidentBulk(alternative, checker, depth, isInput))) return true;
  const initializer = ts.isIdentifier(value) ? getVariableInitializer(value, checker) : undefined;
  return initializer !== undefined && isEvidentBulk(initializer, checker, depth + 1, isInput);
}

/** `TARGETS.concat("all")`, `COMMANDS.map(describe)`: a list as long as one the code writes out. */
function isFixedList(node: ts.Expression, checker: ts.TypeChecker, depth: number): boolean {
  let current = skipOuterExpressions(node);
  while (ts.isCallExpression(current)) {
    const callee = skipOuterExpressions(current.expression);
    const name = getCalleeName(callee) ?? "";
    if (!ts.isPropertyAccessExpression(callee) || !(LIST_METHODS.has(name) || SEQUENCE_METHODS.has(name))) break;
    const added = name === "concat" ? current.arguments : [];
    if (
      !added.every((argument) => isLiteralOfMessages(argument, checker, depth) || isMessage(argument, checker, depth))
    )
      return false;
    current = skipOuterExpressions(callee.expression);
  }
  return isLiteralOfMessages(current, checker, depth);
}

function isAlternativeOperator(kind: ts.SyntaxKind): boolean {
  return (
    kind === ts.SyntaxKind.BarBarToken ||
    kind === ts.SyntaxKind.QuestionQuestionToken ||
    kind === ts.SyntaxKind.AmpersandAmpersandToken
  );
}

/** How deep a record's fields are followed: `{ build: { sha, date } }` is two. */
const RECORD_DEPTH = 3;

/**
 * An object type whose fields are fixed and short: text, numbers, flags or records of those
 * (`{ version: string; sha?: string; built: string }`). Serialised, it is a line or two. A list,
 * a map, an index signature (`Record<string, string>`) or a field of any of those can be long.
 * An error serialises to its own enumerable fields only (`{}`, a `code`): its message and stack are not.
 */
function isFixedShapeRecord(type: ts.Type, checker: ts.TypeChecker, depth = 0): boolean {
  const parts = (type.isUnion() ? type.types : [type]).filter(
    (part) => !(part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)),
  );
  return (
    depth < RECORD_DEPTH &&
    parts.length > 0 &&
    parts.every(
      (part) =>
        isErrorType(part, checker) ||
        ((part.flags & ts.TypeFlags.Object) !== 0 &&
          part.getCallSignatures().length === 0 &&
          !isCollectionOrBinary(part, checker) &&
          checker.getIndexInfosOfType(part).length === 0 &&
          part.getProperties().length > 0 &&
          part.getProperties().every((property) => {
            const field = checker.getTypeOfSymbol(property);
            return (
              hasOnlyFlags(field, ts.TypeFlags.StringLike | SHORT_SCALAR_FLAGS) ||
              isFixedShapeRecord(field, checker, depth + 1)
            );
          })),
    )
  );
}

/** A list or binary data in every form it may take, `undefined` aside. */
function isWhollyCollection(type: ts.Type, checker: ts.TypeChecker): boolean {
  const parts = (type.isUnion() ? type.types : [type]).filter((part) => !(part.flags & ts.TypeFlags.Undefined));
  return parts.length > 0 && parts.every((part) => isCollectionOrBinary(part, checker));
}

/**
 * The initializer of the variable `name` refers to, `const` or not; none for a destructured name
 * (`const [first] = rows` is one item, not the list).
 */
function getVariableInitializer(name: ts.Identifier, checker: ts.TypeChecker): ts.Expression | undefined {
  const declaration = checker.getSymbolAtLocation(name)?.valueDeclaration;
  return declaration && ts.isVariableDeclaration(declaration) ? declaration.initializer : undefined;
}

/**
 * `...messages` of a rest parameter `...messages: string[]`: each is text handed in, as a `string`
 * parameter is. A logger's `...args: any[]` is not: whatever is logged goes through it.
 */
function isSpreadOfTextParameter(spread: ts.SpreadElement, checker: ts.TypeChecker): boolean {
  const spreadValue = skipOuterExpressions(spread.expression);
  const symbol = ts.isIdentifier(spreadValue) ? checker.getSymbolAtLocation(spreadValue) : undefined;
  const declaration = symbol?.valueDeclaration;
  if (!declaration || !ts.isParameter(declaration) || !declaration.dotDotDotToken) return false;
  const list = checker.getTypeAtLocation(declaration);
  const element = checker.isArrayType(list) ? checker.getTypeArguments(list as ts.TypeReference)[0] : undefined;
  return element !== undefined && hasOnlyFlags(element, ts.TypeFlags.StringLike | SHORT_SCALAR_FLAGS);
}

/** A message that is text or a number (`log("Deployed")`), not an object made from other values. */
export function isTextMessage(node: ts.Expression, checker: ts.TypeChecker): boolean {
  return isTextValue(node, checker) && isMessage(node, checker);
}

/**
 * A message: text made from literals, errors, values handed in, options, and calls on those
 * (`red(text)`, `usage(options)`, `styleText("red", reindent(\`...\`))`), or a constant so made.
 * Bulk is text made from data: `JSON.stringify(x)`, `renderTable(rows)`, `rows.map(f).join("\n")`,
 * a file's contents (`await readFile(path)`), a Buffer, an object for the console to format.
 */
export function isMessage(node: ts.Expression, checker: ts.TypeChecker, depth = 0): boolean {
  const value = skipOuterExpressions(node);
  if (depth > MESSAGE_TRACE_HOPS) return false;
  const isPart = (part: ts.Expression): boolean => isMessage(part, checker, depth);
  const isInlined = (part: ts.Expression): boolean => isPart(part) || isUntypedField(part, checker);
  const isInput = (part: ts.Expression): boolean => isMessageInput(part, checker, depth);
  if (ts.isStringLiteralLike(value) || ts.isNumericLiteral(value)) return true;
  if (ts.isSpreadElement(value)) return isSpreadOfTextParameter(value, checker);
  // `rows.length`, `count > 1`, a `"ok" | "stall"`: a few characters, whatever they are computed from.
  if (hasOnlyFlags(checker.getTypeAtLocation(value), SHORT_SCALAR_FLAGS | ts.TypeFlags.StringLiteral)) return true;
  if (ts.isTemplateExpression(value)) {
    if (hasWording(value)) return value.templateSpans.every((span) => !isEvidentBulk(span.expression, checker, depth));
    return value.templateSpans.every((span) => isInlined(span.expression));
  }
  if (ts.isTaggedTemplateExpression(value)) return isPart(value.template);
  if (ts.isObjectLiteralExpression(value) || ts.isArrayLiteralExpression(value)) {
    return isLiteralOfMessages(value, checker, depth);
  }
  if (ts.isBinaryExpression(value)) {
    const operator = value.operatorToken.kind;
    if (operator === ts.SyntaxKind.PlusToken) {
      const operands = getConcatenated(value);
      if (operands.some(hasWording)) return operands.every((part) => !isEvidentBulk(part, checker, depth));
    }
    const joins =
      operator === ts.SyntaxKind.PlusToken ||
      operator === ts.SyntaxKind.BarBarToken ||
      operator === ts.SyntaxKind.QuestionQuestionToken ||
      operator === ts.SyntaxKind.AmpersandAmpersandToken;
    if (joins) return isInlined(value.left) && isInlined(value.right);
  }
  if (ts.isConditionalExpression(value)) return isPart(value.whenTrue) && isPart(value.whenFalse);
  if (ts.isCallExpression(value)) {
    // `JSON.stringify({ error: reason })`, `JSON.stringify(buildInfo)`: as short as what it is given.
    if (getCalleeName(value.expression) === "stringify") {
      const [serialized] = value.arguments;
      return (
        serialized !== undefined &&
        (isLiteralOfMessages(serialized, checker, depth) ||
          isFixedShapeRecord(checker.getTypeAtLocation(serialized), checker))
      );
    }
    if (isOneLineList(value, checker)) return true;
    if (isListCall(value, checker, depth)) return false;
    // `args.shift()`, `names.find(f)`: one item of a list, as `args[0]` is.
    if (ELEMENT_METHODS.has(getCalleeName(value.expression) ?? "") && isTextValue(value, checker)) return true;
    const callee = skipOuterExpressions(value.expression);
    const receiverOk = !ts.isPropertyAccessExpression(callee) || isInput(callee.expression);
    // `wrapParam("database", config.out)`: an untyped field handed in beside a label is one value.
    const isLabelled = value.arguments.some(hasWording);
    return (
      receiverOk &&
      value.arguments.every(
        (argument) =>
          ts.isFunctionLike(argument) || isInput(argument) || (isLabelled && isUntypedField(argument, checker)),
      )
    );
  }
  // `await getName(args)`: text the project's function makes from messages. `await readFile(path)`
  // is a file, and `await listWorkflows()` data, whatever they are handed.
  if (ts.isAwaitExpression(value)) {
    const awaited = skipOuterExpressions(value.expression);
    const isText = hasOnlyFlags(checker.getTypeAtLocation(value), ts.TypeFlags.StringLike | SHORT_SCALAR_FLAGS);
    return isText && ts.isCallExpression(awaited) && !isLibraryCall(awaited, checker) && isPart(awaited);
  }
  // One element of a collection (`process.argv[2]`) is no more than one item.
  if (ts.isElementAccessExpression(value) && isTextValue(value, checker)) return true;
  if (ts.isPropertyAccessExpression(value) || ts.isElementAccessExpression(value)) {
    if (ts.isPropertyAccessExpression(value) && (value.name.text === "message" || value.name.text === "stack"))
      return true;
    return (isTextValue(value, checker) || isErrorValue(value, checker)) && isInput(value.expression);
  }
  if (ts.isIdentifier(value)) {
    const declaration = checker.getSymbolAtLocation(value)?.valueDeclaration;
    if (declaration && ts.isCatchClause(declaration.parent)) return true;
    // A parameter by its declared type: `if (error) console.error(error)` narrows `unknown` to `{}`.
    // Narrowed to text it is text too: `typeof status === "string" ? status : status.loading`.
    if (declaration && ts.isParameter(declaration)) {
      const declared = checker.getTypeAtLocation(declaration);
      const isError = ts.isIdentifier(declaration.name) && isErrorValue(declaration.name, checker);
      const isNarrowedToText = hasOnlyFlags(checker.getTypeAtLocation(value), ts.TypeFlags.StringLike);
      return hasOnlyFlags(declared, TEXT_FLAGS | SHORT_SCALAR_FLAGS) || isError || isNarrowedToText;
    }
    if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer) {
      // A list or object set up in a variable is there to be filled (`const lines = []`).
      const initializer = skipOuterExpressions(declaration.initializer);
      if (ts.isObjectLiteralExpression(initializer) || ts.isArrayLiteralExpression(initializer)) return false;
      return isMessage(initializer, checker, depth + 1);
    }
    if (isTextValue(value, checker)) return true;
  }
  return isErrorValue(value, checker);
}

import ts from "../typescript.cjs";

import type { AnalysisContext } from "../model/analysis-context.js";
import { getConstantValue, getVariableDeclaration, isConstDeclaration } from "../model/declarations.js";
import {
  getBodyText,
  getEnclosingFunction,
  isAsyncFunction,
  isPerItemCall,
  type FunctionLike,
} from "../model/function-context.js";
import { bindKeys, createKeyPorter } from "../model/call-bindings.js";
import { getCalleeBody, getFunctionOfDeclaration, getReferencedFunction } from "../model/callees.js";
import { getFileIndex, getOwnCalls, type Scope } from "../model/file-index.js";
import {
  getFileKeys,
  getFileUsePaths,
  getPathKeys,
  getPipeSources,
  getPipeWrite,
  isPipeOrFileUseName,
} from "../model/file-streams.js";
import {
  getStreamCall,
  isExitReference,
  isThenableType,
  mayContainStreamCall,
  type StreamCall,
} from "../model/stream-calls.js";
import { PathWalker } from "./path-walker.js";
import { isReplyPromise } from "./reply-promises.js";
import {
  isBoundedText,
  isComposedMessage,
  isLiteralOfMessages,
  isMessage,
  isTextMessage,
  isLabelledValue,
} from "./stdio-messages.js";
import {
  getStreamFamily,
  isConnection,
  isFileStream,
  isNetworkStream,
  isProcessStdio,
  isSocket,
} from "../model/stream-families.js";
import { isPromptCall } from "../model/prompts.js";
import { isInTestBody } from "./test-bodies.js";
import {
  collectMentionedKeys,
  getShutdownKeys,
  getStreamKey,
  getStreamKeys,
  type StreamKey,
} from "../model/stream-identity.js";
import {
  forEachDescendant,
  getCalleeName,
  getExpressionStatementOf,
  getOutermostExpression,
  isInside,
  isNullish,
  perSourceFile,
  skipOuterExpressions,
} from "../model/syntax.js";

export interface ShutdownOptions {
  /**
   * Also count a single message to stdout or stderr as lost by `process.exit()` when its size is
   * unknown (`console.error(message)`). By default only output that can be large counts: written
   * in a loop or once per item, binary data, objects to format, `JSON.stringify()` or `join()`.
   */
  readonly checkMessagesBeforeExit: boolean;
}

/** Data handed to a stream that nothing on the current path has waited for yet. */
export interface PendingWrite {
  readonly call: StreamCall;
  /** The stream and every stream it writes through; empty for process-wide writes (`console.log`). */
  readonly keys: readonly StreamKey[];
  /** Written inside a loop: several writes of unknown number may be queued. */
  readonly repeated: boolean;
  /**
   * Whether the kernel takes it whole at once (a message to stdout or stderr, a status line to a
   * socket), so an exit or an orderly close loses nothing. Asked only when a shutdown is reached:
   * the type checks behind it are not cheap.
   */
  readonly isSmall: () => boolean;
  /** An `end()` without data: nothing to lose by itself, only what was written before it. */
  readonly bare?: boolean;
  /** The call in this function through which a function it calls made the write: `run()` for a `console.log()` in `run`. */
  readonly through?: ts.CallExpression;
  /** Another method of the class that leaves the write pending when it returns: `send()` for `close()`. */
  readonly method?: FunctionLike;
  /** The write's promise is what its function returns: awaiting the call waits for it. */
  readonly settlesWithCall?: boolean;
  /** The names of the file the stream writes, when it is a file stream made in view (file-streams.ts). */
  readonly fileKeys?: readonly StreamKey[];
  /** Handed on by `pipe()`: the sink is written until its source ends. */
  readonly piped?: boolean;
}

/**
 * In the walk that summarises a function: whatever its caller may have written to a stream the
 * function can reach (a parameter, `this.out`, stdout). A shutdown that reaches it, or a wait that
 * takes it off, is what the summary tells the caller.
 */
interface OuterStream {
  readonly outer: true;
  readonly keys: readonly StreamKey[];
}

type Pending = PendingWrite | OuterStream;

function isWrite(pending: Pending): pending is PendingWrite {
  return !("outer" in pending);
}

/** Where the write happens as seen from the walked function: the write, or the call that leads to it. */
function getSite(write: PendingWrite): ts.Node | undefined {
  if (write.method) return undefined;
  return write.through ?? write.call.node;
}

/** Whether awaiting (or chaining on) `waited` waits for `write`: its promise is part of `waited`. */
function isSettledBy(write: PendingWrite, waited: ts.Node): boolean {
  const site = getSite(write);
  if (!site || !isInside(site, waited)) return false;
  return write.through === undefined || write.settlesWithCall === true;
}

export type ShutdownKind =
  /** Node `destroy()` / `resetAndDestroy()` on a stream with pending writes. */
  | "destroy"
  /** WHATWG `abort()`, a custom stream's `abort()`/`destroy()`: queued chunks are dropped. */
  | "abort"
  /** `process.exit()` with pending writes anywhere in the process. */
  | "exit"
  /** `resolve()` or the completion callback right after `end()`, before `"finish"`. */
  | "announce"
  /** The end of the scope of a `using`/`await using` Node stream: disposal destroys it. */
  | "dispose"
  /** Reading, renaming or copying a file that a stream still writes. */
  | "use"
  /** An async function returning (its promise resolving) right after ending the file its caller named. */
  | "return";

export interface ShutdownBeforeFlush {
  readonly kind: ShutdownKind;
  /**
   * The shutdown: a call, the `process.exit` reference in `.then(process.exit)`, or for a disposal
   * the `using` declaration's name.
   */
  readonly node: ts.Expression;
  /** For a disposal: where the scope is left, a `return` or the block's closing. */
  readonly exit?: ts.ReturnStatement | ts.Block | ts.SourceFile;
  /** The write whose data it loses: the latest one pending. */
  readonly write: PendingWrite;
  /** When the shutdown happens in a function called here (`node` is the call): that shutdown. */
  readonly shutdownIn?: ts.Expression;
  /** The stream shut down, as written here, if the shutdown names one. */
  readonly stream?: ts.Expression;
  /** Every pending write it loses, oldest first. */
  readonly lost: readonly PendingWrite[];
}

type State = readonly Pending[];

/** What a call of a function does to its caller's streams, in the portable terms of call-bindings.ts. */
export interface ShutdownSummary {
  /** Writes still pending when it returns. */
  readonly pending: readonly PendingWrite[];
  /** Streams it destroys or aborts before anything waited for what the caller wrote to them. */
  readonly drops: readonly SummaryDrop[];
  /** Where it may end the process: the exit itself, and the call in it that leads there. */
  readonly exit: { readonly node: ts.Expression; readonly inner: ts.Expression } | undefined;
  /** Streams it waits for on every path: what the caller wrote to them has left when it returns. */
  readonly waits: readonly StreamKey[];
  /** Files it reads, renames or copies, by the names of their paths. */
  readonly fileUses: readonly SummaryFileUse[];
  /**
   * Whether it returns only `true` or `false` and leaves nothing written where it returns `false`
   * (or nothing): after `if (await handle(args)) return;` the caller goes on with none of its output.
   */
  readonly quietWhenFalse: boolean;
}

interface SummaryFileUse {
  readonly keys: readonly StreamKey[];
  /** The `rename()`, `readFile()`… call, maybe deep in further calls. */
  readonly node: ts.Expression;
}

interface SummaryDrop {
  readonly keys: readonly StreamKey[];
  /** The `destroy()` or `abort()` call, maybe deep in further calls. */
  readonly node: ts.Expression;
  readonly kind: "destroy" | "abort";
}

/** The key shared by `console.*` writes and `process.stdout`/`stderr`, however they are reached. */
const STDIO_KEY = "stdio";

/** Events after which a stream's data is out; `"close"` comes after `"finish"`, or after a destroy. */
const FLUSH_EVENTS = new Set(["finish", "drain", "close"]);
const FLUSH_LISTENER_METHODS = new Set(["on", "once", "addListener", "prependListener", "prependOnceListener"]);

/** Calls that drop what a stream has queued. */
const DROP_NAMES = new Set(["destroy", "resetAndDestroy", "abort"]);

/** Calls that run a callback later, whatever happened to the output meanwhile. */
const TIMER_NAMES = new Set(["setTimeout", "setImmediate", "nextTick", "queueMicrotask"]);

const SHUTDOWN_NAMES = new Set([...DROP_NAMES, "exit", "end"]);

/**
 * Calls that may run an exit later: `.then(process.exit)`, `setTimeout(() => process.exit(1))`.
 * Promise chains and timers are everywhere; only a scope whose text says `exit` is walked for them.
 */
const DEFERRING_NAMES = new Set(["then", "finally", ...TIMER_NAMES]);

function merge(a: State | undefined, b: State | undefined): State | undefined {
  if (!a) return b;
  if (!b) return a;
  return [...a, ...b.filter((write) => !a.includes(write))];
}

/**
 * Data the kernel takes whole at once, so that an exit, or a `destroy()` that closes the socket
 * in order, loses none of it: a message to stdout or stderr, or text of a size the code fixes
 * (a status line, a literal reply) to a socket. Measured in test/runtime (bounded-output.test.ts).
 */
function isSmallWrite(
  call: StreamCall,
  repeated: boolean,
  context: AnalysisContext,
  options: ShutdownOptions,
): boolean {
  const { checker } = context;
  // The syntactic tests are cheap; the type tests that follow are not. `console.log()` prints a newline.
  if (call.operation !== "write" && call.operation !== "end") return false;
  const arguments_ = call.node.arguments.filter((argument) => !ts.isFunctionLike(argument));
  // By default a message is small even in a loop: what makes output large is judged by its
  // content (a list of a few dozen lines is the common case); the option counts every repeat.
  // `console.log("node id:", argv.node)`: a labelled value is inlined in the message, not written
  // alone. Text of unknown size after a label is what checkMessagesBeforeExit reports.
  const isMessageWrite = (): boolean =>
    (!repeated || !options.checkMessagesBeforeExit) &&
    arguments_.every(
      (argument) =>
        isShortMessage(argument, checker, options) ||
        isLabelledValue(argument, arguments_, checker, !options.checkMessagesBeforeExit),
    );
  if (call.owner === "console") return isMessageWrite();
  const { stream } = call;
  if (!stream) return false;
  const type = checker.getTypeAtLocation(stream);
  if (isProcessStdio(type, checker)) return call.operation === "write" && isMessageWrite();
  return (
    !repeated &&
    (isSocket(type, checker) || isTakenOverSocket(stream, checker)) &&
    !mayBeConnecting(stream, checker) &&
    arguments_.every((argument) => isBoundedText(argument, checker))
  );
}

/** Events of an HTTP server that hand the connection's socket over (typed a `Duplex`, but a socket). */
const TAKEOVER_EVENTS = new Set(["upgrade", "connect"]);

/** `server.on("upgrade", (req, socket) => …)`: `socket` is the request's connected socket. */
function isTakenOverSocket(stream: ts.Expression, checker: ts.TypeChecker): boolean {
  const value = skipOuterExpressions(stream);
  const declaration = ts.isIdentifier(value) ? checker.getSymbolAtLocation(value)?.valueDeclaration : undefined;
  if (!declaration || !ts.isParameter(declaration)) return false;
  const listener = declaration.parent;
  const registration = listener.parent;
  if (listener.parameters[1] !== declaration || !ts.isCallExpression(registration)) return false;
  const [event, handler] = registration.arguments;
  return (
    handler === listener &&
    event !== undefined &&
    ts.isStringLiteralLike(event) &&
    TAKEOVER_EVENTS.has(event.text) &&
    FLUSH_LISTENER_METHODS.has(getCalleeName(registration.expression) ?? "")
  );
}

/** Calls that return a socket before it is connected: what is written meanwhile waits in the process. */
const CONNECTING_CALL_NAME = /^(connect|createConnection|Socket)$/;

/** `const socket = connect(port)`: until `"connect"`, writes are queued in the process, not in the kernel. */
function mayBeConnecting(stream: ts.Expression, checker: ts.TypeChecker): boolean {
  const value = skipOuterExpressions(stream);
  const declaration = ts.isIdentifier(value) ? getVariableDeclaration(value, checker) : undefined;
  return declaration?.initializer !== undefined && isConnectingCall(declaration.initializer);
}

/** `connect(port)`, `new Socket()`, or either of two such (`tls ? tlsConnect(o) : connect(o)`). */
function isConnectingCall(node: ts.Expression): boolean {
  const value = skipOuterExpressions(node);
  if (ts.isConditionalExpression(value)) return isConnectingCall(value.whenTrue) || isConnectingCall(value.whenFalse);
  if (!ts.isCallExpression(value) && !ts.isNewExpression(value)) return false;
  const name = getCalleeName(value.expression);
  return name !== undefined && CONNECTING_CALL_NAME.test(name);
}

/** A message; the option narrows messages to those composed in place. Bulk never counts as one. */
function isShortMessage(argument: ts.Expression, checker: ts.TypeChecker, options: ShutdownOptions): boolean {
  return isMessage(argument, checker) && (!options.checkMessagesBeforeExit || isComposedMessage(argument, checker));
}

/** A write to a socket or HTTP/2 stream, whose peer answers on the same connection. */
function isConnectionWrite(write: PendingWrite, checker: ts.TypeChecker): boolean {
  const { stream } = write.call;
  return stream !== undefined && isConnection(checker.getTypeAtLocation(stream), checker);
}

/** Whether `process.exit()` would cut this write short. */
function isLostOnExit(write: PendingWrite): boolean {
  // A child's output piped to ours streams out as it comes; what an exit could cut is the child's.
  if (write.isSmall() || (write.piped && write.keys.includes(STDIO_KEY))) return false;
  switch (write.call.owner) {
    case "node-writable":
    case "console":
    case "fs-promises":
    case "custom":
      return true;
    case "file-handle":
      // write() calls are all queued to the thread pool before the exit and complete, even in a
      // loop (measured: 8 and 64 MiB, 12 of 12); writeFile()/appendFile() write in chunks, each
      // started by the last one's completion, and lose the rest (measured: 512 KiB of 8 MiB).
      return /\b(writeFile|appendFile)$/.test(write.call.calleeText);
    default:
      return false;
  }
}

/**
 * `const out = buildChain(); out.on("end", done)`: `out` is what the call that left the writes
 * pending returned, the output of the chain it piped together. Its end comes after everything
 * written into the chain has come through.
 */
function isResultOf(emitter: ts.Expression, call: ts.CallExpression | undefined, checker: ts.TypeChecker): boolean {
  const value = skipOuterExpressions(emitter);
  const declaration = call && ts.isIdentifier(value) ? getVariableDeclaration(value, checker) : undefined;
  return declaration?.initializer !== undefined && skipOuterExpressions(declaration.initializer) === call;
}

function isPromiseExecutorParameter(symbol: ts.Symbol): boolean {
  const declaration = symbol.valueDeclaration;
  if (!declaration || !ts.isParameter(declaration)) return false;
  const executor = declaration.parent;
  const construct = executor.parent;
  return (
    (ts.isArrowFunction(executor) || ts.isFunctionExpression(executor)) &&
    executor.parameters[0] === declaration &&
    ts.isNewExpression(construct) &&
    ts.isIdentifier(construct.expression) &&
    construct.expression.text === "Promise"
  );
}

/**
 * Names of completion callbacks. A last parameter called `next` (Express middleware) passes control
 * on rather than reporting that the work is done, so it is not one.
 */
const COMPLETION_CALLBACK_NAME = /^(cb|callback|done|resolve|finish(ed)?|complete(d)?|on(Done|Finish|Complete|End))$/;

/**
 * `done()`, `cb(null)`, `resolve(undefined)`: a signal that the work is finished. A call that hands
 * over a value (`resolve(received)`) is delivering a result instead.
 */
function isBareSuccess(call: ts.CallExpression): boolean {
  const [first] = call.arguments;
  if (first === undefined) return true;
  const value = skipOuterExpressions(first);
  return value.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(value) && value.text === "undefined");
}

/**
 * `await new Promise((resolve) => { ...; out.end(); resolve(); }); await read(out);`: the only one
 * told is the function awaiting the promise, and it then waits on the stream itself.
 */
function isWaitedOnByAwaiter(callee: ts.Expression, keys: readonly StreamKey[], checker: ts.TypeChecker): boolean {
  const symbol = checker.getSymbolAtLocation(skipOuterExpressions(callee));
  if (!symbol?.valueDeclaration || !isPromiseExecutorParameter(symbol)) return false;
  const construction = getOutermostExpression(symbol.valueDeclaration.parent.parent as ts.NewExpression);
  const awaiting = construction.parent;
  const scope = ts.isAwaitExpression(awaiting) ? getEnclosingFunction(awaiting) : undefined;
  if (!scope) return false;
  let waited = false;
  forEachDescendant(scope, (node) => {
    if (waited) return false;
    if (ts.isAwaitExpression(node) && node.pos >= awaiting.end) {
      const mentioned = collectMentionedKeys(node.expression, checker);
      waited = keys.some((key) => mentioned.has(key));
    }
    return !waited;
  });
  return waited;
}

/** Events that say a stream has ended: a listener that reports success on one announces the job done. */
const END_EVENTS = new Set(["end", "close", "finish"]);

/** Events after which a writable stream has nothing left to send. */
const DONE_EVENTS = new Set(["close", "finish"]);

/** Events that tell listeners a job is done: emitting one right after `end()` is an announcement. */
const COMPLETION_EVENTS = new Set(["end", "finish", "done", "complete", "completed", "close", "success"]);

/** `this.emit("end")`, `this.emit("done", path)`: listeners hear the job is complete. */
function isCompletionEvent(call: ts.CallExpression): boolean {
  const [event, ...values] = call.arguments;
  // A result at most (`emit("end", path)`): an event handing on request, response and more is a
  // library's own protocol, not a report that the job is done.
  return (
    getCalleeName(call.expression) === "emit" &&
    event !== undefined &&
    ts.isStringLiteralLike(event) &&
    COMPLETION_EVENTS.has(event.text) &&
    values.length <= 1
  );
}

/**
 * `resolve()` of the enclosing promise, the function's own completion callback, or an emitted
 * completion event. Whether it hands over a value is the caller's to judge.
 */
function isCompletionSignal(
  call: ts.CallExpression,
  scope: FunctionLike | ts.SourceFile,
  checker: ts.TypeChecker,
): boolean {
  return isCompletionEvent(call) || isCompletionCallback(call.expression, scope, checker);
}

/** `resolve` of the enclosing promise, or the function's own completion callback (`done`). */
function isCompletionCallback(
  expression: ts.Expression,
  scope: FunctionLike | ts.SourceFile,
  checker: ts.TypeChecker,
): boolean {
  const callee = skipOuterExpressions(expression);
  if (!ts.isIdentifier(callee) || ts.isSourceFile(scope)) return false;
  const symbol = checker.getSymbolAtLocation(callee);
  if (!symbol) return false;
  if (isPromiseExecutorParameter(symbol)) return true;
  const lastParameter = scope.parameters.at(-1);
  return (
    lastParameter !== undefined &&
    symbol.valueDeclaration === lastParameter &&
    COMPLETION_CALLBACK_NAME.test(callee.text)
  );
}

/** Whether a scope has anything rule 2 could report: the cheap test made before any type check. */
function hasShutdownCandidate(scope: Scope): boolean {
  let mentionsExit: boolean | undefined;
  const isCandidateName = (name: string): boolean =>
    SHUTDOWN_NAMES.has(name) ||
    isPipeOrFileUseName(name) ||
    (DEFERRING_NAMES.has(name) && (mentionsExit ??= getBodyText(scope).includes("exit")));
  const isCandidateCall = (call: ts.CallExpression): boolean => {
    const name = getCalleeName(call.expression);
    return (name !== undefined && isCandidateName(name)) || isDisposeCall(call);
  };
  return (
    getOwnCalls(scope).some(isCandidateCall) ||
    (mentionsUsing(scope.getSourceFile()) && USING_TEXT.test(getBodyText(scope)) && hasUsingDeclaration(scope))
  );
}

/** `using` or `await using` as a word: text without it declares no disposable binding. */
const USING_TEXT = /\busing\b/;

/** Asked of the file first: most have no `using`, and then none of their functions needs its text cut out. */
const mentionsUsing = perSourceFile((sourceFile) => USING_TEXT.test(sourceFile.text));

/** Whether `scope` itself (not a function nested in it) declares a `using` binding. */
function hasUsingDeclaration(scope: Scope): boolean {
  let found = false;
  forEachDescendant(scope, (node) => {
    if (found || ts.isFunctionLike(node)) return false;
    found = ts.isVariableDeclarationList(node) && isUsingDeclarationList(node);
    return !found;
  });
  return found;
}

function isUsingDeclarationList(list: ts.VariableDeclarationList): boolean {
  return (list.flags & ts.NodeFlags.Using) !== 0;
}

/** `s[Symbol.asyncDispose]()`, `s[Symbol.dispose]()`. */
export function isDisposeCall(node: ts.CallExpression): boolean {
  const callee = skipOuterExpressions(node.expression);
  return (
    ts.isElementAccessExpression(callee) && /^Symbol\.(asyncDispose|dispose)$/.test(callee.argumentExpression.getText())
  );
}

/** A `using` binding of a Node stream, disposed (which destroys it) when its block is left. */
interface DisposedBinding {
  readonly name: ts.Identifier;
  readonly keys: readonly StreamKey[];
}

/** A listener that reports completion, and the stream it listens to. */
interface AnnouncingListener {
  readonly emitter: ts.Expression;
  readonly emitterKeys: readonly StreamKey[];
  readonly signals: (ts.CallExpression | ts.Identifier)[];
}

/**
 * The shutdown analysis of one scope: writes become pending on the paths they run on, waits take
 * them off, and a shutdown reached while some are pending is a finding.
 */
class ShutdownAnalysis extends PathWalker<State> {
  readonly findings: ShutdownBeforeFlush[] = [];
  /** The `using` Node streams of the blocks being walked, innermost last. */
  private readonly disposals: DisposedBinding[][] = [];
  /**
   * Variables set by a `"finish"`, `"drain"` or `"close"` listener of a stream (the flag it sets,
   * or the listener itself, a spy): awaiting something that reads them waits for that stream.
   */
  private readonly listenerSignals = new Map<ts.Symbol, readonly StreamKey[]>();
  /** The states at the scope's `return`s. */
  readonly returnStates: State[] = [];
  /** What each of those `return`s returns, when it is a boolean literal. */
  readonly returnedBooleans: (boolean | undefined)[] = [];
  /** Shutdowns that reach an {@link OuterStream}: only a summary's walk has those. */
  readonly outerDrops: SummaryDrop[] = [];
  /** The first exit on any path, and the exit itself when it happens in a called function. */
  exitSite: ShutdownSummary["exit"];
  /** Streams handed to `finished()` or `once(s, "finish")` anywhere in the scope, awaited or not. */
  readonly completed = new Set<StreamKey>();
  /** Every file the scope reads, renames or copies, for its summary. */
  readonly fileUses: SummaryFileUse[] = [];
  /** Listeners registered so far that report completion (`src.on("end", () => resolve())`). */
  private readonly announcingListeners: AnnouncingListener[] = [];

  constructor(
    scope: FunctionLike | ts.SourceFile,
    private readonly context: AnalysisContext,
    private readonly options: ShutdownOptions,
    /** How many calls deep the summaries of called functions are followed. */
    private readonly depth: number,
  ) {
    super(scope, context.checker);
  }

  protected merge(a: State | undefined, b: State | undefined): State | undefined {
    return merge(a, b);
  }

  protected enterBlock(): void {
    this.disposals.push([]);
  }

  /**
   * `if (!writer) return;`: where the stream is missing, nothing is pending on it and nothing to
   * wait for. `if (await handle(args)) return;`: where a function that writes only when it returns
   * `true` returned `false`, nothing it wrote is pending.
   */
  protected override narrowed(condition: ts.Expression, outcome: boolean, state: State): State {
    if (state.length === 0) return state;
    const falseCall = getCallThatReturnedFalse(condition, outcome);
    if (falseCall && this.isQuietWhenFalse(falseCall)) {
      return state.filter((pending) => !isWrite(pending) || pending.through !== falseCall);
    }
    const missing = getMissingValue(condition, outcome);
    const keys = missing ? getStreamKeys(missing, this.context.checker) : [];
    return keys.length === 0 ? state : state.filter((pending) => !pending.keys.some((key) => keys.includes(key)));
  }

  protected afterStatement(statement: ts.Statement): void {
    if (ts.isVariableStatement(statement)) this.addUsingBindings(statement);
  }

  protected leaveBlock(statements: readonly ts.Statement[], state: State | undefined): void {
    const bindings = this.disposals.pop()!;
    const block = statements[0]?.parent;
    if (state && block && (ts.isBlock(block) || ts.isSourceFile(block))) this.dispose(bindings, state, block);
  }

  /** A `return` leaves every block around it; a `throw` is an error path, where disposal is meant. */
  protected returned(node: ts.ReturnStatement, state: State): void {
    for (const bindings of this.disposals) this.dispose(bindings, state, node);
    const returned = node.expression;
    const { checker } = this.context;
    // `return new Promise((resolve) => out.on("close", resolve))`: awaiting the call waits for `out`.
    // A stream only handed on (`return render(stdout)`) is not waited for by the promise.
    let signalled: StreamKey[] | undefined;
    // `return new Promise((resolve) => { pending.set(id, resolve); })` after writing a request to a
    // connection: it settles on the peer's answer, which the request has then reached.
    let isReply: boolean | undefined;
    const isWaitedByReturn = (write: PendingWrite): boolean =>
      returned !== undefined &&
      !isDeclaredPrimitive(this.scope) &&
      isThenableType(checker.getTypeAtLocation(returned), checker) &&
      (write.keys.some((key) => (signalled ??= this.getSettlingKeys(returned)).includes(key)) ||
        ((isReply ??= isReplyPromise(returned, checker)) && isConnectionWrite(write, checker)));
    const value = returned && skipOuterExpressions(returned);
    this.returnedBooleans.push(
      value?.kind === ts.SyntaxKind.TrueKeyword ? true : value?.kind === ts.SyntaxKind.FalseKeyword ? false : undefined,
    );
    this.returnStates.push(
      state.map((pending) =>
        isWrite(pending) &&
        returned &&
        ((isSettledBy(pending, returned) && isPromiseWrite(pending, checker)) || isWaitedByReturn(pending))
          ? { ...pending, settlesWithCall: true }
          : pending,
      ),
    );
  }

  private addUsingBindings(statement: ts.VariableStatement): void {
    if (!isUsingDeclarationList(statement.declarationList)) return;
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name)) continue;
      const type = this.context.checker.getTypeAtLocation(declaration.name);
      if (getStreamFamily(type, this.context) !== "node-writable") continue;
      this.disposals
        .at(-1)!
        .push({ name: declaration.name, keys: getStreamKeys(declaration.name, this.context.checker) });
    }
  }

  /** Leaving a block disposes its `using` streams: what is still pending for them is lost. */
  private dispose(
    bindings: readonly DisposedBinding[],
    state: State,
    exit: ts.ReturnStatement | ts.Block | ts.SourceFile,
  ): void {
    for (const binding of bindings) {
      const lost = state.filter(isWrite).filter((pending) => pending.keys.some((key) => binding.keys.includes(key)));
      const write = lost.at(-1);
      if (write) this.findings.push({ kind: "dispose", node: binding.name, write, lost, exit, stream: binding.name });
    }
  }

  /**
   * `try { await run(); } catch { process.exit(1); }`: when the awaited call rejects, what it
   * would have printed is not what the catch block's exit loses.
   */
  protected override rejectedFrom(waited: ts.Expression, settled: State): State {
    return settled.filter((pending) => !(isWrite(pending) && pending.through && isInside(pending.through, waited)));
  }

  /** What is left pending once `waited` (an awaited expression, a `for await` source) has settled. */
  protected waitedFor(waited: ts.Expression, state: State): State {
    const mentioned = collectMentionedKeys(waited, this.context.checker);
    for (const made of getConstInitializers(waited, this.context.checker)) {
      for (const key of collectMentionedKeys(made, this.context.checker)) mentioned.add(key);
    }
    if (this.mentionsStdio(waited) || isPromptCall(waited, this.context.checker)) mentioned.add(STDIO_KEY);
    for (const key of this.getSignalledKeys(waited)) mentioned.add(key);
    return state.filter(
      (pending) =>
        !(isWrite(pending) && isSettledBy(pending, waited)) && !pending.keys.some((key) => mentioned.has(key)),
    );
  }

  protected call(node: ts.CallExpression, state: State): State {
    if (isDisposeCall(node)) {
      this.disposeCall(node, state);
      return state;
    }
    const name = getCalleeName(node.expression);
    if (name === undefined) return state;
    if (FLUSH_LISTENER_METHODS.has(name)) {
      this.addListenerSignals(node);
      this.listenerAnnouncements(node, state);
    }
    if (isPerItemCall(node)) return [...state, ...this.perItemWrites(node)];
    if (name === "then" || name === "finally") {
      this.chainedExit(node, state);
      return state;
    }
    if (TIMER_NAMES.has(name)) {
      this.timedExit(node, state);
      return state;
    }
    if (this.isAnnounce(node, state)) return state;
    const pipe = getPipeWrite(node, this.context);
    if (pipe) {
      // What a pipe carries is unbounded: never a short message.
      const piped = [...state, { ...this.pendingWrite(pipe), repeated: true, isSmall: () => false, piped: true }];
      this.reportListenerAnnouncements(piped);
      return piped;
    }
    const streamCall = getStreamCall(node, this.context);
    if (!streamCall) {
      const usedPaths = getFileUsePaths(node, this.context);
      if (usedPaths) {
        this.usedFile(
          node,
          usedPaths.flatMap((path) => getPathKeys(path, this.context.checker)),
          state,
        );
        return state;
      }
      return this.calledFunction(node, state);
    }
    switch (streamCall.operation) {
      case "write":
        return [...state, this.pendingWrite(streamCall)];
      case "end": {
        // A bare end() carries data only if something was written before it (maybe elsewhere);
        // with nothing pending here it is still an end for announce, but no loss for destroy.
        const pending = this.pendingWrite(streamCall);
        const carriesData = streamCall.node.arguments.length > 0 && !ts.isFunctionLike(streamCall.node.arguments[0]);
        return [...state, { ...pending, bare: !carriesData }];
      }
      case "drop":
        this.dropped(streamCall, state);
        return state;
      case "exit":
        this.exit(node, state);
        return state;
      case "complete":
        // Awaited, it takes the writes off in waitedFor; unawaited, no-discarded-result reports it.
        if (streamCall.stream)
          for (const key of getStreamKeys(streamCall.stream, this.context.checker)) this.completed.add(key);
        return state;
      default:
        return state;
    }
  }

  /**
   * `.then(process.exit)`, `.then((code) => process.exit(code))`: the exit runs once the chain it
   * hangs on settles, so writes whose promise is that chain are waited for; other output is not.
   */
  private chainedExit(node: ts.CallExpression, state: State): void {
    const receiver = skipOuterExpressions(node.expression);
    const chained = ts.isPropertyAccessExpression(receiver) ? receiver.expression : receiver;
    const unsettled = state.filter((pending) => !(isWrite(pending) && isSettledBy(pending, chained)));
    for (const argument of node.arguments) {
      if (isExitReference(argument, this.context)) {
        this.exit(argument, unsettled);
      } else if (ts.isArrowFunction(argument) || ts.isFunctionExpression(argument)) {
        const exit = getShutdownSummary(argument, this.context, this.options, this.depth - 1).exit;
        if (exit) this.exit(exit.node, unsettled, exit.node === exit.inner ? undefined : exit.inner);
      }
    }
  }

  /**
   * `setTimeout(() => process.exit(code), 50)`: a timer does not wait for output either; when it
   * fires, what a slow reader has not taken is lost.
   */
  private timedExit(node: ts.CallExpression, state: State): void {
    const [callback] = node.arguments;
    const fn = callback && getReferencedFunction(callback, this.context);
    const exit =
      fn && fn !== this.scope ? getShutdownSummary(fn, this.context, this.options, this.depth - 1).exit : undefined;
    if (exit) this.exit(node, state, exit.inner);
  }

  private isQuietWhenFalse(call: ts.CallExpression): boolean {
    const callee = this.depth > 0 ? getCalleeBody(call, this.context) : undefined;
    return (
      callee !== undefined &&
      callee !== this.scope &&
      getShutdownSummary(callee, this.context, this.options, this.depth - 1).quietWhenFalse
    );
  }

  /** A call of one of the program's own functions: what it does to the streams, by its summary. */
  private calledFunction(node: ts.CallExpression, state: State): State {
    if (this.depth <= 0) return state;
    const callee = getCalleeBody(node, this.context);
    if (!callee || callee === this.scope) return state;
    const summary = getShutdownSummary(callee, this.context, this.options, this.depth - 1);
    if (summary === EMPTY_SUMMARY) return state;
    const { checker } = this.context;
    // A closing method's destroy is reported in the method, against what the class's other methods write.
    const drops = isReportedInMethod(callee) ? [] : summary.drops;
    for (const drop of drops) this.lose(drop.kind, node, bindKeys(drop.keys, node, checker), state, drop.node);
    if (summary.exit) this.exit(node, state, summary.exit.inner);
    for (const use of summary.fileUses) this.usedFile(node, bindKeys(use.keys, node, checker), state, use.node);
    const waited = new Set(bindKeys(summary.waits, node, checker));
    const kept = waited.size > 0 ? state.filter((pending) => !pending.keys.some((key) => waited.has(key))) : state;
    const repeated = this.loopDepth > 0;
    // `log("Deployed")`: a helper prints what it is handed. Handed only messages, it prints a message,
    // however it formats them; handed data (`printReport(rows)`), or a function without parameters,
    // its own judgement stands.
    let handsOnlyMessages: boolean | undefined;
    const isHandedMessages = (): boolean => (handsOnlyMessages ??= this.isHandedOnlyMessages(node, callee));
    const added = summary.pending.map((write) => ({
      ...write,
      keys: bindKeys(write.keys, node, checker),
      fileKeys: write.fileKeys && bindKeys(write.fileKeys, node, checker),
      through: node,
      repeated: write.repeated || repeated,
      isSmall: () => write.isSmall() || (write.keys.includes(STDIO_KEY) && isHandedMessages()),
    }));
    return added.length > 0 ? [...kept, ...added] : kept;
  }

  /**
   * Whether every parameter of `callee` gets text at `call`: an argument that is a short message,
   * or, left out, its default (`log()` prints its `message = ""`). A function without parameters
   * is handed nothing, and what it prints is its own.
   */
  private isHandedOnlyMessages(call: ts.CallExpression, callee: FunctionLike): boolean {
    const { checker } = this.context;
    // `logJson({ error: reason })`: an object written out in place from messages is one too.
    // `error(...messages)` forwards the texts its own caller handed in.
    const isText = (value: ts.Expression): boolean =>
      ts.isSpreadElement(value)
        ? isShortMessage(value, checker, this.options)
        : (isTextMessage(value, checker) && isShortMessage(value, checker, this.options)) ||
          (!this.options.checkMessagesBeforeExit && isLiteralOfMessages(value, checker));
    return (
      callee.parameters.length > 0 &&
      callee.parameters.every((parameter, index) => {
        if (parameter.dotDotDotToken) return call.arguments.slice(index).every(isText);
        const argument = call.arguments.at(index);
        if (argument) return isText(argument);
        return parameter.initializer === undefined || isText(parameter.initializer);
      })
    );
  }

  /** `s.once("finish", () => { finished = true; })`, `s.on("drain", onDrain)`: remember what the listener sets. */
  private addListenerSignals(node: ts.CallExpression): void {
    const [event, listener] = node.arguments;
    const callee = skipOuterExpressions(node.expression);
    if (!event || !listener || !ts.isStringLiteralLike(event) || !FLUSH_EVENTS.has(event.text)) return;
    if (!ts.isPropertyAccessExpression(callee)) return;
    const { checker } = this.context;
    const keys = getStreamKeys(callee.expression, checker);
    const signals: ts.Symbol[] = [];
    const add = (identifier: ts.Identifier): void => {
      const symbol = checker.getSymbolAtLocation(identifier);
      if (symbol) signals.push(symbol);
    };
    if (ts.isIdentifier(listener)) add(listener);
    if (ts.isArrowFunction(listener) || ts.isFunctionExpression(listener)) {
      forEachDescendant(listener.body, (child) => {
        const isAssignment =
          ts.isBinaryExpression(child) &&
          child.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
          ts.isIdentifier(child.left);
        if (isAssignment) add(child.left);
      });
    }
    for (const symbol of signals) this.listenerSignals.set(symbol, keys);
  }

  /** `new Promise((resolve) => out.on("close", resolve))`: the streams whose flush events settle `promise`. */
  private getSettlingKeys(promise: ts.Expression): StreamKey[] {
    const value = skipOuterExpressions(promise);
    const [executor] =
      ts.isNewExpression(value) && getCalleeName(value.expression) === "Promise" ? (value.arguments ?? []) : [];
    if (executor && ts.isFunctionLike(executor)) {
      forEachDescendant(executor, (child) => {
        const name = ts.isCallExpression(child) ? getCalleeName(child.expression) : undefined;
        if (name !== undefined && FLUSH_LISTENER_METHODS.has(name)) this.addListenerSignals(child as ts.CallExpression);
      });
    }
    return this.getSignalledKeys(promise);
  }

  /** The streams whose flush listener set something `waited` reads. */
  private getSignalledKeys(waited: ts.Expression): StreamKey[] {
    if (this.listenerSignals.size === 0) return [];
    const keys: StreamKey[] = [];
    forEachDescendant(waited, (child) => {
      if (!ts.isIdentifier(child)) return;
      const symbol = this.context.checker.getSymbolAtLocation(child);
      const signalled = symbol && this.listenerSignals.get(symbol);
      if (signalled) keys.push(...signalled);
    });
    return keys;
  }

  /** Writes in a callback run once per item (`lines.forEach((l) => out.write(l))`): repeated writes on this path. */
  private perItemWrites(node: ts.CallExpression): PendingWrite[] {
    const writes: PendingWrite[] = [];
    for (const callback of node.arguments) {
      if (!ts.isArrowFunction(callback) && !ts.isFunctionExpression(callback)) continue;
      this.loopDepth++;
      forEachDescendant(callback, (child) => {
        if (ts.isFunctionLike(child)) return false;
        const call = ts.isCallExpression(child) ? getStreamCall(child, this.context) : undefined;
        if (call?.operation === "write") writes.push(this.pendingWrite(call));
      });
      this.loopDepth--;
    }
    return writes;
  }

  /**
   * `console.log("Bye"); process.exit(0);` in a loop: every run of the write ends the process, so
   * the loop cannot repeat it. Only straight-line statements may stand between the two.
   */
  private isFollowedByPathEnd(write: ts.CallExpression): boolean {
    const statement = getExpressionStatementOf(write);
    const block = statement?.parent;
    if (!statement || !block || !(ts.isBlock(block) || ts.isCaseClause(block) || ts.isDefaultClause(block)))
      return false;
    for (const later of block.statements.slice(block.statements.indexOf(statement) + 1)) {
      if (ts.isVariableStatement(later)) continue;
      if (!ts.isExpressionStatement(later)) return false;
      const call = skipOuterExpressions(later.expression);
      if (ts.isCallExpression(call) && this.endsThePath(call)) return true;
    }
    return false;
  }

  /** `await new Promise((r) => process.stderr.write("", r))` waits for console output too. */
  private mentionsStdio(node: ts.Node): boolean {
    let found = false;
    forEachDescendant(node, (child) => {
      if (found) return false;
      const name = ts.isIdentifier(child) ? child.text : undefined;
      found =
        (name === "stdout" || name === "stderr") &&
        isProcessStdio(this.context.checker.getTypeAtLocation(child), this.context.checker);
      return !found;
    });
    return found;
  }

  private pendingWrite(call: StreamCall): PendingWrite {
    const keys = call.stream ? getStreamKeys(call.stream, this.context.checker) : [];
    if (
      call.owner === "console" ||
      (call.stream && isProcessStdio(this.context.checker.getTypeAtLocation(call.stream), this.context.checker))
    ) {
      keys.push(STDIO_KEY);
    }
    const repeated = this.loopDepth > 0 && !this.isFollowedByPathEnd(call.node);
    let small: boolean | undefined;
    const isSmall = (): boolean => (small ??= isSmallWrite(call, repeated, this.context, this.options));
    const fileKeys =
      call.owner === "node-writable" && call.stream ? getFileKeys(call.stream, this.context.checker) : [];
    return {
      call,
      keys: [...keys, ...getHolderKeys(call.node, this.context.checker)],
      repeated,
      isSmall,
      ...(fileKeys.length > 0 ? { fileKeys } : {}),
    };
  }

  /**
   * The latest `end()` of a Node stream on the path that nothing has waited for, or a `pipe()`
   * into anything but the network (piping into a response is how a response is sent: nobody
   * reads it back).
   */
  private getUnfinishedEnd(state: State): PendingWrite | undefined {
    return state
      .filter(isWrite)
      .findLast(
        (write) =>
          write.call.operation === "end" &&
          write.call.owner === "node-writable" &&
          (!write.piped || !this.isNetworkWrite(write)),
      );
  }

  private isNetworkWrite(write: PendingWrite): boolean {
    const { stream } = write.call;
    return (
      stream !== undefined && isNetworkStream(this.context.checker.getTypeAtLocation(stream), this.context.checker)
    );
  }

  private isFileWrite(write: PendingWrite): boolean {
    const { stream } = write.call;
    return (
      (write.fileKeys?.length ?? 0) > 0 ||
      (stream !== undefined && isFileStream(this.context.checker.getTypeAtLocation(stream), this.context.checker))
    );
  }

  /**
   * Whether `call` reports the work done while `ended` is not finished: a bare `resolve()` or
   * `done()`, or one handing over the path of the file still being written.
   */
  private announces(signal: ts.CallExpression | ts.Identifier, ended: PendingWrite): boolean {
    const { checker } = this.context;
    if (ts.isIdentifier(signal)) {
      // `src.on("end", resolve)`: the listener is the signal itself.
      return isCompletionCallback(signal, this.scope, checker) && !isWaitedOnByAwaiter(signal, ended.keys, checker);
    }
    if (!isCompletionSignal(signal, this.scope, checker)) return false;
    const [value] = signal.arguments;
    const deliversFile =
      value !== undefined && getPathKeys(value, checker).some((key) => ended.fileKeys?.includes(key));
    const isAnnouncement = isBareSuccess(signal) || deliversFile || isCompletionEvent(signal);
    return isAnnouncement && !isWaitedOnByAwaiter(signal.expression, ended.keys, checker);
  }

  private isAnnounce(node: ts.CallExpression, state: State): boolean {
    const ended = this.getUnfinishedEnd(state);
    // Node keeps sending an ended response or socket: saying "done" after it loses nothing unless
    // something then shuts the connection down, which is judged where it happens.
    if (!ended || this.isEmptyHandedEnd(ended, state) || this.isNetworkWrite(ended)) return false;
    if (this.isClosedAlready(ended)) return false;
    if (!this.announces(node, ended)) return false;
    this.findings.push({ kind: "announce", node, write: ended, lost: [ended] });
    return true;
  }

  /**
   * `createServer((req, res) => { res.end(); done(); })`: a bare `end()` of a stream the callback
   * was handed by the library that calls it, with nothing written to it here. No code of the
   * project wrote to it, so the end carries nothing to wait for. A helper's parameter may hold
   * what its caller wrote, and a captured stream what another callback wrote: those still count.
   */
  private isEmptyHandedEnd(ended: PendingWrite, state: State): boolean {
    if (!ended.bare || !ended.call.stream || !isInlineCallback(this.scope)) return false;
    const value = skipOuterExpressions(ended.call.stream);
    const declaration = ts.isIdentifier(value)
      ? this.context.checker.getSymbolAtLocation(value)?.valueDeclaration
      : undefined;
    if (!declaration || !ts.isParameter(declaration) || declaration.parent !== this.scope) return false;
    return !state.some(
      (pending) => isWrite(pending) && pending !== ended && pending.keys.some((key) => ended.keys.includes(key)),
    );
  }

  /**
   * `together.on("close", () => { third.end(); together.end(); resolve(); })` with `together =
   * pumpify([first, second, third])`: in the `"close"` or `"finish"` listener of a stream, ending
   * that stream or one it was made from (cleanup) ends what has finished already.
   */
  private isClosedAlready(ended: PendingWrite): boolean {
    const { checker } = this.context;
    const registration = isInlineCallback(this.scope) ? this.scope.parent : undefined;
    if (!registration || !ts.isCallExpression(registration) || registration.arguments[1] !== this.scope) return false;
    const [event] = registration.arguments;
    const callee = skipOuterExpressions(registration.expression);
    const isDoneEvent = event !== undefined && ts.isStringLiteralLike(event) && DONE_EVENTS.has(event.text);
    const { stream } = ended.call;
    if (!isDoneEvent || !stream || !ts.isPropertyAccessExpression(callee)) return false;
    const emitter = skipOuterExpressions(callee.expression);
    if (getStreamKeys(emitter, checker).some((key) => ended.keys.includes(key))) return true;
    const made = ts.isIdentifier(emitter) ? getConstantValue(emitter, checker) : undefined;
    const making = made && skipOuterExpressions(made);
    const parts = making && ts.isCallExpression(making) ? making.arguments.flatMap(getListed) : [];
    return parts.some((part) => getStreamKeys(part, checker).some((key) => ended.keys.includes(key)));
  }

  /**
   * `src.on("end", () => resolve())` with `src.pipe(out)` unfinished: the listener runs when the
   * source ends, which says nothing of `out`. Registered before or after the pipe, the same.
   */
  private listenerAnnouncements(registration: ts.CallExpression, state: State): void {
    const [event, listener] = registration.arguments;
    const callee = skipOuterExpressions(registration.expression);
    if (!listener || !event || !ts.isStringLiteralLike(event) || !END_EVENTS.has(event.text)) return;
    if (!ts.isPropertyAccessExpression(callee)) return;
    const emitter = this.getEmitter(callee.expression);
    const emitterKeys = getStreamKeys(emitter, this.context.checker);
    // The listener's children, its body among them: `() => resolve(path)` is one call.
    const signals: (ts.CallExpression | ts.Identifier)[] = [];
    if (ts.isIdentifier(listener)) signals.push(listener);
    if (ts.isArrowFunction(listener) || ts.isFunctionExpression(listener)) {
      forEachDescendant(listener, (child) => {
        if (ts.isFunctionLike(child)) return false;
        if (ts.isCallExpression(child) && isCompletionSignal(child, this.scope, this.context.checker))
          signals.push(child);
      });
    }
    if (signals.length === 0) return;
    this.announcingListeners.push({ emitter, emitterKeys, signals });
    this.reportListenerAnnouncements(state);
  }

  /**
   * What a chain of registrations is on: `on()` returns its emitter and `pipe()` its destination,
   * so `src.pipe(out).on("error", reject).on("finish", resolve)` listens to `out`.
   */
  private getEmitter(receiver: ts.Expression): ts.Expression {
    let current = skipOuterExpressions(receiver);
    while (ts.isCallExpression(current)) {
      const callee = skipOuterExpressions(current.expression);
      if (!ts.isPropertyAccessExpression(callee) || !FLUSH_LISTENER_METHODS.has(callee.name.text)) {
        return getPipeWrite(current, this.context)?.stream ?? current;
      }
      current = skipOuterExpressions(callee.expression);
    }
    return current;
  }

  private reportListenerAnnouncements(state: State): void {
    const ended = this.getUnfinishedEnd(state);
    if (!ended || !(ended.piped || this.isFileWrite(ended))) return;
    let downstream: StreamKey[] | undefined;
    for (const listener of this.announcingListeners) {
      // The sink's own "finish" or "close" is the right signal, and so is the "close" of the child
      // process whose stdin it is: the child has exited, and read what it was going to.
      const isSink =
        listener.emitter === ended.call.stream ||
        this.isStdinOf(ended.call.stream, listener.emitterKeys) ||
        isResultOf(listener.emitter, ended.through, this.context.checker) ||
        this.isEndOfPipeChain(listener, ended) ||
        listener.emitterKeys.some((key) => (downstream ??= this.getDownstreamKeys(ended)).includes(key));
      if (isSink) continue;
      const signal = listener.signals.find((call) => this.announces(call, ended));
      if (signal && !this.findings.some((finding) => finding.node === signal)) {
        this.findings.push({ kind: "announce", node: signal, write: ended, lost: [ended] });
      }
    }
  }

  /**
   * `src.pipe(createGunzip()).pipe(extract)` with a listener on `extract` (or on the chain itself):
   * the last stream of a chain of pipes written in one expression finishes after every link
   * before it, even one that has no name.
   */
  private isEndOfPipeChain(listener: AnnouncingListener, ended: PendingWrite): boolean {
    let last = ended.call.node;
    for (let access = last.parent; ; access = last.parent) {
      const isChained =
        ts.isPropertyAccessExpression(access) &&
        access.expression === last &&
        access.name.text === "pipe" &&
        ts.isCallExpression(access.parent);
      if (!isChained) break;
      last = access.parent as ts.CallExpression;
    }
    const [sink] = last.arguments;
    if (last === ended.call.node || !sink) return false;
    if (listener.emitter === last || listener.emitter === sink) return true;
    return getStreamKeys(sink, this.context.checker).some((key) => listener.emitterKeys.includes(key));
  }

  /**
   * The keys of `ended` and of the streams its function pipes it into, before or after
   * (`a.pipe(gzip); gzip.pipe(out)`): `out` finishes only after `gzip` has ended, so a listener
   * for `out`'s `"close"` covers both.
   */
  private getDownstreamKeys(ended: PendingWrite): StreamKey[] {
    const { checker } = this.context;
    const keys = new Set(ended.keys);
    const scope = getEnclosingFunction(ended.call.node) ?? ended.call.node.getSourceFile();
    const pipes: StreamCall[] = [];
    forEachDescendant(scope, (child) => {
      const pipe = ts.isCallExpression(child) ? getPipeWrite(child, this.context) : undefined;
      if (pipe) pipes.push(pipe);
    });
    for (let grew = true; grew;) {
      grew = false;
      for (const pipe of pipes) {
        const sinkKeys = pipe.stream ? getStreamKeys(pipe.stream, checker) : [];
        if (sinkKeys.every((key) => keys.has(key))) continue;
        const fromEnded = getPipeSources(pipe.node).some((source) =>
          getStreamKeys(source, checker).some((key) => keys.has(key)),
        );
        if (!fromEnded) continue;
        for (const key of sinkKeys) keys.add(key);
        grew = true;
      }
    }
    return [...keys];
  }

  /** `child.stdin`, or a constant set to it (`const input = child.stdin as Writable`), where `child` has one of `keys`. */
  private isStdinOf(stream: ts.Expression | undefined, keys: readonly StreamKey[]): boolean {
    const named = stream && skipOuterExpressions(stream);
    const constant = named && ts.isIdentifier(named) ? getConstantValue(named, this.context.checker) : undefined;
    const value = constant ? skipOuterExpressions(constant) : named;
    if (!value || !ts.isPropertyAccessExpression(value) || value.name.text !== "stdin") return false;
    return getStreamKeys(value.expression, this.context.checker).some((key) => keys.includes(key));
  }

  /** A file read, renamed or copied while a stream may still be writing it. */
  private usedFile(node: ts.CallExpression, keys: readonly StreamKey[], state: State, inner?: ts.Expression): void {
    if (keys.length === 0) return;
    this.fileUses.push({ keys, node: inner ?? node });
    const lost = state.filter(isWrite).filter((write) => write.fileKeys?.some((key) => keys.includes(key)));
    const write = lost.at(-1);
    if (write) this.findings.push({ kind: "use", node, write, lost, shutdownIn: inner });
  }

  private dropped(call: StreamCall, state: State): void {
    if (!call.stream || isDeliberateFailure(call, this.context.checker) || isInTestBody(call.node)) return;
    const keys = getShutdownKeys(call.stream, this.context.checker);
    this.lose(call.owner === "node-writable" ? "destroy" : "abort", call.node, keys, state, undefined, call.stream);
  }

  /** `await out[Symbol.asyncDispose]()` destroys a Node stream, like `destroy()`. */
  private disposeCall(node: ts.CallExpression, state: State): void {
    const receiver = (skipOuterExpressions(node.expression) as ts.ElementAccessExpression).expression;
    if (getStreamFamily(this.context.checker.getTypeAtLocation(receiver), this.context) !== "node-writable") return;
    this.lose("destroy", node, getShutdownKeys(receiver, this.context.checker), state, undefined, receiver);
  }

  /**
   * A destroy or abort of the streams `keys` at `node`: what is pending for them is lost. `inner`
   * is the shutdown itself when `node` calls a function that does it.
   */
  private lose(
    kind: SummaryDrop["kind"],
    node: ts.Expression,
    keys: readonly StreamKey[],
    state: State,
    inner?: ts.Expression,
    stream?: ts.Expression,
  ): void {
    const reached = state.filter((pending) => pending.keys.some((key) => keys.includes(key)));
    const outerKeys = reached.filter((pending) => !isWrite(pending)).flatMap((pending) => pending.keys);
    if (outerKeys.length > 0) this.outerDrops.push({ keys: outerKeys, node: inner ?? node, kind });
    const lost = reached.filter(isWrite);
    if (lost.every((pending) => pending.bare)) return;
    // `destroy()` closes a socket in order: what the kernel took is still sent. `resetAndDestroy()` drops it.
    const shutdown = inner ?? node;
    const closesInOrder = ts.isCallExpression(shutdown) && getCalleeName(shutdown.expression) === "destroy";
    if (closesInOrder && lost.every((pending) => pending.bare || (!pending.repeated && pending.isSmall()))) return;
    // After a bare `end()` here, name the data another function wrote: that is what is lost.
    const latest = lost.at(-1)!;
    const fromElsewhere = (pending: PendingWrite): boolean =>
      !pending.bare && (pending.through !== undefined || pending.method !== undefined);
    const write = latest.bare ? (lost.findLast(fromElsewhere) ?? latest) : latest;
    this.findings.push({ kind, node, write, lost, shutdownIn: inner, stream });
  }

  private exit(node: ts.Expression, state: State, inner?: ts.Expression): void {
    if (isWriteCallback(this.scope, this.context.checker)) return;
    this.exitSite ??= { node, inner: inner ?? node };
    const writes = state.filter(isWrite);
    // The message names the latest write lost. Telling each write's size types what it writes, so
    // the whole list waits until a fix or a later check reads it.
    const write = writes.findLast(isLostOnExit);
    if (write) this.findings.push(withLostOnDemand({ kind: "exit", node, write, shutdownIn: inner }, writes));
  }
}

/** Return types written as a primitive (`: number`, `: "ok"`, `: x is Row`), which no promise is assignable to. */
const PRIMITIVE_TYPE_KINDS: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.NumberKeyword,
  ts.SyntaxKind.StringKeyword,
  ts.SyntaxKind.BooleanKeyword,
  ts.SyntaxKind.BigIntKeyword,
  ts.SyntaxKind.SymbolKeyword,
  ts.SyntaxKind.LiteralType,
  ts.SyntaxKind.TypePredicate,
]);

/**
 * Whether a function is declared to return a primitive, and is not async: what its `return`s
 * hand back is then no promise that could wait for a write, and need not be typed (the flow type
 * of the returned value, at every return of every summarised function).
 */
function isDeclaredPrimitive(scope: FunctionLike | ts.SourceFile): boolean {
  return (
    !ts.isSourceFile(scope) &&
    scope.type !== undefined &&
    PRIMITIVE_TYPE_KINDS.has(scope.type.kind) &&
    !isAsyncFunction(scope)
  );
}

/** An exit's finding whose `lost` list is made from `writes` when first read. */
function withLostOnDemand(
  finding: Omit<ShutdownBeforeFlush, "lost">,
  writes: readonly PendingWrite[],
): ShutdownBeforeFlush {
  let lost: readonly PendingWrite[] | undefined;
  return {
    ...finding,
    get lost() {
      return (lost ??= writes.filter(isLostOnExit));
    },
  };
}

/**
 * `const done = () => { if (!draining--) process.exit(code); }` handed to `stream.write("", done)`:
 * mocha's wait for stdout and stderr to flush. An exit there is the code's own drain, not a loss.
 */
function isWriteCallback(scope: FunctionLike | ts.SourceFile, checker: ts.TypeChecker): boolean {
  const declaration = scope.parent;
  if (!declaration || !ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name)) return false;
  const symbol = checker.getSymbolAtLocation(declaration.name);
  let handed = false;
  forEachDescendant(getEnclosingFunction(declaration) ?? declaration.getSourceFile(), (node) => {
    if (handed) return false;
    if (!ts.isCallExpression(node) || getCalleeName(node.expression) !== "write") return;
    const callback = node.arguments.at(-1);
    handed = callback !== undefined && ts.isIdentifier(callback) && checker.getSymbolAtLocation(callback) === symbol;
    return !handed;
  });
  return handed;
}

/** A parameter, or a constant made from one (`const err = e instanceof Error ? e : new Error(String(e))`). */
function isHandedIn(node: ts.Expression, checker: ts.TypeChecker): boolean {
  const value = skipOuterExpressions(node);
  const declaration = ts.isIdentifier(value) ? checker.getSymbolAtLocation(value)?.valueDeclaration : undefined;
  if (!declaration) return false;
  if (ts.isParameter(declaration)) return true;
  if (!ts.isVariableDeclaration(declaration) || !declaration.initializer || !isConstDeclaration(declaration))
    return false;
  let found = false;
  forEachDescendant(declaration, (child) => {
    if (found) return false;
    const symbol =
      ts.isIdentifier(child) && child !== declaration.name ? checker.getSymbolAtLocation(child) : undefined;
    found = symbol?.valueDeclaration !== undefined && ts.isParameter(symbol.valueDeclaration);
    return !found;
  });
  return found;
}

/**
 * `destroy(error)` in a `catch` block, `destroy()` in one that throws again, or passing on an error the function was handed
 * (`onError(err, res) { res.end(text); res.destroy(err); }`): the code fails the stream on purpose
 * and the reader sees an error, not a silently short stream.
 */
function isDeliberateFailure(call: StreamCall, checker: ts.TypeChecker): boolean {
  const [reason] = call.node.arguments;
  for (let node: ts.Node = call.node; !ts.isFunctionLike(node) && !ts.isSourceFile(node); node = node.parent) {
    // A catch block that throws again reports the failure to the caller: the loss is not silent.
    if (ts.isCatchClause(node)) return reason !== undefined || isRethrowing(node.block);
  }
  return reason !== undefined && isHandedIn(reason, checker);
}

function isRethrowing(block: ts.Block): boolean {
  const last = block.statements.at(-1);
  return last !== undefined && ts.isThrowStatement(last);
}

/**
 * The initializers of the constants `node` reads: awaiting `reply` after `const reply =
 * readReply(sock)`, or polling `listeners.drain` after `const { listeners } = spyOn(sock)`, waits
 * on something made from the stream.
 */
function getConstInitializers(node: ts.Expression, checker: ts.TypeChecker): ts.Expression[] {
  const initializers: ts.Expression[] = [];
  const visit = (child: ts.Node): void => {
    const declaration = ts.isIdentifier(child) ? getVariableDeclaration(child, checker) : undefined;
    if (!declaration?.initializer || !isConstDeclaration(declaration)) return;
    if (!initializers.includes(declaration.initializer)) initializers.push(declaration.initializer);
  };
  visit(node);
  forEachDescendant(node, visit);
  return initializers;
}

/**
 * Where an unawaited promise of a write is kept for later: `const saving = writeFile(...)`,
 * `jobs.push(fh.write(...))`. Awaiting the holder later waits for the write.
 */
function getHolderKeys(node: ts.Expression, checker: ts.TypeChecker): StreamKey[] {
  const current = getOutermostExpression(node);
  const parent = current.parent;
  if (ts.isVariableDeclaration(parent) && parent.initializer === current && ts.isIdentifier(parent.name)) {
    return getStreamKeys(parent.name, checker);
  }
  if (ts.isCallExpression(parent) && parent.arguments.includes(current)) {
    const callee = skipOuterExpressions(parent.expression);
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === "push")
      return getStreamKeys(callee.expression, checker);
  }
  return [];
}

/**
 * The stream a finding is about, as the reported file names it: the one written to when the
 * write is in the same function (`res`, for `res.socket.destroy()`), else the one shut down.
 */
export function getStreamNamedHere(finding: ShutdownBeforeFlush): ts.Expression | undefined {
  const { write } = finding;
  return write.through || write.method ? finding.stream : write.call.stream;
}

function isPromiseWrite(write: PendingWrite, checker: ts.TypeChecker): boolean {
  return isThenableType(checker.getTypeAtLocation(write.call.node), checker);
}

const EMPTY_SUMMARY: ShutdownSummary = {
  pending: [],
  drops: [],
  exit: undefined,
  waits: [],
  fileUses: [],
  quietWhenFalse: false,
};

/** A function's summaries by call depth (index): each is made once per program. */
type SummaryCache = WeakMap<FunctionLike, ShutdownSummary[]>;

/** Per program (through its context), per options. */
const summaryCaches = new WeakMap<AnalysisContext, Map<string, SummaryCache>>();

/**
 * How many calls deep the analysis of a function follows the data: its callees, theirs, and
 * theirs. A summary made at depth `d` reads its callees' at `d - 1`, and at depth 0 calls are
 * not followed: recursion ends by itself, the result never depends on the order files are linted
 * in, and the cost stays bounded in a program where everything calls everything (measured in
 * docs/performance.md). The real bugs of docs/evaluation.md lie within three calls.
 */
const CALL_DEPTH = 3;

function getSummaryCache(context: AnalysisContext, options: ShutdownOptions): SummaryCache {
  let byOptions = summaryCaches.get(context);
  if (!byOptions) {
    byOptions = new Map();
    summaryCaches.set(context, byOptions);
  }
  const key = JSON.stringify(options);
  let cache = byOptions.get(key);
  if (!cache) {
    cache = new WeakMap();
    byOptions.set(key, cache);
  }
  return cache;
}

/** What calling `fn` does to its caller's streams, following its own calls `depth` deep. */
function getShutdownSummary(
  fn: FunctionLike,
  context: AnalysisContext,
  options: ShutdownOptions,
  depth: number,
): ShutdownSummary {
  if (!fn.body || depth < 0) return EMPTY_SUMMARY;
  const cache = getSummaryCache(context, options);
  let byDepth = cache.get(fn);
  if (!byDepth) {
    byDepth = [];
    cache.set(fn, byDepth);
  }
  return (byDepth[depth] ??= summarize(fn, context, options, depth));
}

/** How many `const` aliases are followed back to a parameter's stream. */
const OUTER_ALIAS_HOPS = 2;

/**
 * The streams a function's caller may have written to and the function can reach: its parameters
 * and `this.…` paths that it calls methods on or hands on, and stdout.
 */
function getOuterStreams(fn: FunctionLike, checker: ts.TypeChecker): OuterStream[] {
  const parameters = new Set(fn.parameters.map((parameter) => parameter.name));
  const keys = new Set<StreamKey>([STDIO_KEY]);
  const add = (node: ts.Expression, hops = 0): void => {
    let root = skipOuterExpressions(node);
    while (ts.isPropertyAccessExpression(root)) root = skipOuterExpressions(root.expression);
    const symbol = ts.isIdentifier(root) ? checker.getSymbolAtLocation(root) : undefined;
    const isReachable =
      root.kind === ts.SyntaxKind.ThisKeyword ||
      (symbol?.valueDeclaration !== undefined &&
        ts.isParameter(symbol.valueDeclaration) &&
        parameters.has(symbol.valueDeclaration.name));
    const key = isReachable ? getStreamKey(node, checker) : undefined;
    if (key !== undefined) keys.add(key);
    // `const writer = context.writer; writer.end(…)`: the caller's stream under a local name.
    const initializer = getConstantValue(skipOuterExpressions(node), checker);
    if (initializer && hops < OUTER_ALIAS_HOPS) add(initializer, hops + 1);
  };
  forEachDescendant(fn, (node) => {
    if (!ts.isCallExpression(node)) return;
    const callee = skipOuterExpressions(node.expression);
    if (ts.isPropertyAccessExpression(callee)) add(callee.expression);
    for (const argument of node.arguments) add(argument);
  });
  return [...keys].map((key) => ({ outer: true, keys: [key] }));
}

/**
 * One entry per write: a write reached on several paths (once returned, once not) settles only if
 * it does on all. A write is its call and the call it came through: the writes a callee leaves
 * pending all come through one call here, and each stays, with its own streams and size.
 */
function mergeCopies(writes: readonly PendingWrite[]): PendingWrite[] {
  const bySite = new Map<ts.Node, Map<ts.Node, PendingWrite>>();
  for (const write of writes) {
    const site = write.through ?? write.call.node;
    let byCall = bySite.get(site);
    if (!byCall) bySite.set(site, (byCall = new Map<ts.Node, PendingWrite>()));
    const seen = byCall.get(write.call.node);
    byCall.set(
      write.call.node,
      seen ? { ...seen, settlesWithCall: seen.settlesWithCall && write.settlesWithCall } : write,
    );
  }
  return [...bySite.values()].flatMap((byCall) => [...byCall.values()]);
}

function summarize(
  fn: FunctionLike,
  context: AnalysisContext,
  options: ShutdownOptions,
  depth: number,
): ShutdownSummary {
  // At the last depth no call is followed: a body without a stream call in its text has nothing to say.
  if (depth === 0 && !mayContainStreamCall(getBodyText(fn))) return EMPTY_SUMMARY;
  const { checker } = context;
  const outer = getOuterStreams(fn, checker);
  const analysis = new ShutdownAnalysis(fn, context, options, depth);
  const end = analysis.walk(outer);
  // An arrow function's expression body is its return value.
  const concise = fn.body && !ts.isBlock(fn.body) ? fn.body : undefined;
  const atEnd = end?.map((pending) =>
    concise && isWrite(pending) && isSettledBy(pending, concise) && isPromiseWrite(pending, checker)
      ? { ...pending, settlesWithCall: true }
      : pending,
  );
  const finals = atEnd ? [...analysis.returnStates, atEnd] : analysis.returnStates;
  const porter = createKeyPorter(fn, checker);
  const toPortable = (keys: readonly StreamKey[]): StreamKey[] =>
    keys.map((key) => porter.toPortable(key)).filter((key) => key !== undefined);
  const final = finals.flat();
  const pending = mergeCopies(final.filter(isWrite)).map((write) => ({
    ...write,
    keys: toPortable(write.keys),
    fileKeys: write.fileKeys && toPortable(write.fileKeys),
  }));
  const stillOuter = new Set(final.filter((pending) => !isWrite(pending)));
  const waits =
    finals.length > 0
      ? outer.filter((stream) => !stillOuter.has(stream)).flatMap((stream) => toPortable(stream.keys))
      : [];
  const drops = analysis.outerDrops.map((drop) => ({ ...drop, keys: toPortable(drop.keys) }));
  const fileUses = analysis.fileUses.map((use) => ({ ...use, keys: toPortable(use.keys) }));
  const isEmpty = pending.length + drops.length + waits.length + fileUses.length === 0 && !analysis.exitSite;
  if (isEmpty) return EMPTY_SUMMARY;
  const quietWhenFalse = isQuietWhenFalse(fn, analysis, atEnd, checker);
  return { pending, drops, exit: analysis.exitSite, waits, fileUses, quietWhenFalse };
}

/** `(): boolean`, `async (): Promise<boolean>`: a declared return type that is a boolean. */
function hasBooleanReturnType(fn: FunctionLike, checker: ts.TypeChecker): boolean {
  if (!fn.type) return false;
  const declared = checker.getTypeFromTypeNode(fn.type);
  const returned = isAsyncFunction(fn) ? checker.getAwaitedType(declared) : declared;
  const types = returned?.isUnion() ? returned.types : returned ? [returned] : [];
  return types.length > 0 && types.every((type) => (type.flags & ts.TypeFlags.BooleanLike) !== 0);
}

/** Whether a walked function returns only booleans, some `true`, and has written nothing where it returns `false` or falls off its end. */
function isQuietWhenFalse(
  fn: FunctionLike,
  analysis: ShutdownAnalysis,
  atEnd: State | undefined,
  checker: ts.TypeChecker,
): boolean {
  const outcomes = analysis.returnedBooleans;
  if (!outcomes.includes(true) || outcomes.includes(undefined)) return false;
  const falsy = analysis.returnStates.filter((_, index) => outcomes[index] === false);
  // A function declared to return a boolean cannot fall off its end: TypeScript would reject it.
  if (atEnd && !hasBooleanReturnType(fn, checker)) falsy.push(atEnd);
  return falsy.every((state) => !state.some(isWrite));
}

/**
 * The call that `condition` coming out `outcome` shows to have returned `false`: `handle(args)` (or
 * `await handle(args)`) coming out false, or `!handle(args)` coming out true.
 */
function getCallThatReturnedFalse(condition: ts.Expression, outcome: boolean): ts.CallExpression | undefined {
  let current = skipOuterExpressions(condition);
  let result = outcome;
  while (ts.isPrefixUnaryExpression(current) && current.operator === ts.SyntaxKind.ExclamationToken) {
    current = skipOuterExpressions(current.operand);
    result = !result;
  }
  if (ts.isAwaitExpression(current)) current = skipOuterExpressions(current.expression);
  return ts.isCallExpression(current) && !result ? current : undefined;
}

/**
 * The value that `condition` coming out `outcome` shows to be missing: `x` in `!x` (true), in `x`
 * (false), in `x == null` or `x === undefined` (true) and their negations (false).
 */
function getMissingValue(condition: ts.Expression, outcome: boolean): ts.Expression | undefined {
  const value = skipOuterExpressions(condition);
  if (ts.isPrefixUnaryExpression(value) && value.operator === ts.SyntaxKind.ExclamationToken) {
    return getMissingValue(value.operand, !outcome);
  }
  if (ts.isBinaryExpression(value)) {
    const operator = value.operatorToken.kind;
    const isEquality =
      operator === ts.SyntaxKind.EqualsEqualsToken || operator === ts.SyntaxKind.EqualsEqualsEqualsToken;
    const isInequality =
      operator === ts.SyntaxKind.ExclamationEqualsToken || operator === ts.SyntaxKind.ExclamationEqualsEqualsToken;
    if ((!isEquality && !isInequality) || outcome !== isEquality || !isNullish(value.right)) return undefined;
    return isReference(value.left) ? value.left : undefined;
  }
  return outcome || !isReference(value) ? undefined : value;
}

/** `writer`, `this.writer`, `context.writer`: a name, not a call or a computation. */
function isReference(node: ts.Expression): boolean {
  const value = skipOuterExpressions(node);
  return (
    ts.isIdentifier(value) ||
    (ts.isPropertyAccessExpression(value) && isReference(value.expression)) ||
    value.kind === ts.SyntaxKind.ThisKeyword
  );
}

/** The items of a list written out in place (`[first, second]`), or the value itself. */
function getListed(node: ts.Expression): ts.Expression[] {
  const value = skipOuterExpressions(node);
  return ts.isArrayLiteralExpression(value) ? [...value.elements] : [value];
}

/** A function written where it is handed to a call: `createServer((req, res) => …)`. */
function isInlineCallback(scope: FunctionLike | ts.SourceFile): boolean {
  if (!ts.isArrowFunction(scope) && !ts.isFunctionExpression(scope)) return false;
  const call = scope.parent;
  return (ts.isCallExpression(call) || ts.isNewExpression(call)) && (call.arguments?.includes(scope) ?? false);
}

/** Methods whose name says they abort: whoever calls them means to drop what is queued. */
const ABORTING_METHOD_NAME = /abort|kill|terminate|reset|force|timeout|error|fail|destroy|cancel/i;

/** Methods whose name says they end the connection in order: their callers expect what was sent to arrive. */
const CLOSING_METHOD_NAME = /close|dispose|disconnect|shutdown|^end$|stop|quit|finish|release|teardown|cleanup|hangup/i;

/** The class member `scope` is, or whose value it is (`close = () => {…}`). */
function getClassMember(scope: FunctionLike): ts.ClassElement | undefined {
  const member = ts.isArrowFunction(scope) || ts.isFunctionExpression(scope) ? scope.parent : scope;
  return ts.isClassElement(member) && ts.isClassLike(member.parent) ? member : undefined;
}

/** `this.socket.destroy()`: a shutdown of a stream the object holds. */
function hasOwnStreamDrop(scope: FunctionLike): boolean {
  let found = false;
  forEachDescendant(scope, (node) => {
    if (found || ts.isFunctionLike(node)) return false;
    if (ts.isCallExpression(node)) {
      const callee = skipOuterExpressions(node.expression);
      found =
        ts.isPropertyAccessExpression(callee) &&
        DROP_NAMES.has(callee.name.text) &&
        ts.isPropertyAccessExpression(skipOuterExpressions(callee.expression)) &&
        callee.expression.getText().startsWith("this.");
    }
    return !found;
  });
  return found;
}

/**
 * The class member `scope` is, when it shuts down a stream of its object (`close() {
 * this.socket.destroy(); }`) and may lose what other methods wrote: not static, and named for an
 * orderly close. A method named for aborting (`abort()`, `onError()`) or anything else (an error
 * handler, a reconnect) is called to drop what is queued, or on a path where nothing else can be done.
 */
function getClosingMember(scope: FunctionLike | ts.SourceFile): ts.ClassElement | undefined {
  const member = ts.isSourceFile(scope) ? undefined : getClassMember(scope);
  if (!member || ts.isSourceFile(scope) || !hasOwnStreamDrop(scope)) return undefined;
  const isStatic =
    ts.canHaveModifiers(member) && ts.getModifiers(member)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
  const name = member.name?.getText() ?? "";
  const isClosing = CLOSING_METHOD_NAME.test(name) && !ABORTING_METHOD_NAME.test(name);
  return isStatic || !isClosing || isHandedFailure(scope) ? undefined : member;
}

/** `cleanup(error: MongoNetworkError)`: a method that must be told what failed runs only on failure. */
function isHandedFailure(fn: FunctionLike): boolean {
  return fn.parameters.some(
    (parameter) =>
      parameter.questionToken === undefined &&
      parameter.initializer === undefined &&
      parameter.type !== undefined &&
      /Error$/.test(parameter.type.getText()),
  );
}

/** Whether a method's own destroy of `this.…` streams is judged inside it, against the writes of the other methods. */
function isReportedInMethod(fn: FunctionLike): boolean {
  return getClosingMember(fn) !== undefined;
}

/**
 * For a closing method (see getClosingMember): the writes other methods of the class leave pending
 * on the object's streams. Any of them may have run just before.
 */
function getWritesOfOtherMethods(
  scope: FunctionLike | ts.SourceFile,
  context: AnalysisContext,
  options: ShutdownOptions,
): PendingWrite[] {
  const member = getClosingMember(scope);
  if (!member) return [];
  const writes: PendingWrite[] = [];
  for (const other of (member.parent as ts.ClassLikeDeclaration).members) {
    const method = other === member ? undefined : getFunctionOfDeclaration(other);
    if (!method) continue;
    for (const write of getShutdownSummary(method, context, options, CALL_DEPTH - 1).pending) {
      // A write the method's promise waits for (a request and its reply) is the caller's to await.
      if (write.settlesWithCall) continue;
      if (write.keys.some((key) => key.startsWith("this."))) writes.push({ ...write, through: undefined, method });
    }
  }
  return writes;
}

/**
 * Whether `scope` writes something itself and calls one of the program's functions that shuts a
 * stream down or exits. Without a write of its own in view, a loss is the callees' business.
 */
function callsShutdownFunction(scope: Scope, context: AnalysisContext, options: ShutdownOptions): boolean {
  if (!mayContainStreamCall(getBodyText(scope))) return false;
  return getOwnCalls(scope).some((call) => {
    const callee = getCalleeBody(call, context);
    if (!callee || callee === scope) return false;
    const summary = getShutdownSummary(callee, context, options, CALL_DEPTH - 1);
    return summary.exit !== undefined || summary.drops.length > 0;
  });
}

/**
 * `const out = createWriteStream(path); … out.end(); }` in an async function handed `path`: its
 * promise resolves when it returns, before "finish", and the caller that named the file will use it.
 */
function findReturnsBeforeFinish(
  fn: FunctionLike,
  returnStates: readonly State[],
  reported: ReadonlySet<PendingWrite>,
  context: AnalysisContext,
): ShutdownBeforeFlush[] {
  const porter = createKeyPorter(fn, context.checker);
  const isCallersFile = (write: PendingWrite): boolean =>
    write.fileKeys?.some((key) => porter.toPortable(key)?.startsWith("$")) === true;
  const ended = new Set(
    returnStates
      .flat()
      .filter(isWrite)
      .filter((write) => !reported.has(write) && !write.through && !write.method && !write.settlesWithCall)
      .filter((write) => write.call.operation === "end" && isCallersFile(write)),
  );
  const byEnd = new Map([...ended].map((write) => [write.call.node, write]));
  return [...byEnd.values()].map((write) => ({
    kind: "return",
    node: write.call.node,
    write,
    lost: [write],
    stream: write.call.stream,
  }));
}

/**
 * Every shutdown in `sourceFile` that is reached after data was handed to the stream it shuts down
 * while nothing on that path waited for the data to leave: the hyper bug, in TypeScript. Calls of
 * the program's own functions count by their summaries, so the write and the shutdown may be in
 * different functions, methods or files.
 */
export function findShutdownsBeforeFlush(
  sourceFile: ts.SourceFile,
  context: AnalysisContext,
  options: ShutdownOptions,
): ShutdownBeforeFlush[] {
  const scopes: Scope[] = [sourceFile, ...getFileIndex(sourceFile).functions];
  const findings: ShutdownBeforeFlush[] = [];
  for (const scope of scopes) {
    if (!hasShutdownCandidate(scope) && !callsShutdownFunction(scope, context, options)) continue;
    const analysis = new ShutdownAnalysis(scope, context, options, CALL_DEPTH);
    const end = analysis.walk(getWritesOfOtherMethods(scope, context, options));
    findings.push(...analysis.findings);
    if (!ts.isSourceFile(scope) && isAsyncFunction(scope)) {
      const returnStates = end ? [...analysis.returnStates, end] : analysis.returnStates;
      // A write already reported, or whose stream the function does wait for (maybe without `await`, which
      // no-discarded-result reports), is not reported again.
      const reported = new Set(analysis.findings.flatMap((finding) => finding.lost));
      for (const write of returnStates.flat().filter(isWrite)) {
        if (write.keys.some((key) => analysis.completed.has(key))) reported.add(write);
      }
      findings.push(...findReturnsBeforeFinish(scope, returnStates, reported, context));
    }
  }
  return findings;
}

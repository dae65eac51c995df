import ts from "../typescript.cjs";

import { getBodyStatements, type FunctionLike } from "../model/function-context.js";
import { getOutermostExpression, isAssignedTo, skipOuterExpressions } from "../model/syntax.js";

/** Whether a function's symbol has only signatures returning `never`: one answer per function. */
const neverReturningSymbols = new WeakMap<ts.Symbol, boolean>();

/**
 * The boolean locals a path has set to a constant (`let handled = false`, `handled = true`): a
 * later `if (handled) return;` then takes one branch only, and the other is no path at all.
 */
type Flags = ReadonlyMap<ts.Symbol, boolean>;

const NO_FLAGS: Flags = new Map();

/** One way to get here: the subclass's state, and the flags known on the way. */
interface Alternative<State> {
  readonly state: State;
  readonly flags: Flags;
}

/**
 * The ways to get to a point, at least one, kept apart while their flags differ: joined, the
 * path that printed and set `handled = true` would no longer be told from the one that did not.
 */
type Path<State> = readonly Alternative<State>[];

/** Beyond this many alternatives a join keeps one, with the flags they all agree on. */
const MAX_ALTERNATIVES = 4;

/**
 * A forward walk over every path through a function (or a file's top level), carrying a state in
 * the order the code runs: arguments before the call they feed, both branches of an `if` merged
 * after it, a loop body once with its `break`s and `continue`s, a `catch` block from the states at
 * which its `try` block can throw. `return`, `throw` and calls that return `never` end their path.
 * Nested functions and classes are not entered: they run at another time.
 *
 * What a call or an awaited expression does to the state is the subclass's to say; so is what
 * happens when a block is left (its `using` bindings are disposed) or a function returns.
 */
export abstract class PathWalker<State> {
  /** How many loops (or per-item callbacks, for subclasses that count them) enclose the current node. */
  protected loopDepth = 0;
  /** Paths at `break`/`continue`, collected by the innermost loop or switch they leave. */
  private readonly jumps: Path<State>[][] = [];
  /** For each enclosing `try` with a `catch`, innermost last: the paths at which its block can throw. */
  private readonly throwStates: Path<State>[][] = [];
  /** Locals of the scope that a nested function assigns: their value is never known on a path. */
  private assignedInClosures: Set<ts.Symbol> | undefined;

  constructor(
    protected readonly scope: FunctionLike | ts.SourceFile,
    protected readonly checker: ts.TypeChecker,
  ) {}

  /** Both paths' states where they join; `undefined` stands for "no path gets here". */
  protected abstract merge(a: State | undefined, b: State | undefined): State | undefined;
  /** The state after a call, its arguments already walked. */
  protected abstract call(node: ts.CallExpression, state: State): State;
  /** The state once `waited` (an awaited expression, a `for await` source) has settled. */
  protected abstract waitedFor(waited: ts.Expression, state: State): State;

  /** The state a `catch` block starts from when `waited` rejects; by default the state once it settled. */
  protected rejectedFrom(_waited: ts.Expression, settled: State): State {
    return settled;
  }

  /** The state on the branch where `condition` came out `outcome`; by default what it was before. */
  protected narrowed(_condition: ts.Expression, _outcome: boolean, state: State): State {
    return state;
  }

  /** A block's statements are about to be walked. */
  protected abstract enterBlock(): void;
  /** `statement` of the current block has been walked. */
  protected abstract afterStatement(statement: ts.Statement): void;
  /** The block of `statements` is left at its end with `state` (`undefined`: no path gets there). */
  protected abstract leaveBlock(statements: readonly ts.Statement[], state: State | undefined): void;
  /** A `return` leaves every enclosing block with `state`. */
  protected abstract returned(node: ts.ReturnStatement, state: State): void;

  /**
   * Walks the scope from `initial`. Returns the state at the end of its body (for an arrow
   * function's expression body, the state once it is evaluated), `undefined` when no path gets there.
   */
  walk(initial: State): State | undefined {
    const start = [{ state: initial, flags: NO_FLAGS }];
    const statements = getBodyStatements(this.scope);
    if (statements) return this.joinStates(this.statements(statements, start));
    if (!ts.isSourceFile(this.scope) && this.scope.body)
      return this.joinStates(this.expression(this.scope.body, start));
    return initial;
  }

  /**
   * Whether a call never returns (`process.exit()`, a `fail(): never` helper): no path goes on
   * after it. Judged by the callee's type, every signature returning `never`: resolving the call's
   * own signature would check its arguments too, the costliest step of a walk.
   */
  protected endsThePath(node: ts.CallExpression): boolean {
    const callee = skipOuterExpressions(node.expression);
    const name = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
    if (!ts.isIdentifier(name)) return false;
    // A method by its receiver's type, which the subclass has mostly typed already: resolving the
    // name would check the receiver again, its flow type included.
    const symbol = ts.isPropertyAccessExpression(callee)
      ? this.checker.getNonNullableType(this.checker.getTypeAtLocation(callee.expression)).getProperty(name.text)
      : this.checker.getSymbolAtLocation(name);
    if (!symbol) return false;
    let answer = neverReturningSymbols.get(symbol);
    if (answer === undefined) {
      // The declared type: the type at the call would narrow it along the flow, for no gain here.
      const signatures = this.checker.getTypeOfSymbol(symbol).getCallSignatures();
      answer =
        signatures.length > 0 &&
        signatures.every((signature) => (signature.getReturnType().flags & ts.TypeFlags.Never) !== 0);
      neverReturningSymbols.set(symbol, answer);
    }
    return answer;
  }

  /** Returns the path after the statements, or `undefined` when no path gets past them. */
  private statements(statements: readonly ts.Statement[], path: Path<State>): Path<State> | undefined {
    this.enterBlock();
    let current: Path<State> | undefined = path;
    for (const statement of statements) {
      if (!current) break;
      current = this.statement(statement, current);
      this.afterStatement(statement);
    }
    this.leaveBlock(statements, this.joinStates(current));
    return current;
  }

  private statement(node: ts.Statement, path: Path<State>): Path<State> | undefined {
    if (ts.isBlock(node)) return this.statements(node.statements, path);
    if (ts.isIfStatement(node)) {
      const afterCondition = this.expression(node.expression, path);
      const known = afterCondition.map((way) => this.getKnownValue(node.expression, way.flags));
      const narrow = (way: Alternative<State>, outcome: boolean): Alternative<State> => ({
        ...way,
        state: this.narrowed(node.expression, outcome, way.state),
      });
      const thenEntry = afterCondition.filter((_, index) => known[index] !== false).map((way) => narrow(way, true));
      const elseEntry = afterCondition.filter((_, index) => known[index] !== true).map((way) => narrow(way, false));
      const thenPath = thenEntry.length > 0 ? this.statement(node.thenStatement, thenEntry) : undefined;
      const elsePath =
        elseEntry.length === 0 || !node.elseStatement ? elseEntry : this.statement(node.elseStatement, elseEntry);
      return this.mergePaths(thenPath, elsePath?.length ? elsePath : undefined);
    }
    if (ts.isIterationStatement(node, false)) return this.loop(node, path);
    if (ts.isTryStatement(node)) return this.tryStatement(node, path);
    if (ts.isSwitchStatement(node)) return this.switchStatement(node, path);
    if (ts.isLabeledStatement(node)) return this.statement(node.statement, path);
    if (ts.isReturnStatement(node) || ts.isThrowStatement(node)) {
      const returned = node.expression ? this.expression(node.expression, path) : path;
      if (ts.isThrowStatement(node)) this.throwStates.at(-1)?.push(returned);
      else this.returned(node, this.joinStates(returned)!);
      return undefined;
    }
    if (ts.isBreakOrContinueStatement(node)) {
      this.jumps.at(-1)?.push(path);
      return undefined;
    }
    if (ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) return path;
    if (ts.isExpressionStatement(node)) {
      const after = this.expression(node.expression, path);
      const call = skipOuterExpressions(node.expression);
      return ts.isCallExpression(call) && this.endsThePath(call) ? undefined : after;
    }
    let current = path;
    ts.forEachChild(node, (child) => {
      current = this.expression(child, current);
    });
    return current;
  }

  private tryStatement(node: ts.TryStatement, path: Path<State>): Path<State> | undefined {
    // The catch block starts from the paths where the try block can throw: at its calls,
    // awaits and throws, not from wherever the try block ends.
    if (node.catchClause) this.throwStates.push([]);
    const tryPath = this.statements(node.tryBlock.statements, path);
    const thrown = node.catchClause ? this.throwStates.pop()! : [];
    const catchPath = node.catchClause
      ? this.statements(node.catchClause.block.statements, this.mergeAll(thrown, path) ?? path)
      : tryPath;
    const joined = node.catchClause ? this.mergePaths(tryPath, catchPath) : tryPath;
    if (!node.finallyBlock) return joined;
    const finallyPath = this.statements(node.finallyBlock.statements, this.mergePaths(path, joined) ?? path);
    return joined ? finallyPath : undefined;
  }

  private switchStatement(node: ts.SwitchStatement, path: Path<State>): Path<State> | undefined {
    const entry = this.expression(node.expression, path);
    let result: Path<State> | undefined;
    let fallthrough: Path<State> | undefined;
    const jumps = this.collectJumps(() => {
      for (const clause of node.caseBlock.clauses) {
        fallthrough = this.statements(clause.statements, this.mergePaths(entry, fallthrough) ?? entry);
        result = this.mergePaths(result, fallthrough);
      }
    });
    const hasDefault = node.caseBlock.clauses.some(ts.isDefaultClause);
    return this.mergeAll([hasDefault ? undefined : entry, ...jumps], result);
  }

  private loop(node: ts.IterationStatement, path: Path<State>): Path<State> {
    let entry = path;
    ts.forEachChild(node, (child) => {
      if (child !== node.statement) entry = this.expression(child, entry);
    });
    // The body is walked once for every run: a flag it sets may hold on the next run.
    entry = this.normalize(entry.map((way) => ({ state: way.state, flags: this.forgetAssignedIn(node, way.flags) })));
    // `for await (const reply of sock)` waits on `sock` as `await` does: a reply means our data
    // arrived. Each step awaits the source, which may reject.
    const isForAwait = ts.isForOfStatement(node) && node.awaitModifier !== undefined;
    if (isForAwait) {
      entry = entry.map((way) => ({ state: this.waitedFor(node.expression, way.state), flags: way.flags }));
      this.throwStates.at(-1)?.push(entry);
    }
    this.loopDepth++;
    let bodyPath: Path<State> | undefined;
    const jumps = this.collectJumps(() => {
      bodyPath = this.statement(node.statement, entry);
    });
    this.loopDepth--;
    const exit = this.mergeAll([bodyPath, ...jumps], entry) ?? entry;
    // The next step of a `for await` awaits the source again, after what the body left pending.
    if (isForAwait) this.throwStates.at(-1)?.push(exit);
    return exit;
  }

  /** Two paths where they join: ways with the same flags are one, the subclass merging their states. */
  private mergePaths(a: Path<State> | undefined, b: Path<State> | undefined): Path<State> | undefined {
    if (!a) return b;
    if (!b) return a;
    return this.normalize([...a, ...b]);
  }

  private normalize(ways: Path<State>): Path<State> {
    if (ways.length === 1) return ways;
    const joined: Alternative<State>[] = [];
    for (const way of ways) {
      const index = joined.findIndex((other) => haveSameFlags(other.flags, way.flags));
      if (index === -1) joined.push(way);
      else joined[index] = { state: this.merge(joined[index].state, way.state)!, flags: joined[index].flags };
    }
    if (joined.length <= MAX_ALTERNATIVES) return joined;
    const [first, ...rest] = joined;
    const flags = new Map(
      [...first.flags].filter(([symbol, value]) => rest.every((way) => way.flags.get(symbol) === value)),
    );
    return [{ state: this.joinStates(joined)!, flags }];
  }

  /** The state of every way here merged: what a report or a summary sees. */
  private joinStates(path: Path<State> | undefined): State | undefined {
    return path?.reduce<State | undefined>((merged, way) => this.merge(merged, way.state), undefined);
  }

  private mergeAll(paths: readonly (Path<State> | undefined)[], initial: Path<State> | undefined) {
    return paths.reduce<Path<State> | undefined>((merged, next) => this.mergePaths(merged, next), initial);
  }

  /** Runs `walk` and returns the paths at the jumps it made out of the current loop or switch. */
  private collectJumps(walk: () => void): Path<State>[] {
    this.jumps.push([]);
    walk();
    return this.jumps.pop()!;
  }

  /** Evaluates an expression in the order its calls run: arguments before the call they feed. */
  private expression(node: ts.Node, path: Path<State>): Path<State> {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return path;
    let current = path;
    ts.forEachChild(node, (child) => {
      current = this.expression(child, current);
    });
    // A call that throws has no effect; an await that rejects on a stream means the stream failed,
    // so what it waited for is no longer pending for the catch block either.
    if (ts.isAwaitExpression(node)) {
      const waited = current.map((way) => ({ state: this.waitedFor(node.expression, way.state), flags: way.flags }));
      this.throwStates
        .at(-1)
        ?.push(waited.map((way) => ({ state: this.rejectedFrom(node.expression, way.state), flags: way.flags })));
      return waited;
    }
    if (ts.isCallExpression(node)) {
      // `await finished(s)`: its failure is the await's, recorded there; `process.exit()` ends all.
      const throws = this.throwStates.at(-1);
      if (throws && !ts.isAwaitExpression(getOutermostExpression(node).parent) && !this.endsThePath(node)) {
        throws.push(current);
      }
      return current.map((way) => ({ state: this.call(node, way.state), flags: way.flags }));
    }
    // Most nodes assign nothing: no new path for them.
    const assignment = getAssignment(node);
    if (!assignment) return current;
    const assigned = current.map((way) => ({ state: way.state, flags: this.assigned(assignment, way.flags) }));
    return assigned.some((way, index) => way.flags !== current[index].flags) ? this.normalize(assigned) : current;
  }

  // ---- flags -----------------------------------------------------------------------------------

  /** The flags after a local is set: to a constant `true`/`false`, or to anything else. */
  private assigned({ target, value }: Assignment, flags: Flags): Flags {
    const constant = value && getBooleanLiteral(value);
    if (constant === undefined && flags.size === 0) return flags;
    const symbol = this.checker.getSymbolAtLocation(target);
    if (!symbol) return flags;
    if (constant === undefined || !this.isTrackable(symbol)) {
      if (!flags.has(symbol)) return flags;
      const forgotten = new Map(flags);
      forgotten.delete(symbol);
      return forgotten;
    }
    return new Map(flags).set(symbol, constant);
  }

  /** What `condition` is on this path, when it is made of known flags: `handled`, `!done && ok`. */
  private getKnownValue(condition: ts.Expression, flags: Flags): boolean | undefined {
    if (flags.size === 0) return undefined;
    const value = skipOuterExpressions(condition);
    if (ts.isIdentifier(value)) {
      const symbol = this.checker.getSymbolAtLocation(value);
      return symbol && flags.get(symbol);
    }
    if (ts.isPrefixUnaryExpression(value) && value.operator === ts.SyntaxKind.ExclamationToken) {
      const operand = this.getKnownValue(value.operand, flags);
      return operand === undefined ? undefined : !operand;
    }
    if (ts.isBinaryExpression(value)) {
      const operator = value.operatorToken.kind;
      if (operator !== ts.SyntaxKind.AmpersandAmpersandToken && operator !== ts.SyntaxKind.BarBarToken)
        return undefined;
      const isAnd = operator === ts.SyntaxKind.AmpersandAmpersandToken;
      const left = this.getKnownValue(value.left, flags);
      const right = this.getKnownValue(value.right, flags);
      // `false && x` is false and `true || x` is true, whatever `x` is.
      if (left === !isAnd || right === !isAnd) return !isAnd;
      return left === isAnd && right === isAnd ? isAnd : undefined;
    }
    return undefined;
  }

  /** A local of this scope that no nested function assigns: only the path in view changes it. */
  private isTrackable(symbol: ts.Symbol): boolean {
    const declaration = symbol.valueDeclaration;
    if (!declaration || !ts.isVariableDeclaration(declaration)) return false;
    if (getEnclosingScope(declaration) !== this.scope) return false;
    this.assignedInClosures ??= getAssignedInClosures(this.scope, this.checker);
    return !this.assignedInClosures.has(symbol);
  }

  /** `flags` without the locals that `node` assigns anywhere. */
  private forgetAssignedIn(node: ts.Node, flags: Flags): Flags {
    if (flags.size === 0) return flags;
    const assigned = new Set<ts.Symbol>();
    forEachAssignment(node, (target) => {
      const symbol = this.checker.getSymbolAtLocation(target);
      if (symbol) assigned.add(symbol);
    });
    if (![...flags.keys()].some((symbol) => assigned.has(symbol))) return flags;
    return new Map([...flags].filter(([symbol]) => !assigned.has(symbol)));
  }
}

function haveSameFlags(a: Flags, b: Flags): boolean {
  return a === b || (a.size === b.size && [...a].every(([symbol, value]) => b.get(symbol) === value));
}

/** A local set by a declaration or a plain `=`; `value` is missing for `let x;`. */
interface Assignment {
  readonly target: ts.Identifier;
  readonly value: ts.Node | undefined;
}

function getAssignment(node: ts.Node): Assignment | undefined {
  let target: ts.Node;
  let value: ts.Node | undefined;
  if (ts.isVariableDeclaration(node)) [target, value] = [node.name, node.initializer];
  else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken)
    [target, value] = [node.left, node.right];
  else return undefined;
  return ts.isIdentifier(target) ? { target, value } : undefined;
}

function getBooleanLiteral(node: ts.Node): boolean | undefined {
  const value = ts.isExpression(node) ? skipOuterExpressions(node) : node;
  if (value.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (value.kind === ts.SyntaxKind.FalseKeyword) return false;
  return undefined;
}

/** The function (or file) whose body declares `node`. */
function getEnclosingScope(node: ts.Node): ts.Node {
  let current = node.parent;
  while (!ts.isFunctionLike(current) && !ts.isSourceFile(current)) current = current.parent;
  return current;
}

/** Calls `visit` with every identifier assigned below `root`: `x = …`, `x += …`, `x++`. */
function forEachAssignment(root: ts.Node, visit: (target: ts.Identifier) => void): void {
  const walk = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && isAssignedTo(node)) visit(node);
    ts.forEachChild(node, walk);
  };
  walk(root);
}

/** The locals of `scope` that a function nested in it assigns. */
function getAssignedInClosures(scope: FunctionLike | ts.SourceFile, checker: ts.TypeChecker): Set<ts.Symbol> {
  const assigned = new Set<ts.Symbol>();
  const visitNested = (node: ts.Node): void => {
    if (ts.isFunctionLike(node)) {
      forEachAssignment(node, (target) => {
        const symbol = checker.getSymbolAtLocation(target);
        if (symbol) assigned.add(symbol);
      });
      return;
    }
    ts.forEachChild(node, visitNested);
  };
  ts.forEachChild(scope, visitNested);
  return assigned;
}

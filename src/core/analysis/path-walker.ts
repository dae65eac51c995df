import ts from "../typescript.cjs";

import { getBodyStatements, type FunctionLike } from "../model/function-context.js";
import { getOutermostExpression, skipOuterExpressions } from "../model/syntax.js";

/** Whether a function's symbol has only signatures returning `never`: one answer per function. */
const neverReturningSymbols = new WeakMap<ts.Symbol, boolean>();

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
  /** States at `break`/`continue`, collected by the innermost loop or switch they leave. */
  private readonly jumps: State[][] = [];
  /** For each enclosing `try` with a `catch`, innermost last: the states at which its block can throw. */
  private readonly throwStates: State[][] = [];

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
    const statements = getBodyStatements(this.scope);
    if (statements) return this.statements(statements, initial);
    if (!ts.isSourceFile(this.scope) && this.scope.body) return this.expression(this.scope.body, initial);
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
    const symbol = this.checker.getSymbolAtLocation(name);
    if (!symbol) return false;
    let answer = neverReturningSymbols.get(symbol);
    if (answer === undefined) {
      const signatures = this.checker.getTypeOfSymbolAtLocation(symbol, name).getCallSignatures();
      answer =
        signatures.length > 0 &&
        signatures.every((signature) => (signature.getReturnType().flags & ts.TypeFlags.Never) !== 0);
      neverReturningSymbols.set(symbol, answer);
    }
    return answer;
  }

  /** Returns the state after the statements, or `undefined` when no path gets past them. */
  private statements(statements: readonly ts.Statement[], state: State): State | undefined {
    this.enterBlock();
    let current: State | undefined = state;
    for (const statement of statements) {
      if (!current) break;
      current = this.statement(statement, current);
      this.afterStatement(statement);
    }
    this.leaveBlock(statements, current);
    return current;
  }

  private statement(node: ts.Statement, state: State): State | undefined {
    if (ts.isBlock(node)) return this.statements(node.statements, state);
    if (ts.isIfStatement(node)) {
      const afterCondition = this.expression(node.expression, state);
      const thenState = this.statement(node.thenStatement, afterCondition);
      const elseState = node.elseStatement ? this.statement(node.elseStatement, afterCondition) : afterCondition;
      return this.merge(thenState, elseState);
    }
    if (ts.isIterationStatement(node, false)) return this.loop(node, state);
    if (ts.isTryStatement(node)) return this.tryStatement(node, state);
    if (ts.isSwitchStatement(node)) return this.switchStatement(node, state);
    if (ts.isLabeledStatement(node)) return this.statement(node.statement, state);
    if (ts.isReturnStatement(node) || ts.isThrowStatement(node)) {
      const returned = node.expression ? this.expression(node.expression, state) : state;
      if (ts.isThrowStatement(node)) this.throwStates.at(-1)?.push(returned);
      else this.returned(node, returned);
      return undefined;
    }
    if (ts.isBreakOrContinueStatement(node)) {
      this.jumps.at(-1)?.push(state);
      return undefined;
    }
    if (ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) return state;
    if (ts.isExpressionStatement(node)) {
      const after = this.expression(node.expression, state);
      const call = skipOuterExpressions(node.expression);
      return ts.isCallExpression(call) && this.endsThePath(call) ? undefined : after;
    }
    let current = state;
    ts.forEachChild(node, (child) => {
      current = this.expression(child, current);
    });
    return current;
  }

  private tryStatement(node: ts.TryStatement, state: State): State | undefined {
    // The catch block starts from the states where the try block can throw: at its calls,
    // awaits and throws, not from wherever the try block ends.
    if (node.catchClause) this.throwStates.push([]);
    const tryState = this.statements(node.tryBlock.statements, state);
    const thrownStates = node.catchClause ? this.throwStates.pop()! : [];
    const catchState = node.catchClause
      ? this.statements(node.catchClause.block.statements, this.mergeAll(thrownStates, state) ?? state)
      : tryState;
    const joined = node.catchClause ? this.merge(tryState, catchState) : tryState;
    if (!node.finallyBlock) return joined;
    const finallyState = this.statements(node.finallyBlock.statements, this.merge(state, joined) ?? state);
    return joined ? finallyState : undefined;
  }

  private switchStatement(node: ts.SwitchStatement, state: State): State | undefined {
    const entry = this.expression(node.expression, state);
    let result: State | undefined;
    let fallthrough: State | undefined;
    const jumps = this.collectJumps(() => {
      for (const clause of node.caseBlock.clauses) {
        fallthrough = this.statements(clause.statements, this.merge(entry, fallthrough) ?? entry);
        result = this.merge(result, fallthrough);
      }
    });
    const hasDefault = node.caseBlock.clauses.some(ts.isDefaultClause);
    return this.mergeAll([hasDefault ? undefined : entry, ...jumps], result);
  }

  private loop(node: ts.IterationStatement, state: State): State {
    let entry = state;
    ts.forEachChild(node, (child) => {
      if (child !== node.statement) entry = this.expression(child, entry);
    });
    // `for await (const reply of sock)` waits on `sock` as `await` does: a reply means our data
    // arrived. Each step awaits the source, which may reject.
    const isForAwait = ts.isForOfStatement(node) && node.awaitModifier !== undefined;
    if (isForAwait) {
      entry = this.waitedFor(node.expression, entry);
      this.throwStates.at(-1)?.push(entry);
    }
    this.loopDepth++;
    let bodyState: State | undefined;
    const jumps = this.collectJumps(() => {
      bodyState = this.statement(node.statement, entry);
    });
    this.loopDepth--;
    const exit = this.mergeAll([bodyState, ...jumps], entry) ?? entry;
    // The next step of a `for await` awaits the source again, after what the body left pending.
    if (isForAwait) this.throwStates.at(-1)?.push(exit);
    return exit;
  }

  private mergeAll(states: readonly (State | undefined)[], initial: State | undefined): State | undefined {
    return states.reduce<State | undefined>((merged, next) => this.merge(merged, next), initial);
  }

  /** Runs `walk` and returns the states at the jumps it made out of the current loop or switch. */
  private collectJumps(walk: () => void): State[] {
    this.jumps.push([]);
    walk();
    return this.jumps.pop()!;
  }

  /** Evaluates an expression in the order its calls run: arguments before the call they feed. */
  private expression(node: ts.Node, state: State): State {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return state;
    let current = state;
    ts.forEachChild(node, (child) => {
      current = this.expression(child, current);
    });
    // A call that throws has no effect; an await that rejects on a stream means the stream failed,
    // so what it waited for is no longer pending for the catch block either.
    if (ts.isAwaitExpression(node)) {
      const waited = this.waitedFor(node.expression, current);
      this.throwStates.at(-1)?.push(this.rejectedFrom(node.expression, waited));
      return waited;
    }
    if (ts.isCallExpression(node)) {
      // `await finished(s)`: its failure is the await's, recorded there; `process.exit()` ends all.
      const throws = this.throwStates.at(-1);
      if (throws && !ts.isAwaitExpression(getOutermostExpression(node).parent) && !this.endsThePath(node)) {
        throws.push(current);
      }
      return this.call(node, current);
    }
    return current;
  }
}

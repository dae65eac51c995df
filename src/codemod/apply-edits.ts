import type { TextEdit } from "../core/fixes/text-edits.js";

function isSameEdit(a: TextEdit, b: TextEdit): boolean {
  return a.start === b.start && a.end === b.end && a.text === b.text;
}

/** The index of the first of `sorted` (ascending) that is at least `value`. */
function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A multiset of positions, all taken from a set known in advance, that counts those below a bound. */
class PositionCounts {
  private readonly tree: Int32Array;

  constructor(private readonly positions: readonly number[]) {
    this.tree = new Int32Array(positions.length + 1);
  }

  add(position: number): void {
    for (let i = lowerBound(this.positions, position) + 1; i < this.tree.length; i += i & -i) this.tree[i]++;
  }

  countBelow(bound: number): number {
    let count = 0;
    for (let i = lowerBound(this.positions, bound); i > 0; i -= i & -i) count += this.tree[i];
    return count;
  }
}

/**
 * The chosen edits, indexed so that one overlap test costs a logarithm, not a pass over them all:
 * a replacement `[s, e)` overlaps a chosen one `[cs, ce)` when `cs < e` and `ce > s`, and there
 * are as many of those as chosen starts below `e` minus chosen ends at or below `s`.
 */
class ChosenEdits {
  readonly edits: TextEdit[] = [];
  private readonly byStart = new Map<number, TextEdit[]>();
  private readonly starts: PositionCounts;
  private readonly ends: PositionCounts;
  private readonly insertions: PositionCounts;

  constructor(positions: readonly number[]) {
    this.starts = new PositionCounts(positions);
    this.ends = new PositionCounts(positions);
    this.insertions = new PositionCounts(positions);
  }

  has(edit: TextEdit): boolean {
    return this.byStart.get(edit.start)?.some((other) => isSameEdit(edit, other)) ?? false;
  }

  /** Two insertions never overlap; an insertion overlaps a replacement when strictly inside it. */
  overlaps({ start, end }: TextEdit): boolean {
    if (start === end) return this.starts.countBelow(start) - this.ends.countBelow(start + 1) > 0;
    const replacements = this.starts.countBelow(end) - this.ends.countBelow(start + 1);
    return replacements > 0 || this.insertions.countBelow(end) - this.insertions.countBelow(start + 1) > 0;
  }

  add(edit: TextEdit): void {
    this.edits.push(edit);
    const atStart = this.byStart.get(edit.start);
    if (atStart) atStart.push(edit);
    else this.byStart.set(edit.start, [edit]);
    if (edit.start === edit.end) {
      this.insertions.add(edit.start);
    } else {
      this.starts.add(edit.start);
      this.ends.add(edit.end);
    }
  }
}

/**
 * Picks the groups of edits that can be applied together: a group whose edits overlap an already
 * chosen one waits for the next pass. Identical edits (two rewrites adding the same import) count once.
 */
export function selectCompatibleGroups(groups: readonly (readonly TextEdit[])[]): {
  chosen: TextEdit[];
  deferred: number;
} {
  const positions = [...new Set(groups.flatMap((group) => group.flatMap((edit) => [edit.start, edit.end])))].sort(
    (a, b) => a - b,
  );
  const chosen = new ChosenEdits(positions);
  let deferred = 0;
  for (const group of groups) {
    const fresh = group.filter((edit) => !chosen.has(edit));
    if (fresh.some((edit) => chosen.overlaps(edit))) {
      deferred++;
      continue;
    }
    for (const edit of fresh) chosen.add(edit);
  }
  return { chosen: chosen.edits, deferred };
}

/** Applies non-overlapping edits to `text`; insertions at one position keep their given order. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const ordered = edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => b.edit.start - a.edit.start || b.index - a.index);
  // Built from the end in one pass: the text from `rest` on is final, held as pieces in reverse.
  let pieces: string[] = [];
  let rest = text.length;
  for (const { edit } of ordered) {
    if (edit.end > rest) {
      // Only an edit reaching into one applied before it (they overlap): cut into that result.
      pieces = [
        pieces
          .reverse()
          .join("")
          .slice(edit.end - rest),
      ];
    } else {
      pieces.push(text.slice(edit.end, rest));
    }
    pieces.push(edit.text);
    rest = edit.start;
  }
  return text.slice(0, rest) + pieces.reverse().join("");
}

/**
 * Where each of `positions` (offsets in the text after `edits` were applied) stood before: a
 * position inside inserted text maps to where the insertion was made. One sweep over both.
 */
export function mapToOriginalPositions(positions: readonly number[], edits: readonly TextEdit[]): number[] {
  const ordered = edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => a.edit.start - b.edit.start || a.index - b.index);
  const byPosition = positions.map((position, index) => ({ position, index })).sort((a, b) => a.position - b.position);
  const mapped: number[] = new Array<number>(positions.length);
  let delta = 0;
  let next = 0;
  for (const { position, index } of byPosition) {
    for (; next < ordered.length; next++) {
      const { edit } = ordered[next];
      const newStart = edit.start + delta;
      if (position < newStart) break;
      if (position < newStart + edit.text.length) break;
      delta += edit.text.length - (edit.end - edit.start);
    }
    const edit = ordered[next]?.edit;
    const insideInsertion = edit !== undefined && position >= edit.start + delta;
    mapped[index] = insideInsertion ? edit.start : position - delta;
  }
  return mapped;
}

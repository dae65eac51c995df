import type { TextEdit } from "../core/text-edits.js";

function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return false;
  return a.start < b.end && b.start < a.end;
}

function isSameEdit(a: TextEdit, b: TextEdit): boolean {
  return a.start === b.start && a.end === b.end && a.text === b.text;
}

/**
 * Picks the groups of edits that can be applied together: a group whose edits overlap an already
 * chosen one waits for the next pass. Identical edits (two rewrites adding the same import) count once.
 */
export function selectCompatibleGroups(groups: readonly (readonly TextEdit[])[]): {
  chosen: TextEdit[];
  deferred: number;
} {
  const chosen: TextEdit[] = [];
  let deferred = 0;
  for (const group of groups) {
    const fresh = group.filter((edit) => !chosen.some((other) => isSameEdit(edit, other)));
    if (fresh.some((edit) => chosen.some((other) => overlaps(edit, other)))) {
      deferred++;
      continue;
    }
    chosen.push(...fresh);
  }
  return { chosen, deferred };
}

/** Applies non-overlapping edits to `text`; insertions at one position keep their given order. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const ordered = edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => b.edit.start - a.edit.start || b.index - a.index);
  let result = text;
  for (const { edit } of ordered) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return result;
}

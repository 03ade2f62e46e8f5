/**
 * Excel's reference-adjustment rules for row inserts and deletes: how a table, a conditional
 * format, a tracked range or the selection moves (or disappears) when rows move under it.
 */
import { MAX_COLS, MAX_ROWS, Rect, isEntireColumns, rectRows } from '../address';

/** How a reference to `rect` changes when `n` rows are inserted before row `at` in columns c0..c1. */
export function refAfterInsert(rect: Rect, at: number, n: number, c0: number, c1: number): Rect {
  if (isEntireColumns(rect)) return rect;
  const fullWidth = c0 === 0 && c1 === MAX_COLS - 1;
  if (!fullWidth && !(rect.c0 >= c0 && rect.c1 <= c1)) return rect;
  if (at <= rect.r0) return { ...rect, r0: Math.min(rect.r0 + n, MAX_ROWS - 1), r1: Math.min(rect.r1 + n, MAX_ROWS - 1) };
  if (at <= rect.r1) return { ...rect, r1: Math.min(rect.r1 + n, MAX_ROWS - 1) };
  return rect;
}

/** How a reference changes when rows at..at+n-1 are deleted in columns c0..c1; undefined = gone. */
export function refAfterDelete(rect: Rect, at: number, n: number, c0: number, c1: number): Rect | undefined {
  if (isEntireColumns(rect)) return rect;
  const fullWidth = c0 === 0 && c1 === MAX_COLS - 1;
  if (!fullWidth && !(rect.c0 >= c0 && rect.c1 <= c1)) return rect;
  const end = at + n - 1;
  if (rect.r1 < at) return rect;
  if (rect.r0 > end) return { ...rect, r0: rect.r0 - n, r1: rect.r1 - n };
  const kept = rectRows(rect) - (Math.min(rect.r1, end) - Math.max(rect.r0, at) + 1);
  if (kept <= 0) return undefined;
  const r0 = rect.r0 < at ? rect.r0 : at;
  return { ...rect, r0, r1: r0 + kept - 1 };
}

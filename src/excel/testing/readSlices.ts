/**
 * How many extra syncs `completeReads` needs for a table as the double holds it: the round-trip
 * formula of every action is "its fixed syncs + these slices", and tests check the double's count
 * against it. Built from the double's contents with the reader's own planning rule (planSlices),
 * so a test at 10,000 rows proves that only the slices were added, nothing per row.
 */
import type { ExcelDouble } from '../double';
import { LEDGER_COLUMNS, LOG_COLUMNS, RECORD_COLUMNS } from '../../workbook/schema';
import { NARROW_COLUMNS, PAYLOAD_BUDGET_BYTES, firstSliceRows, planSlices, widestRow } from '../tableRead';

const INPUTS: Record<string, readonly string[]> = {
  台账: LEDGER_COLUMNS.filter((c) => c.kind === 'input').map((c) => c.header),
  反馈记录: RECORD_COLUMNS.filter((c) => c.kind === 'input').map((c) => c.header),
  操作日志: LOG_COLUMNS.filter((c) => c.kind === 'input').map((c) => c.header),
};

/** The slices (their planned bytes) that read `columns` (default: the input columns, as queueTable does). */
function slicesOf(xl: ExcelDouble, tableName: string, columns?: readonly string[] | 'all', keys = false): number[] {
  const t = xl.workbook.table(tableName);
  const wanted = columns ?? INPUTS[tableName] ?? 'all';
  const at = wanted === 'all' ? t.columns.map((_, i) => i) : wanted.map((h) => t.columns.indexOf(h)).filter((i) => i >= 0);
  const narrow = keys && wanted !== 'all' && wanted.length <= NARROW_COLUMNS;
  const first = Math.min(
    t.rowCount,
    narrow ? firstSliceRows('', wanted.length, wanted.length) : firstSliceRows(tableName, wanted === 'all' ? 0 : wanted.length),
  );
  if (first >= t.rowCount) return [];
  return planSlices(first, t.rowCount, widestRow(t.values.slice(0, first), at), PAYLOAD_BUDGET_BYTES).map((x) => x.bytes);
}

/**
 * Extra syncs of `completeReads` for the tables an action queues, in the order it queues them
 * ([name], [name, columns], or [name, columns, 'keys'] for queueColumns): slices packed into one sync while they fit, as the reader does.
 */
export function readSlices(xl: ExcelDouble, ...tables: [string, (readonly string[] | 'all')?, 'keys'?][]): number {
  const sizes = tables.flatMap(([name, columns, keys]) => slicesOf(xl, name, columns, keys === 'keys'));
  let syncs = 0;
  for (let i = 0; i < sizes.length;) {
    let size = sizes[i];
    i += 1;
    while (i < sizes.length && size + sizes[i] <= PAYLOAD_BUDGET_BYTES) size += sizes[i++];
    syncs += 1;
  }
  return syncs;
}

/**
 * Queued writes of one user action, all in ONE batch (the caller syncs once):
 * - patches of existing rows, located by their key (编号 / 操作ID) with Range.find at sync time —
 *   never by a row position read earlier, because a co-author may have sorted or inserted rows;
 * - appends below a table through `getDataBodyRange().getRowsBelow(n)` — the co-authoring-safe
 *   way (excel-api.md), never `table.rows.add`;
 * - 操作日志 lines.
 * Rows are located first: if one is gone, the find fails the sync before anything is written.
 */
import { LEDGER_COLUMNS, type ColumnSpec } from '../workbook/schema';
import { tableRow } from './ledgerCodec';
import { textCell, type CellValue } from './cells';
import { PAYLOAD_BUDGET_BYTES, jsonBytes } from './tableRead';

/**
 * Rows read whole (values and formulas) per sync, at first: a 台账 row is 1–35 KB of JSON, most of
 * it formulas. A batch Excel refuses as too large is halved and read again.
 */
export const WHOLE_ROWS_PER_SYNC = 100;

/**
 * Locate the row of `tableName` whose `keyHeader` cell equals `key` — queued NOW, so the find runs
 * before any write queued later in the same batch: when the row is gone, the sync fails before
 * anything is written. Returns the writer for that row's cells.
 */
export function locateRow(context: Excel.RequestContext, tableName: string, keyHeader: string, key: string) {
  const table = context.workbook.tables.getItem(tableName);
  // The column with its header, never one cell: find on a single cell (a one-row table's body)
  // searches the whole sheet from the next cell (Range.find docs; src/excel/double/api.ts).
  const hit = table.columns.getItem(keyHeader).getRange().find(key, { completeMatch: true, matchCase: true });
  hit.load('rowIndex');
  const row = hit.getEntireRow();
  const entireRow = row;
  return {
    /** The whole table row, as one operation (all-or-nothing under a failing sync). */
    writeRow(row: CellValue[]): void {
      table.getDataBodyRange().getIntersection(entireRow).formulas = [row];
    },
    write(cells: Record<string, CellValue>): void {
      for (const h of Object.keys(cells)) {
        table.columns.getItem(h).getDataBodyRange().getIntersection(row).values = [[cells[h]]];
      }
    },
    /** Delete the table row (cells shift up within the table: no blank row is left behind). */
    deleteRow(): void {
      table.getDataBodyRange().getIntersection(entireRow).delete('Up');
    },
  };
}

/**
 * Append rows to a table; formula columns get the schema's formulas, in the table's own column
 * order. Normally below the body (getRowsBelow: the co-authoring-safe way). A new table holds one
 * empty placeholder row (Excel tables always have a body row): when `intoPlaceholder`, the rows
 * start there, so the ledger does not keep a blank first row.
 */
export function queueAppend(
  context: Excel.RequestContext,
  tableName: string,
  headers: readonly string[],
  columns: readonly ColumnSpec[],
  rows: readonly Record<string, CellValue>[],
  intoPlaceholder = false,
): void {
  if (rows.length === 0) return;
  const body = context.workbook.tables.getItem(tableName).getDataBodyRange();
  const target = intoPlaceholder ? body.getRow(0).getResizedRange(rows.length - 1, 0) : body.getRowsBelow(rows.length);
  target.formulas = rows.map((r) => tableRow(headers, columns, r));
}

/**
 * Queue the read that tells whether a table's body is only the empty placeholder row (every
 * input cell blank; formula columns may show results of blank inputs).
 */
export function queuePlaceholderCheck(context: Excel.RequestContext, tableName: string, columns: readonly ColumnSpec[]) {
  const table = context.workbook.tables.getItem(tableName);
  const body = table.getDataBodyRange().load('rowCount');
  const header = table.getHeaderRowRange().load('values');
  const first = body.getRow(0).load('values');
  const formula = new Set(columns.filter((c) => c.kind === 'formula').map((c) => c.header));
  return {
    read(): boolean {
      if (body.rowCount !== 1) return false;
      const headers = header.values[0].map((h) => String(h ?? '').trim());
      return first.values[0].every((v, i) => formula.has(headers[i]) || v === '' || v === null);
    },
  };
}

/**
 * A 台账 row as read (values and formulas), with `changes` applied, ready to be written back as ONE
 * operation: schema formula columns keep their formulas, a user's own formula stays a formula,
 * every constant is written back as the value it holds (text behind an apostrophe when it would
 * otherwise turn into a formula).
 */
export function patchedRow(
  headers: readonly string[],
  values: readonly unknown[],
  formulas: readonly unknown[],
  changes: Record<string, CellValue>,
): CellValue[] {
  return headers.map((h, i) => {
    if (h in changes) return changes[h];
    const f = formulas[i];
    const v = values[i];
    if (FORMULA_HEADERS.has(h) && typeof f === 'string' && f.startsWith('=')) return f;
    if (typeof f === 'string' && f.startsWith('=') && f !== v) return f;
    if (typeof v === 'string') return textCell(v);
    return (v ?? '') as CellValue;
  });
}

const FORMULA_HEADERS = new Set(LEDGER_COLUMNS.filter((c) => c.kind === 'formula').map((c) => c.header));

/**
 * The current values and formulas of the rows whose `keyHeader` cell is one of `keys`, located by
 * find at sync time; WHOLE_ROWS_PER_SYNC rows per sync. A key no longer in the table (a co-author
 * deleted the row since it was read) fails the sync, as `locateRow` does: nothing is written then.
 */
export async function readRowsByKey(
  context: Excel.RequestContext,
  tableName: string,
  keyHeader: string,
  keys: readonly string[],
): Promise<{ rows: Map<string, { values: unknown[]; formulas: unknown[] }>; syncs: number }> {
  const out = new Map<string, { values: unknown[]; formulas: unknown[] }>();
  let syncs = 0;
  const table = context.workbook.tables.getItem(tableName);
  let per = WHOLE_ROWS_PER_SYNC;
  for (let i = 0; i < keys.length;) {
    const slice = keys.slice(i, i + per).map((key) => {
      // header + body: never a one-cell range, which find widens to the whole sheet (Range.find docs)
      const hit = table.columns.getItem(keyHeader).getRange().find(key, { completeMatch: true, matchCase: true });
      const row = table.getDataBodyRange().getIntersection(hit.getEntireRow()).load('values,formulas');
      return { key, row };
    });
    try {
      syncs += 1;
      await context.sync();
    } catch (e) {
      const code = (e as { code?: string })?.code;
      if (code !== 'ResponsePayloadSizeLimitExceeded' || per === 1) throw e;
      per = Math.ceil(per / 2); // the rows are larger than expected: fewer per sync
      continue;
    }
    for (const { key, row } of slice) out.set(key, { values: row.values[0], formulas: row.formulas[0] });
    i += slice.length;
  }
  return { rows: out, syncs };
}

/** Whole-row writes grouped so that each sync's request stays within the payload budget. */
export function writeSlices<W extends { row: CellValue[] }>(writes: readonly W[], budget = PAYLOAD_BUDGET_BYTES): W[][] {
  const slices: W[][] = [[]];
  let size = 0;
  for (const w of writes) {
    const bytes = jsonBytes(w.row) + 512; // the row, its find and its object paths
    if (size + bytes > budget && slices[slices.length - 1].length > 0) {
      slices.push([]);
      size = 0;
    }
    slices[slices.length - 1].push(w);
    size += bytes;
  }
  return slices;
}

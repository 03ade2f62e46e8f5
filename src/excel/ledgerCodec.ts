/**
 * Ledger rows ↔ domain objects. Reading goes through the domain's row validation (so a bad row
 * is reported with sheet, row and column, never silently fixed); writing produces cell values for
 * the input columns and the schema's formulas for the computed ones.
 */
import { LEDGER_INPUT_COLUMNS, FEEDBACK_INPUT_COLUMNS, type InputColumn } from '../domain/validation';
import type { FeedbackRecord, LedgerItem } from '../domain/types';
import type { ColumnSpec } from '../workbook/schema';
import { dateCell, numberCell, textCell, type CellValue } from './cells';

/** header → 0-based position, from a header row as read. Trims, so "编号 " still matches. */
export function headerIndex(headers: readonly unknown[]): Map<string, number> {
  const m = new Map<string, number>();
  headers.forEach((h, i) => {
    const key = String(h ?? '').trim();
    if (key && !m.has(key)) m.set(key, i);
  });
  return m;
}

/** One row as { header: raw value }. */
export function rowRecord(index: Map<string, number>, row: readonly unknown[]): Record<string, unknown> {
  const rec: Record<string, unknown> = {};
  for (const [h, i] of index) rec[h] = row[i];
  return rec;
}

/** A field as the cell value Excel holds (dates as serials); text as it is, not yet escaped. */
function fieldValue<F extends string>(col: InputColumn<F>, v: unknown): CellValue {
  if (v == null) return '';
  switch (col.kind) {
    case 'date':
      return dateCell(v as string);
    case 'int':
      return numberCell(v as number);
    case 'bool':
      return v ? '是' : '';
    default:
      return String(v);
  }
}

/** A field as written: text escaped so Excel keeps it as typed (cells.textCell). */
function fieldCell<F extends string>(col: InputColumn<F>, v: unknown): CellValue {
  const value = fieldValue(col, v);
  return typeof value === 'string' ? textCell(value) : value;
}

/** Input-column values of an item, by header, as the cells hold them (for comparisons). */
export function itemValues(item: LedgerItem): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  for (const col of LEDGER_INPUT_COLUMNS) out[col.header] = fieldValue(col, item[col.field]);
  return out;
}

/** Input-column cells of an item, by header, ready to write. */
export function itemCells(item: LedgerItem): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  for (const col of LEDGER_INPUT_COLUMNS) out[col.header] = fieldCell(col, item[col.field]);
  return out;
}

export function recordCells(rec: FeedbackRecord, opId: string): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  for (const col of FEEDBACK_INPUT_COLUMNS) out[col.header] = fieldCell(col, rec[col.field]);
  out['操作ID'] = textCell(opId);
  return out;
}

/** The input cells that differ between two versions of an item (the patch to write). */
export function changedCells(before: LedgerItem, after: LedgerItem): Record<string, CellValue> {
  const a = itemCells(before);
  const b = itemCells(after);
  const out: Record<string, CellValue> = {};
  for (const h of Object.keys(b)) if (a[h] !== b[h]) out[h] = b[h];
  return out;
}

/**
 * A full table row for `formulas`, in the order of the table's actual header row (a user may
 * have moved or added columns): input cells from `cells` (blank when absent), and for formula
 * columns the schema's formula, so a new row never depends on Excel's calculated-column fill: the
 * row-free form (`rowFreeFormula`), as the row's sheet row is not known when the write is queued.
 */
export function tableRow(headers: readonly string[], columns: readonly ColumnSpec[], cells: Record<string, CellValue>): CellValue[] {
  const spec = new Map(columns.map((c) => [c.header, c]));
  return headers.map((h) => {
    const c = spec.get(h);
    return c?.kind === 'formula' && c.formula ? `=${c.rowFreeFormula ?? c.formula}` : (cells[h] ?? '');
  });
}

/**
 * The first formula column of `columns` that a table's header row lacks. A row appended there
 * gets the schema's formulas, and those read columns a ledger older than the add-in does not have
 * (结构版本 4: 1天应报日 reads 辅助日历行): they would compute from empty cells — a wrong date, not
 * an error. Appending refuses instead and asks for 初始化台账 (column-missing).
 */
export function missingFormulaColumn(headers: readonly string[], columns: readonly ColumnSpec[]): string | undefined {
  return columns.find((c) => c.kind === 'formula' && !headers.includes(c.header))?.header;
}

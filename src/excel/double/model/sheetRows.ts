/**
 * Structural changes to a sheet: inserting and deleting entire rows, shifting cells down/up/right,
 * sorting a table's body; references (tables, conditional formats, tracked ranges, the selection)
 * are adjusted through the workbook (workbook.ts, references.ts).
 */
import { MAX_COLS, MAX_ROWS, Rect } from '../address';
import { DoubleExcelError, MESSAGES, err } from '../errors';
import { CellValue, translateFormula } from '../values';
import { SheetContent } from './sheetContent';
import { Cell, ChangeSource, TableModel, cloneJson, copyFmt, emptyContent, hasFmt } from './types';

export class SheetRows extends SheetContent {
  // ------------------------------------------------------------ structural changes

  /** Inserts `n` entire rows before row `at` (0-based). */
  insertRows(at: number, n: number, source: ChangeSource, location: string): Rect {
    if (n <= 0) throw err.invalidArgument(location);
    for (let r = MAX_ROWS - n; r < MAX_ROWS; r += 1) {
      if (this.rowHasContent(r, 0, MAX_COLS - 1)) throw new DoubleExcelError('NonBlankCellOffSheet', MESSAGES.offSheet, location);
    }
    const grownTables = this.tables().filter((t) => at > t.rect.r0 && at <= t.rect.r1);
    const calc = new Map(grownTables.map((t) => [t, this.calculatedColumns(t, t.rect.r0 + 1, t.rect.r1)]));
    this.cells = shiftMapKeys(this.cells, at, n);
    this.rowFmt = shiftMapKeys(this.rowFmt, at, n);
    this.rowHeight = shiftMapKeys(this.rowHeight, at, n);
    if (at > 0) this.copyRowFormats(at - 1, at, n, 0, MAX_COLS - 1);
    this.wb.adjustForInsert(this.self, at, n, 0, MAX_COLS - 1);
    for (const t of grownTables) this.fillCalculated(calc.get(t)!, at, at + n - 1);
    const rect = { r0: at, r1: at + n - 1, c0: 0, c1: MAX_COLS - 1 };
    this.wb.recordChange(this.self, rect, 'RowInserted', source);
    return rect;
  }

  /** Deletes `n` entire rows starting at row `at`. */
  deleteRows(at: number, n: number, source: ChangeSource, location: string): void {
    const end = at + n - 1;
    for (const t of this.tables()) {
      if (t.rect.r0 >= at && t.rect.r0 <= end && t.rect.r1 > end) {
        throw err.invalidOperation(location, "This operation is not allowed. You can't delete the header row of a table without deleting the table's rows.");
      }
    }
    const next = new Map<number, Map<number, Cell>>();
    for (const [r, row] of this.cells) {
      if (r < at) next.set(r, row);
      else if (r > end) next.set(r - n, row);
    }
    this.cells = next;
    this.rowFmt = dropMapKeys(this.rowFmt, at, n);
    this.rowHeight = dropMapKeys(this.rowHeight, at, n);
    this.wb.adjustForDelete(this.self, at, n, 0, MAX_COLS - 1);
    this.wb.recordChange(this.self, { r0: at, r1: end, c0: 0, c1: MAX_COLS - 1 }, 'RowDeleted', source);
  }

  /** Shifts the cells of columns c0..c1 from row `at` down by `n` (insert cells, shift down). */
  shiftDown(at: number, n: number, c0: number, c1: number, source: ChangeSource, location: string, fillCalc = true): Rect {
    if (c0 === 0 && c1 === MAX_COLS - 1) return this.insertRows(at, n, source, location);
    this.assertNoTableSplit(at, c0, c1, location);
    for (let r = MAX_ROWS - n; r < MAX_ROWS; r += 1) {
      if (this.rowHasContent(r, c0, c1)) throw new DoubleExcelError('NonBlankCellOffSheet', MESSAGES.offSheet, location);
    }
    const grownTables = this.tables().filter((t) => at > t.rect.r0 && at <= t.rect.r1 && t.rect.c0 >= c0 && t.rect.c1 <= c1);
    const calc = new Map(grownTables.map((t) => [t, this.calculatedColumns(t, t.rect.r0 + 1, t.rect.r1)]));
    const rows = [...this.cells.keys()].filter((r) => r >= at).sort((a, b) => b - a);
    for (const r of rows) {
      const row = this.cells.get(r)!;
      for (const [c, cell] of [...row]) {
        if (c < c0 || c > c1) continue;
        row.delete(c);
        if (r + n < MAX_ROWS) {
          let dest = this.cells.get(r + n);
          if (!dest) {
            dest = new Map();
            this.cells.set(r + n, dest);
          }
          dest.set(c, cell);
        }
      }
      if (row.size === 0) this.cells.delete(r);
    }
    if (at > 0) this.copyRowFormats(at - 1, at, n, c0, c1);
    this.wb.adjustForInsert(this.self, at, n, c0, c1);
    if (fillCalc) for (const t of grownTables) this.fillCalculated(calc.get(t)!, at, at + n - 1);
    const rect = { r0: at, r1: at + n - 1, c0, c1 };
    this.wb.recordChange(this.self, rect, 'CellInserted', source);
    return rect;
  }

  /** Deletes the cells of columns c0..c1 in rows at..at+n-1 and shifts the cells below up. */
  shiftUp(at: number, n: number, c0: number, c1: number, source: ChangeSource, location: string): void {
    if (c0 === 0 && c1 === MAX_COLS - 1) {
      this.deleteRows(at, n, source, location);
      return;
    }
    this.assertNoTableSplit(at, c0, c1, location);
    const end = at + n - 1;
    const rows = [...this.cells.keys()].filter((r) => r >= at).sort((a, b) => a - b);
    for (const r of rows) {
      const row = this.cells.get(r)!;
      for (const [c, cell] of [...row]) {
        if (c < c0 || c > c1) continue;
        row.delete(c);
        if (r > end) {
          let dest = this.cells.get(r - n);
          if (!dest) {
            dest = new Map();
            this.cells.set(r - n, dest);
          }
          dest.set(c, cell);
        }
      }
      if (row.size === 0) this.cells.delete(r);
    }
    this.wb.adjustForDelete(this.self, at, n, c0, c1);
    this.wb.recordChange(this.self, { r0: at, r1: end, c0, c1 }, 'CellDeleted', source);
  }

  /** Shifting only some columns must not cut through a table (Excel refuses). */
  private assertNoTableSplit(at: number, c0: number, c1: number, location: string): void {
    for (const t of this.tables()) {
      if (t.rect.r1 < at) continue;
      const overlaps = !(t.rect.c1 < c0 || t.rect.c0 > c1);
      const inside = t.rect.c0 >= c0 && t.rect.c1 <= c1;
      if (overlaps && !inside) throw err.invalidOperation(location, MESSAGES.tableShift);
    }
  }

  private copyRowFormats(from: number, at: number, n: number, c0: number, c1: number): void {
    const rowF = this.rowFmt.get(from);
    if (rowF && c0 === 0 && c1 === MAX_COLS - 1) {
      for (let r = at; r < at + n; r += 1) this.rowFmt.set(r, cloneJson(rowF));
    }
    const src = this.cells.get(from);
    if (!src) return;
    for (const [c, cell] of src) {
      if (c < c0 || c > c1 || !hasFmt(cell)) continue;
      for (let r = at; r < at + n; r += 1) {
        const dest = this.ensureCell(r, c);
        copyFmt(cell, dest);
      }
    }
  }

  /** Puts calculated-column formulas into the new (empty) rows r0..r1 of a grown table. */
  private fillCalculated(calc: Map<number, { formula: string; row: number }>, r0: number, r1: number): void {
    for (const [c, f] of calc) {
      // The model row moved if it was at/after the insertion point; translate from where it is now.
      const srcRow = f.row >= r0 ? f.row + (r1 - r0 + 1) : f.row;
      for (let r = r0; r <= r1; r += 1) {
        if (!emptyContent(this.cell(r, c))) continue;
        const cell = this.ensureCell(r, c);
        cell.f = translateFormula(f.formula, r - srcRow, 0);
        cell.v = '';
      }
    }
  }

  /** Shifts cells of rows r0..r1 from column `at` right by `n` (used by table column insertion). */
  shiftRight(at: number, n: number, r0: number, r1: number): void {
    for (const [r, row] of this.cells) {
      if (r < r0 || r > r1) continue;
      const moved = [...row].filter(([c]) => c >= at).sort((a, b) => b[0] - a[0]);
      for (const [c, cell] of moved) {
        row.delete(c);
        if (c + n < MAX_COLS) row.set(c + n, cell);
      }
    }
  }

  /** Sorts the body rows of a table by one column (a co-author's Sort A→Z / Z→A). */
  sortTableRows(t: TableModel, colIndex: number, ascending: boolean): void {
    const b0 = t.rect.r0 + 1;
    const b1 = t.rect.r1;
    const rows: { from: number; cells: Map<number, Cell> }[] = [];
    for (let r = b0; r <= b1; r += 1) {
      const cells = new Map<number, Cell>();
      const row = this.cells.get(r);
      if (row) for (const [c, cell] of row) if (c >= t.rect.c0 && c <= t.rect.c1) cells.set(c, cell);
      rows.push({ from: r, cells });
    }
    const key = t.rect.c0 + colIndex;
    const rank = (v: CellValue | undefined): number => (v === undefined || v === '' ? 3 : typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
    const sorted = [...rows].sort((a, b) => {
      const va = a.cells.get(key)?.v;
      const vb = b.cells.get(key)?.v;
      const ra = rank(va);
      const rb = rank(vb);
      // Blanks sort last in both directions.
      if (ra === 3 || rb === 3) return ra === rb ? 0 : ra === 3 ? 1 : -1;
      let cmp: number;
      if (ra !== rb) cmp = ra - rb;
      else if (ra === 0) cmp = (va as number) - (vb as number);
      else if (ra === 1) cmp = String(va).localeCompare(String(vb), 'zh-CN', { sensitivity: 'base' });
      else cmp = Number(va) - Number(vb);
      return ascending ? cmp : -cmp;
    });
    sorted.forEach((rec, i) => {
      const r = b0 + i;
      let row = this.cells.get(r);
      if (row) for (const c of [...row.keys()]) if (c >= t.rect.c0 && c <= t.rect.c1) row.delete(c);
      for (const [c, cell] of rec.cells) {
        if (!row) {
          row = new Map();
          this.cells.set(r, row);
        }
        if (cell.f !== undefined) cell.f = translateFormula(cell.f, r - rec.from, 0);
        row.set(c, cell);
      }
      if (row && row.size === 0) this.cells.delete(r);
    });
  }
}

function shiftMapKeys<V>(m: Map<number, V>, at: number, n: number): Map<number, V> {
  const out = new Map<number, V>();
  for (const [k, v] of m) {
    if (k < at) out.set(k, v);
    else if (k + n < MAX_ROWS) out.set(k + n, v);
  }
  return out;
}

function dropMapKeys<V>(m: Map<number, V>, at: number, n: number): Map<number, V> {
  const out = new Map<number, V>();
  for (const [k, v] of m) {
    if (k < at) out.set(k, v);
    else if (k >= at + n) out.set(k - n, v);
  }
  return out;
}

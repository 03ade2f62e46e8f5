/**
 * Writing into a sheet: values/formulas parsed as typed input, clearing, and what Excel does to a
 * table after a write — header names kept in step, auto-expansion below the last row, calculated
 * columns filled (AutoCorrect), conditional formats following the table down.
 */
import { MAX_ROWS, Rect, intersect, rectCols, rectRows } from '../address';
import { DoubleExcelError, MESSAGES, err } from '../errors';
import { ParseOptions, Parsed, formulaShapeKey, parseInput, translateFormula } from '../values';
import { SheetBase } from './sheetBase';
import { ChangeSource, FMT_KEYS, TableModel, copyFmt, emptyContent, hasFmt } from './types';

/** Rows at each end of a table body that decide whether a column is calculated. */
const CALC_SAMPLE = 32;

function rowSpan(a: number, b: number): number[] {
  return Array.from({ length: Math.max(0, b - a + 1) }, (_, i) => a + i);
}

export class SheetContent extends SheetBase {
  // ------------------------------------------------------------ writing content

  /**
   * Writes values or formulas into a range. Excel parses both setters' strings the same way (as typed
   * input), so `_mode` only documents the caller. `input` is either a 2-D array of
   * exactly the range's shape or a single value applied to every cell. Returns nothing; records the
   * change, runs table auto-expansion and calculated-column fill.
   */
  writeContent(rect: Rect, input: unknown, _mode: 'values' | 'formulas', source: ChangeSource, location: string): void {
    const grid = this.shapeInput(rect, input, location, false);
    this.assertEditable(rect, location);
    const opts: ParseOptions = { shortDateFormat: this.wb.options.shortDateFormat };
    const tablesBefore = this.wb.tables.filter((t) => t.sheet === this.self).map((t) => ({ t, r1: t.rect.r1 }));
    // Parse everything first: a bad value fails the write before any cell changes.
    const parsedCells: { r: number; c: number; p: Parsed }[] = [];
    for (let i = 0; i < rectRows(rect); i += 1) {
      for (let j = 0; j < rectCols(rect); j += 1) {
        const raw = grid ? grid[i][j] : input;
        const r = rect.r0 + i;
        const c = rect.c0 + j;
        const nf = this.fmtAt(r, c, 'numberFormat') ?? 'General';
        let p: Parsed;
        try {
          p = parseInput(raw, nf, opts);
        } catch {
          throw err.invalidArgument(location);
        }
        if (p.kind !== 'skip') parsedCells.push({ r, c, p });
      }
    }
    for (const { r, c, p } of parsedCells) {
      const cell = this.ensureCell(r, c);
      if (p.kind === 'formula') {
        cell.f = p.formula;
        cell.v = '';
        delete cell.q;
      } else if (p.kind === 'value') {
        delete cell.f;
        cell.v = p.value;
        if (p.quote) cell.q = true;
        else delete cell.q;
        if (p.numberFormat !== undefined && cell.numberFormat === undefined) cell.numberFormat = p.numberFormat;
      }
      this.tidy(r, c);
    }
    this.wb.recordChange(this.self, rect, 'RangeEdited', source);
    this.afterContentWrite(rect, tablesBefore, source);
  }

  /** Validates the shape of a 2-D input; returns undefined for a scalar broadcast. */
  shapeInput(rect: Rect, input: unknown, location: string, allowOneByOne: boolean): unknown[][] | undefined {
    if (!Array.isArray(input)) {
      if (input === null || input === undefined) throw err.invalidArgument(location);
      return undefined;
    }
    const rows = rectRows(rect);
    const cols = rectCols(rect);
    if (allowOneByOne && input.length === 1 && Array.isArray(input[0]) && input[0].length === 1 && rows * cols > 1) {
      return undefined;
    }
    if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
      throw new DoubleExcelError('InvalidArgument', MESSAGES.shapeMismatch, location);
    }
    return input as unknown[][];
  }

  clear(rect: Rect, applyTo: string, source: ChangeSource, location: string): void {
    const contents = applyTo === 'All' || applyTo === 'Contents' || applyTo === 'ResetContents';
    const formats = applyTo === 'All' || applyTo === 'Formats';
    if (contents) this.assertEditable(rect, location);
    if (formats) this.assertAllowed('allowFormatCells', location);
    if (contents) {
      for (const [r, c, cell] of [...this.presentCells(rect)]) {
        cell.v = '';
        delete cell.f;
        delete cell.q;
        this.tidy(r, c);
      }
      this.wb.recordChange(this.self, rect, 'RangeEdited', source);
    }
    if (formats) {
      // Clearing formats resets number format, fill, font, alignment, borders and the locked flag.
      // Data validation is not a format; Excel's Clear All/Clear Formats keep it (not verified via the API).
      for (const key of FMT_KEYS) {
        if (key === 'validation') continue;
        this.setFmt(rect, key, undefined);
      }
    }
  }

  // ------------------------------------------------------------ tables, after a content write

  tables(): TableModel[] {
    return this.wb.tables.filter((t) => t.sheet === this.self);
  }

  private afterContentWrite(rect: Rect, before: { t: TableModel; r1: number }[], source: ChangeSource): void {
    for (const t of this.tables()) {
      const written = intersect(rect, t.rect);
      if (written && written.r0 === t.rect.r0) this.syncHeaderNames(t);
      if (written && this.wb.options.calculatedColumnAutoFill) this.autoFillCalculatedColumns(t, written);
    }
    // Auto-expansion: a non-empty row written directly below a table becomes part of it.
    for (const { t, r1 } of before) {
      if (!this.wb.tables.includes(t) || t.rect.r1 !== r1) continue;
      const below = r1 + 1;
      if (below >= MAX_ROWS || rect.r0 > below || rect.r1 < below) continue;
      if (rect.c1 < t.rect.c0 || rect.c0 > t.rect.c1) continue;
      let end = r1;
      while (end + 1 <= rect.r1 && end + 1 < MAX_ROWS && this.rowHasContent(end + 1, t.rect.c0, t.rect.c1)) {
        if (this.tables().some((o) => o !== t && o.rect.r0 === end + 1 && !(o.rect.c1 < t.rect.c0 || o.rect.c0 > t.rect.c1))) break;
        end += 1;
      }
      if (end > r1) this.expandTable(t, end, source);
    }
  }

  /** Grows a table's body down to row `newR1` (rows already in place), as Excel's auto-expansion does. */
  expandTable(t: TableModel, newR1: number, source: ChangeSource): void {
    const oldR1 = t.rect.r1;
    const calc = this.calculatedColumns(t, t.rect.r0 + 1, oldR1);
    t.rect = { ...t.rect, r1: newR1 };
    for (let r = oldR1 + 1; r <= newR1; r += 1) {
      for (let c = t.rect.c0; c <= t.rect.c1; c += 1) {
        const model = this.cell(oldR1, c);
        if (model && hasFmt(model)) {
          const cell = this.ensureCell(r, c);
          copyFmt(model, cell, true);
        }
        const f = calc.get(c);
        if (f && emptyContent(this.cell(r, c))) {
          const cell = this.ensureCell(r, c);
          cell.f = translateFormula(f.formula, r - f.row, 0);
          cell.v = '';
        }
      }
    }
    this.extendConditionalFormats(t, oldR1, newR1);
    this.wb.recordChange(this.self, { r0: oldR1 + 1, r1: newR1, c0: t.rect.c0, c1: t.rect.c1 }, 'RangeEdited', source);
  }

  /** Conditional formats on table columns that end on the table's old last row follow it down. */
  extendConditionalFormats(t: TableModel, oldR1: number, newR1: number): void {
    for (const cf of this.cfs) {
      if (cf.rect.r1 === oldR1 && cf.rect.r0 <= oldR1 && cf.rect.c0 >= t.rect.c0 && cf.rect.c1 <= t.rect.c1) {
        cf.rect = { ...cf.rect, r1: newR1 };
      }
    }
  }

  /**
   * Columns whose body (rows r0..r1) holds one formula in R1C1 terms: Excel's calculated columns.
   * Returns column → a formula and the row it belongs to. A long body is judged by its first and
   * last CALC_SAMPLE rows: Excel keeps a column calculated when a cell in the middle becomes an
   * exception (it only flags the cell), and deriving every row's shape made each append to a
   * 10,000-row table of A1-style formulas cost tens of seconds here.
   */
  calculatedColumns(t: TableModel, r0: number, r1: number): Map<number, { formula: string; row: number }> {
    const out = new Map<number, { formula: string; row: number }>();
    if (r1 < r0) return out;
    const rows = r1 - r0 + 1 <= 2 * CALC_SAMPLE ? rowSpan(r0, r1) : [...rowSpan(r0, r0 + CALC_SAMPLE - 1), ...rowSpan(r1 - CALC_SAMPLE + 1, r1)];
    for (let c = t.rect.c0; c <= t.rect.c1; c += 1) {
      let key: string | undefined;
      let ok = true;
      for (const r of rows) {
        if (!ok) break;
        const f = this.cell(r, c)?.f;
        if (f === undefined) ok = false;
        else {
          const k = formulaShapeKey(f, r, c);
          if (key === undefined) key = k;
          else if (k !== key) ok = false;
        }
      }
      if (ok && key !== undefined) out.set(c, { formula: this.cell(r1, c)!.f!, row: r1 });
    }
    return out;
  }

  /**
   * Excel's AutoCorrect option "Fill formulas in tables to create calculated columns" (on by
   * default; API writes trigger it too: OfficeDev/office-js#2093, #5909, #6745): a formula entered
   * into a table column whose other body cells are all empty fills the whole column.
   */
  private autoFillCalculatedColumns(t: TableModel, written: Rect): void {
    const body0 = t.rect.r0 + 1;
    const w0 = Math.max(written.r0, body0);
    if (w0 > written.r1) return;
    for (let c = written.c0; c <= written.c1; c += 1) {
      let key: string | undefined;
      let src: { formula: string; row: number } | undefined;
      let ok = true;
      for (let r = w0; r <= written.r1 && ok; r += 1) {
        const f = this.cell(r, c)?.f;
        if (f === undefined) ok = false;
        else {
          const k = formulaShapeKey(f, r, c);
          if (key === undefined) {
            key = k;
            src = { formula: f, row: r };
          } else if (k !== key) ok = false;
        }
      }
      if (!ok || !src) continue;
      let othersEmpty = true;
      let others = 0;
      for (let r = body0; r <= t.rect.r1 && othersEmpty; r += 1) {
        if (r >= w0 && r <= written.r1) continue;
        others += 1;
        if (!emptyContent(this.cell(r, c))) othersEmpty = false;
      }
      if (!othersEmpty || others === 0) continue;
      for (let r = body0; r <= t.rect.r1; r += 1) {
        if (r >= w0 && r <= written.r1) continue;
        const cell = this.ensureCell(r, c);
        cell.f = translateFormula(src.formula, r - src.row, 0);
        cell.v = '';
      }
    }
  }

  /** Re-reads column names from the header cells (Excel keeps them in step). */
  syncHeaderNames(t: TableModel): void {
    const used = new Set<string>();
    t.columns.forEach((col, j) => {
      const c = t.rect.c0 + j;
      let name = this.textAt(t.rect.r0, c);
      if (name === '') name = `Column${j + 1}`;
      let candidate = name;
      let n = 2;
      while (used.has(candidate.toLowerCase())) {
        candidate = `${name}${n}`;
        n += 1;
      }
      used.add(candidate.toLowerCase());
      col.name = candidate;
      const cell = this.ensureCell(t.rect.r0, c);
      if (cell.v !== candidate || cell.f !== undefined) {
        cell.v = candidate;
        delete cell.f;
      }
    });
  }
}

/**
 * `DoubleSheet`: the sheet class (behaviour in sheetBase.ts → sheetContent.ts → sheetRows.ts) plus
 * the direct access tests and the browser preview use — reading and seeding cells without proxies,
 * syncs, events or protection, and snapshots of cells, tables, conditional formats and the grid.
 */
import { Rect, formatAddress, formatRect, parseRect, splitSheetAddress } from '../address';
import { err } from '../errors';
import { CellValue, normalizeColor } from '../values';
import { SheetRows } from './sheetRows';
import {
  CellSnapshot,
  ChartModel,
  ConditionalFormatSnapshot,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_PROTECTION_OPTIONS,
  FMT_DEFAULTS,
  GridSnapshot,
  TableSnapshot,
  cloneJson,
} from './types';

export class DoubleSheet extends SheetRows {
  // ------------------------------------------------------------ direct access for tests and preview

  private rectOf(address: string): Rect {
    const { sheet, local } = splitSheetAddress(address);
    if (sheet !== undefined && sheet !== this.name) throw err.invalidArgument('DoubleSheet');
    return parseRect(local, 'DoubleSheet');
  }

  getValues(address: string): CellValue[][] {
    return this.grid(this.rectOf(address), (r, c) => this.valueAt(r, c));
  }

  getFormulas(address: string): CellValue[][] {
    return this.grid(this.rectOf(address), (r, c) => this.formulaAt(r, c));
  }

  getText(address: string): string[][] {
    return this.grid(this.rectOf(address), (r, c) => this.textAt(r, c));
  }

  getNumberFormats(address: string): string[][] {
    return this.grid(this.rectOf(address), (r, c) => this.fmtAt(r, c, 'numberFormat') ?? 'General');
  }

  /** Writes like `range.values = ...` (typed-input parsing, table expansion) without events or protection. */
  setValues(address: string, values: unknown): void {
    this.wb.withoutEvents(() => this.withoutProtection(() => this.writeContent(this.rectOf(address), values, 'values', 'Local', 'DoubleSheet.setValues')));
  }

  setFormulas(address: string, formulas: unknown): void {
    this.wb.withoutEvents(() =>
      this.withoutProtection(() => this.writeContent(this.rectOf(address), formulas, 'formulas', 'Local', 'DoubleSheet.setFormulas')),
    );
  }

  /** Sets the computed value a formula cell shows (the double does not calculate). */
  setCachedValues(address: string, values: CellValue[][] | CellValue): void {
    const rect = this.rectOf(address);
    for (let r = rect.r0; r <= rect.r1; r += 1) {
      for (let c = rect.c0; c <= rect.c1; c += 1) {
        const v = Array.isArray(values) ? values[r - rect.r0]?.[c - rect.c0] : values;
        if (v === undefined) continue;
        const cell = this.cell(r, c);
        if (cell?.f !== undefined) cell.v = v;
      }
    }
  }

  setNumberFormat(address: string, format: string): void {
    this.setFmt(this.rectOf(address), 'numberFormat', format);
  }

  setLocked(address: string, locked: boolean): void {
    this.setFmt(this.rectOf(address), 'locked', locked);
  }

  setFill(address: string, color: string | null): void {
    this.setFmt(this.rectOf(address), 'fill', color === null ? '' : normalizeColor(color));
  }

  protect(options: Record<string, boolean | string> = {}, password?: string): void {
    this.protection = { protected: true, password, options: { ...DEFAULT_PROTECTION_OPTIONS, ...options } };
  }

  unprotect(): void {
    this.protection = { protected: false, options: { ...DEFAULT_PROTECTION_OPTIONS } };
  }

  /** Creates a table over `address` like `worksheet.tables.add(address, hasHeaders)`. */
  addTable(address: string, hasHeaders = true, name?: string): TableSnapshot {
    const t = this.wb.withoutEvents(() => this.wb.createTable(this, this.rectOf(address), hasHeaders, 'DoubleSheet.addTable'));
    if (name !== undefined) this.wb.renameTable(t, name, 'DoubleSheet.addTable');
    return this.wb.tableSnapshot(t);
  }

  table(name: string): TableSnapshot {
    const t = this.wb.findTable(name);
    if (!t || t.sheet !== this) throw err.itemNotFound(`DoubleSheet.table(${name})`);
    return this.wb.tableSnapshot(t);
  }

  listTables(): TableSnapshot[] {
    return this.tables().map((t) => this.wb.tableSnapshot(t));
  }

  cellAt(address: string): CellSnapshot {
    const rect = this.rectOf(address);
    return this.snapshotCell(rect.r0, rect.c0);
  }

  snapshotCell(r: number, c: number): CellSnapshot {
    const cell = this.cell(r, c);
    const fill = this.fmtAt(r, c, 'fill');
    const validation = this.fmtAt(r, c, 'validation');
    const fontName = this.fmtAt(r, c, 'fontName');
    const fontSize = this.fmtAt(r, c, 'fontSize');
    const verticalAlignment = this.fmtAt(r, c, 'verticalAlignment');
    const borders: NonNullable<CellSnapshot['borders']> = {};
    for (const [side, key] of [
      ['top', 'borderTop'],
      ['bottom', 'borderBottom'],
      ['left', 'borderLeft'],
      ['right', 'borderRight'],
    ] as const) {
      const b = this.fmtAt(r, c, key);
      if (b !== null && b !== 'None') borders[side] = b;
    }
    return {
      address: formatRect({ r0: r, r1: r, c0: c, c1: c }),
      value: cell?.v ?? '',
      ...(cell?.f !== undefined ? { formula: cell.f } : {}),
      text: this.textAt(r, c),
      numberFormat: this.fmtAt(r, c, 'numberFormat') ?? 'General',
      ...(fill ? { fill } : {}),
      fontColor: this.fmtAt(r, c, 'fontColor') ?? '#000000',
      bold: this.fmtAt(r, c, 'bold') === true,
      italic: this.fmtAt(r, c, 'italic') === true,
      locked: this.fmtAt(r, c, 'locked') !== false,
      ...(validation ? { validation: cloneJson(validation) } : {}),
      ...(fontName !== null && fontName !== FMT_DEFAULTS.fontName ? { fontName } : {}),
      ...(fontSize !== null && fontSize !== FMT_DEFAULTS.fontSize ? { fontSize } : {}),
      ...(verticalAlignment !== null && verticalAlignment !== FMT_DEFAULTS.verticalAlignment ? { verticalAlignment } : {}),
      ...(Object.keys(borders).length > 0 ? { borders } : {}),
    };
  }

  conditionalFormats(): ConditionalFormatSnapshot[] {
    return this.cfs.map((cf, i) => ({
      id: cf.id,
      address: formatAddress(this.name, cf.rect),
      type: cf.type,
      priority: i,
      stopIfTrue: cf.stopIfTrue,
      rule: cloneJson(cf.rule),
      format: { ...cf.format },
    }));
  }

  usedRange(valuesOnly = false): string | undefined {
    const r = this.usedRect(valuesOnly);
    return r ? formatAddress(this.name, r) : undefined;
  }

  /** Everything a browser preview needs to draw the sheet's top-left block. */
  snapshotGrid(maxRows = 200, maxCols = 40): GridSnapshot {
    const used = this.usedRect(false);
    const tableEnd = this.tables().reduce((m, t) => ({ r: Math.max(m.r, t.rect.r1), c: Math.max(m.c, t.rect.c1) }), { r: -1, c: -1 });
    const rowCount = Math.min(maxRows, Math.max(used ? used.r1 + 1 : 0, tableEnd.r + 1, 1));
    const columnCount = Math.min(maxCols, Math.max(used ? used.c1 + 1 : 0, tableEnd.c + 1, 1));
    const cells: CellSnapshot[][] = [];
    for (let r = 0; r < rowCount; r += 1) {
      const row: CellSnapshot[] = [];
      for (let c = 0; c < columnCount; c += 1) row.push(this.snapshotCell(r, c));
      cells.push(row);
    }
    const columnWidths: number[] = [];
    for (let c = 0; c < columnCount; c += 1) columnWidths.push(this.colWidth.get(c) ?? DEFAULT_COLUMN_WIDTH);
    return {
      sheet: this.name,
      rowCount,
      columnCount,
      cells,
      columnWidths,
      freezeRows: this.freezeRows,
      tables: this.listTables(),
      conditionalFormats: this.conditionalFormats(),
      protected: this.protection.protected,
    };
  }

  withoutProtection<T>(fn: () => T): T {
    const saved = this.protection;
    this.protection = { ...saved, protected: false };
    try {
      return fn();
    } finally {
      this.protection = saved;
    }
  }
}

/** The merged areas of a sheet, as A1 addresses without the sheet name (direct access). */
export function mergedAreas(s: DoubleSheet): string[] {
  return s.merges.map(formatRect);
}

/** 0-based indexes of the hidden columns of a sheet, ascending (direct access). */
export function hiddenColumns(s: DoubleSheet): number[] {
  return [...s.hiddenCols].sort((a, b) => a - b);
}

/** The charts of a sheet, in creation order (direct access; copies). */
export function chartsOf(s: DoubleSheet): ChartModel[] {
  return s.charts.map((c) => ({ ...c, position: c.position ? { ...c.position } : null, series: c.series.map((x) => ({ ...x })) }));
}

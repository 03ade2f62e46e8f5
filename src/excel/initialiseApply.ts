/**
 * 初始化台账, sync 3: queues the writes of a plan (initialisePlan.ts) on a request context, phase by
 * phase. No decisions here: each step says what to write; this file says how Office.js writes it.
 *
 * Differences from template.ts (exceljs), for Office.js or co-authoring reasons:
 * - data validation and table conditional formats cover the table's body (they follow the table as
 *   it grows) instead of BODY_ROWS rows below the header: validation on cells *below* a table breaks
 *   appending through `getRowsBelow` under co-authoring (docs/excel-api-notes.md);
 * - not applied: fonts (等线 10 / title 14: the double models bold/colour only), vertical
 *   alignment, header notes (comments), column outline levels. Page setup (orientation, fit to
 *   width, print titles, footer) is applied as the template's (workbook/print.ts, printSetup.ts).
 */
import { workbook as wt } from '../i18n/workbook';
import { columnLetter, type CFRule, type CellSpec, type ColumnSpec, type SheetSpec, type TableSpec, type ValidationSpec } from '../workbook/schema';
import { sheetPrintSetup } from '../workbook/print';
import { textCell } from './cells';
import { cellValue } from './initialiseBuild';
import { argbToHex, columnNumber, formulaForRow, rowDependent, widthToPoints } from './initialiseHelpers';
import { PHASES, type Plan, type Step, type Target, type Write } from './initialisePlan';
import { LEDGER_PROTECTION_OPTIONS, queueProtect, queueUnprotect } from './protection';
import { queuePrintSetup } from './printSetup';

const FORMULA_FILL = '#F2F2F2';
const HEADER_FILL = { input: '#1F4E79', formula: '#595959', helper: '#A6A6A6' } as const;
const HEADER_ROW_HEIGHT = 30;
const INPUT_FILL = '#FFF2CC';
const ALIGN = { center: 'Center', left: 'Left', right: 'Right' } as const;

// ---------------------------------------------------------------------------------------------
// Office builders
// ---------------------------------------------------------------------------------------------

/** Assigns one value to every cell of a range (`values`, `formulas`, `numberFormat`). */
function fill(range: Excel.Range, property: 'values' | 'formulas' | 'numberFormat', value: string | number): void {
  (range as unknown as Record<string, unknown>)[property] = value;
}

function headerFill(c: ColumnSpec): string {
  return c.kind === 'input' ? HEADER_FILL.input : c.hidden ? HEADER_FILL.helper : HEADER_FILL.formula;
}

function validationRule(v: ValidationSpec): Excel.DataValidationRule {
  switch (v.type) {
    case 'list':
      return { list: { inCellDropDown: true, source: v.values.join(',') } };
    case 'listRange':
      return { list: { inCellDropDown: true, source: `=${v.source}` } };
    case 'date':
      return { date: { formula1: v.min, formula2: v.max, operator: 'Between' } };
    case 'whole':
      return { wholeNumber: { formula1: v.min, formula2: v.max, operator: 'Between' } };
    case 'decimal':
      return { decimal: { formula1: v.min, formula2: v.max, operator: 'Between' } };
  }
}

function errorAlert(v: ValidationSpec): Excel.DataValidationErrorAlert {
  const style = (v.type === 'list' || v.type === 'listRange') && !v.strict ? 'Warning' : 'Stop';
  const text = v.type === 'date' ? wt.error.date : v.error;
  return { showAlert: true, style, title: text?.[0] ?? '', message: text?.[1] ?? '' };
}

function applyValidation(range: Excel.Range, v: ValidationSpec | undefined, message: readonly [string, string] | undefined, clearFirst: boolean): void {
  if (!v && !message) return;
  const dv = range.dataValidation;
  if (clearFirst) dv.clear();
  if (v) dv.rule = validationRule(v);
  if (message) dv.prompt = { showPrompt: true, title: message[0], message: message[1] };
  if (v) dv.errorAlert = errorAlert(v);
}

function addConditionalFormat(range: Excel.Range, rule: CFRule): void {
  if (rule.type === 'colorScale') {
    const cf = range.conditionalFormats.add('ColorScale');
    cf.colorScale.criteria = {
      minimum: { type: 'LowestValue', color: argbToHex(rule.colors[0]) },
      midpoint: { type: 'Percentile', formula: '50', color: argbToHex(rule.colors[1]) },
      maximum: { type: 'HighestValue', color: argbToHex(rule.colors[2]) },
    };
    return;
  }
  const cf = range.conditionalFormats.add('Custom');
  cf.custom.rule.formula = `=${rule.formula}`;
  if (rule.fill) cf.custom.format.fill.color = argbToHex(rule.fill);
  if (rule.fontColor) cf.custom.format.font.color = argbToHex(rule.fontColor);
  if (rule.bold) cf.custom.format.font.bold = true;
}

/** Each add goes on top (docs/excel-api-notes.md, "Conditional formats"): the last rule is added first. */
function addConditionalFormats(range: () => Excel.Range, rules: readonly CFRule[]): void {
  for (const rule of [...rules].reverse()) addConditionalFormat(range(), rule);
}

/** Header cell formats: fill by column kind, bold white, centred, wrapped. */
function styleHeaderCells(range: Excel.Range): void {
  range.format.font.bold = true;
  range.format.font.color = '#FFFFFF';
  range.format.horizontalAlignment = 'Center';
  range.format.wrapText = true;
}

/** Formats of one body column (number format, formula fill, wrap, alignment). */
function styleBodyColumn(range: Excel.Range, c: ColumnSpec): void {
  if (c.numFmt) fill(range, 'numberFormat', c.numFmt);
  if (c.kind === 'formula') range.format.fill.color = FORMULA_FILL;
  if (c.wrap) range.format.wrapText = true;
  if (c.align) range.format.horizontalAlignment = ALIGN[c.align];
}

/** Writes one formula column's body (rows `firstRow`..`firstRow+rows-1`, 1-based). */
function writeFormulaColumn(range: Excel.Range, formula: string, firstRow: number, rows: number): void {
  if (rowDependent(formula)) {
    range.formulas = Array.from({ length: rows }, (_, k) => [`=${formulaForRow(formula, firstRow + k)}`]);
  } else {
    fill(range, 'formulas', `=${formula}`);
  }
}

function styleCell(range: Excel.Range, spec: CellSpec): void {
  const f = range.format;
  if (spec.style === 'title' || spec.style === 'heading' || spec.style === 'label') f.font.bold = true;
  if (spec.style === 'heading') f.fill.color = '#D9E1F2';
  if (spec.style === 'input') f.fill.color = INPUT_FILL;
  if (spec.style === 'note') f.wrapText = true;
  if (spec.numFmt) fill(range, 'numberFormat', spec.numFmt);
  f.protection.locked = spec.locked ?? true;
}

// ---------------------------------------------------------------------------------------------
// one sheet's writes
// ---------------------------------------------------------------------------------------------

/** Writes to one sheet; its worksheet proxy is made on first use (or by createSheet). */
class SheetWrites {
  private proxy: Excel.Worksheet | undefined;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly name: string,
  ) {}

  ws(): Excel.Worksheet {
    if (!this.proxy) this.proxy = this.context.workbook.worksheets.getItem(this.name);
    return this.proxy;
  }

  create(position?: number): void {
    this.proxy = this.context.workbook.worksheets.add(this.name);
    if (position !== undefined) this.proxy.position = position;
  }

  range(at: Target): Excel.Range {
    return typeof at === 'string' ? this.ws().getRange(at) : this.cells(at.row, at.col, at.rows, at.cols);
  }

  /** 1-based row/column */
  cells(row: number, col: number, rows = 1, cols = 1): Excel.Range {
    return this.ws().getRangeByIndexes(row - 1, col - 1, rows, cols);
  }

  wholeColumn(col: number): Excel.Range {
    const l = columnLetter(col);
    return this.ws().getRange(`${l}:${l}`);
  }

  /** Header cells of a table or block: text styles, fills, locked, 30 pt high. */
  styleHeader(row: number, firstCol: number, columns: readonly ColumnSpec[]): void {
    const header = this.cells(row, firstCol, 1, columns.length);
    styleHeaderCells(header);
    header.format.protection.locked = true;
    columns.forEach((c, i) => (this.cells(row, firstCol + i).format.fill.color = headerFill(c)));
    this.range(`${row}:${row}`).format.rowHeight = HEADER_ROW_HEIGHT;
  }

  /** Tab colour, widths, hidden columns, column locks and print setup of a sheet built whole. */
  layout(spec: SheetSpec): void {
    if (spec.tabColor) this.ws().tabColor = argbToHex(spec.tabColor);
    const widths = new Map<number, number>();
    for (const [letter, chars] of Object.entries(spec.widths ?? {})) widths.set(columnNumber(letter), chars);
    const groups: { firstCol: number; columns: readonly ColumnSpec[] }[] = [...spec.blocks, ...spec.tables];
    for (const g of groups) {
      g.columns.forEach((c, i) => widths.set(g.firstCol + i, Math.max(widths.get(g.firstCol + i) ?? 0, c.width)));
    }
    for (const [col, chars] of widths) this.wholeColumn(col).format.columnWidth = widthToPoints(chars);
    // Column-level locks (a cell typed below a table is locked like its column); a table's win over a block's.
    for (const g of groups) g.columns.forEach((c, i) => (this.wholeColumn(g.firstCol + i).format.protection.locked = c.locked));
    for (const table of spec.tables) {
      table.columns.forEach((c, i) => {
        if (c.hidden) this.wholeColumn(table.firstCol + i).columnHidden = true;
      });
    }
    // printed as the template prints it
    queuePrintSetup(this.ws(), sheetPrintSetup(spec));
  }

  freeze(row: number, col: number): void {
    const panes = this.ws().freezePanes;
    if (row > 0 && col > 0) panes.freezeAt(this.cells(1, 1, row, col));
    else if (row > 0) panes.freezeRows(row);
    else panes.freezeColumns(col);
  }

  tableFrame(table: TableSpec, rows: readonly (string | number | null)[][], bodyRows: number): void {
    const n = table.columns.length;
    const hr = table.headerRow;
    const fc = table.firstCol;
    this.cells(hr, fc, 1, n).values = [table.columns.map((c) => c.header)];
    table.columns.forEach((c, i) => styleBodyColumn(this.cells(hr + 1, fc + i, bodyRows, 1), c));
    if (rows.length > 0) this.cells(hr + 1, fc, rows.length, n).values = rows as (string | number | null)[][];
    const created = this.ws().tables.add(`${columnLetter(fc)}${hr}:${columnLetter(fc + n - 1)}${hr + bodyRows}`, true);
    created.name = table.name;
    created.style = table.style;
    this.styleHeader(hr, fc, table.columns);
  }

  tableBody(table: TableSpec, bodyRows: number, clearValidation: boolean): void {
    table.columns.forEach((c, i) => {
      const body = this.cells(table.headerRow + 1, table.firstCol + i, bodyRows, 1);
      if (c.kind === 'formula' && c.formula) writeFormulaColumn(body, c.formula, table.headerRow + 1, bodyRows);
      applyValidation(body, c.validation, c.inputMessage, clearValidation);
    });
  }

  blockFrame(block: SheetSpec['blocks'][number]): void {
    this.cells(block.headerRow, block.firstCol, 1, block.columns.length).values = [block.columns.map((c) => c.header)];
    this.styleHeader(block.headerRow, block.firstCol, block.columns);
    block.columns.forEach((c, i) => {
      const body = this.cells(block.firstRow, block.firstCol + i, block.rows, 1);
      styleBodyColumn(body, c);
      body.format.protection.locked = c.locked;
    });
  }

  cellFrame(cell: CellSpec): void {
    const r = this.range(cell.address);
    styleCell(r, cell);
    if (cell.value !== undefined) r.values = [[cellValue(cell.value)]];
    if (cell.mergeTo) this.range(`${cell.address}:${cell.mergeTo}`).merge(false);
  }

  cellContent(cell: CellSpec): void {
    const r = this.range(cell.address);
    if (cell.formula) r.formulas = [[`=${cell.formula}`]];
    applyValidation(r, cell.validation, cell.inputMessage, false);
  }

  shiftedColumns(w: Extract<Write, { kind: 'shiftedColumns' }>): void {
    for (const c of w.columns) {
      const whole = this.wholeColumn(c.col);
      whole.columnHidden = c.hidden;
      if (c.width !== null) whole.format.columnWidth = widthToPoints(c.width);
      this.cells(w.headerRow + 1, c.col, w.bodyRows, 1).format.protection.locked = c.locked;
    }
    this.cells(w.headerRow, w.columns[0].col, 1, w.columns.length).format.protection.locked = true;
  }

  settingRowFrame(r: number, setting: Extract<Write, { kind: 'settingRowFrame' }>['setting'], note: string): void {
    this.range(`A${r}`).values = [[setting.name]];
    this.range(`A${r}`).format.font.bold = true;
    this.range(`C${r}`).values = [[textCell(note)]];
    this.range(`C${r}`).format.wrapText = true;
    const b = this.range(`B${r}`);
    b.format.protection.locked = setting.locked ?? false;
    if (!setting.locked) b.format.fill.color = INPUT_FILL;
    if (setting.numFmt) fill(b, 'numberFormat', setting.numFmt);
  }
}

// ---------------------------------------------------------------------------------------------
// the plan
// ---------------------------------------------------------------------------------------------

/** A column of an existing table, by its name in the workbook. */
function tableColumn(context: Excel.RequestContext, table: string, column: string): Excel.TableColumn {
  return context.workbook.tables.getItem(table).columns.getItem(column);
}

function queueStep(context: Excel.RequestContext, s: SheetWrites | undefined, w: Write, password: string | undefined): void {
  const sheet = () => s!;
  switch (w.kind) {
    case 'createSheet':
      return sheet().create(w.position);
    case 'layoutSheet':
      return sheet().layout(w.spec);
    case 'freezePanes':
      return sheet().freeze(w.row, w.col);
    case 'blockFrame':
      return sheet().blockFrame(w.block);
    case 'tableFrame':
      return sheet().tableFrame(w.table, w.rows, w.bodyRows);
    case 'wrapTable': {
      const created = sheet().ws().tables.add(w.address, true);
      created.name = w.table.name;
      created.style = w.table.style;
      return;
    }
    case 'tableBody':
      return sheet().tableBody(w.table, w.bodyRows, w.clearValidation);
    case 'cellFrame':
      return sheet().cellFrame(w.cell);
    case 'cellContent':
      return sheet().cellContent(w.cell);
    case 'values':
      sheet().range(w.at).values = w.values;
      return;
    case 'formulas':
      sheet().range(w.at).formulas = w.formulas;
      return;
    case 'conditionalFormats':
      return addConditionalFormats(() => sheet().range(w.address), w.rules);
    case 'addColumn':
      return void context.workbook.tables.getItem(w.table).columns.add(w.index, undefined, w.header);
    case 'columnFrame': {
      const col = tableColumn(context, w.table, w.column);
      const header = col.getHeaderRowRange();
      header.format.fill.color = headerFill(w.spec);
      styleHeaderCells(header);
      return styleBodyColumn(col.getDataBodyRange(), w.spec);
    }
    case 'deleteConditionalFormats': {
      const cfs = tableColumn(context, w.table, w.column).getDataBodyRange().conditionalFormats;
      for (const i of w.indices) cfs.getItemAt(i).delete();
      return;
    }
    case 'columnBody': {
      const body = tableColumn(context, w.table, w.column).getDataBodyRange();
      if (w.formula) writeFormulaColumn(body, w.spec.formula!, w.firstRow, w.rows);
      if (w.validation) applyValidation(body, w.spec.validation, w.spec.inputMessage, true);
      return;
    }
    case 'shiftedColumns':
      return sheet().shiftedColumns(w);
    case 'settingRowFrame':
      return sheet().settingRowFrame(w.row, w.setting, w.note);
    case 'settingRowValue': {
      const b = sheet().range(`B${w.row}`);
      if (w.value !== null) b.formulas = [[w.value]];
      return applyValidation(b, w.validation, undefined, true);
    }
    case 'addName':
      return void context.workbook.names.add(w.name, `=${w.ref}`);
    case 'unprotect':
      return void queueUnprotect(context, sheet().ws(), true, password);
    case 'protect':
      return void queueProtect(context, sheet().ws(), true, password, LEDGER_PROTECTION_OPTIONS);
  }
}

/** Queues every write of `plan`, phase by phase (the caller syncs). */
export function queuePlan(context: Excel.RequestContext, plan: Plan): void {
  const sheets = new Map<string, SheetWrites>();
  const writesTo = (step: Step) => {
    if (step.sheet === null) return undefined;
    let s = sheets.get(step.sheet);
    if (!s) sheets.set(step.sheet, (s = new SheetWrites(context, step.sheet)));
    return s;
  };
  for (const phase of PHASES) for (const step of plan.phases[phase]) queueStep(context, writesTo(step), step.write, plan.password);
}

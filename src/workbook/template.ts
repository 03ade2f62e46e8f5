/**
 * Writes the workbook schema (schema.ts) with exceljs: a blank ledger with settings, calendar and
 * sections filled in, optionally with seeded sample items. Formulas are written without cached
 * results (Excel recalculates on load: fullCalcOnLoad), or — for the LibreOffice test fixture —
 * with deliberately wrong cached results, so that a skipped recalculation cannot pass a test.
 */
/* eslint-disable office-addins/call-sync-before-read -- exceljs objects, not Office.js proxies */
import ExcelJS from 'exceljs';
import './exceljsPatch';
import { defaultSettings, type Settings } from '../domain/settings';
import { monthStart, edate } from '../domain/dates';
import { isoToSerial } from '../domain/parseDate';
import type { FeedbackRecord, IsoDate, LedgerItem } from '../domain/types';
import { workbook as t } from '../i18n/workbook';
import { calendarRows } from './calendarRows';
import { footerCode, sheetPrintSetup, type PrintSetup } from './print';
import {
  LAST_ROW,
  DATE_FORMAT,
  SETTING_ROWS,
  WORKBOOK_SCHEMA,
  columnLetter,
  formulaForRow,
  settingRow,
  type BlockSpec,
  type CellSpec,
  type ColumnSpec,
  type SheetSpec,
  type TableSpec,
  type ValidationSpec,
} from './schema';
import { DEFAULT_DIRECTOR, DEFAULT_SECTIONS, type SectionRow } from './sections';
import { generateSample } from './sample';
import { LEDGER_INPUT_COLUMNS, FEEDBACK_INPUT_COLUMNS } from '../domain/validation';
import { SHEET } from './sheetNames';
import { addArchiveSheet } from './archiveSheet';

export interface TemplateOptions {
  /** Fix 设置 今天 to this date (default: =TODAY()). Also the end of the sample period. */
  today?: IsoDate;
  /** Number of seeded sample items (default 0: a blank ledger). */
  sampleItems?: number;
  seed?: number;
  /** Explicit ledger content (overrides sampleItems). */
  items?: readonly LedgerItem[];
  records?: readonly FeedbackRecord[];
  settings?: Settings;
  sections?: readonly SectionRow[];
  /** Months (YYYY-MM) of the 考核明细 table; default: from the first 交办 month to December of today's year. */
  months?: readonly string[];
  /** 考核月份 of the 当月 block (YYYY-MM); default: the month of 今天 (a formula). */
  blockMonth?: string;
  /** 'none' (default): formulas without cached values; 'wrong': deliberately wrong cached values. */
  cache?: 'none' | 'wrong';
  /** Protect the sheets that hold formulas (default true, no password). */
  protect?: boolean;
  /**
   * Months up to and including this one (YYYY-MM) count as frozen, as 冻结本月 leaves them: their
   * scores (by the domain) in 考核存档, and no 考核明细 rows. Default: none frozen.
   */
  frozenThrough?: string;
  /** 冻结人 of those months (default: 党政办公室（运行监督科）) */
  frozenBy?: string;
}

/** A deliberately wrong cached result: no formula of the ledger yields it. */
export const WRONG_CACHE = '✗未重算';

const FONT = { name: '等线', size: 10 } as const;
const HEADER_INPUT = 'FF1F4E79';
const HEADER_FORMULA = 'FF595959';
const HEADER_HELPER = 'FFA6A6A6';
const FORMULA_FILL = 'FFF2F2F2';

/** A sheet's print setup (print.ts) in exceljs's terms. */
function exceljsPageSetup(p: PrintSetup): Partial<ExcelJS.PageSetup> {
  return {
    orientation: p.orientation,
    paperSize: (p.paper === 'A3' ? 8 : 9) as unknown as ExcelJS.PaperSize,
    fitToPage: true,
    fitToWidth: p.fitToWidth,
    fitToHeight: p.fitToHeight,
    margins: p.margins,
    horizontalCentered: p.centred,
    pageOrder: p.pageOrder,
    ...(p.titleRows ? { printTitlesRow: p.titleRows } : {}),
    ...(p.titleColumns ? { printTitlesColumn: p.titleColumns } : {}),
    ...(p.area ? { printArea: p.area } : {}),
  };
}

const solid = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

/** Today in the machine's local time zone, as an IsoDate. */
export function localToday(): IsoDate {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function dataValidation(v: ValidationSpec, message?: readonly [string, string]): ExcelJS.DataValidation {
  const prompt = message ? { showInputMessage: true, promptTitle: message[0], prompt: message[1] } : {};
  const err = (e: readonly [string, string] | undefined, style: 'stop' | 'warning') =>
    e ? { showErrorMessage: true, errorStyle: style, errorTitle: e[0], error: e[1] } : { showErrorMessage: true, errorStyle: style };
  switch (v.type) {
    case 'list':
      return { type: 'list', allowBlank: true, formulae: [`"${v.values.join(',')}"`], ...prompt, ...err(v.error, v.strict ? 'stop' : 'warning') };
    case 'listRange':
      return { type: 'list', allowBlank: true, formulae: [v.source], ...prompt, ...err(v.error, v.strict ? 'stop' : 'warning') };
    case 'date':
      return {
        type: 'date',
        operator: 'between',
        allowBlank: true,
        formulae: [new Date(`${v.min}T00:00:00Z`), new Date(`${v.max}T00:00:00Z`)],
        ...prompt,
        ...err(t.error.date, 'stop'),
      };
    case 'whole':
    case 'decimal':
      return { type: v.type, operator: 'between', allowBlank: true, formulae: [v.min, v.max], ...prompt, ...err(v.error, 'stop') };
  }
}

type CellInput = string | number | null | { formula: string; result?: unknown };

function formulaValue(formula: string, cache: 'none' | 'wrong'): CellInput {
  return cache === 'wrong' ? { formula, result: WRONG_CACHE } : { formula };
}

/**
 * Column-level styles of a table's or block's columns: width, font, protection (so that a cell
 * typed below a table is unlocked like the column), alignment, hidden helpers. Number formats are
 * set per cell only: a block and a table may share a column on one sheet (月度考核).
 * Must run before any cell of the sheet is written (exceljs applies a column style to its cells).
 */
function styleColumns(ws: ExcelJS.Worksheet, firstCol: number, columns: readonly ColumnSpec[]): void {
  columns.forEach((c, i) => {
    const column = ws.getColumn(firstCol + i);
    column.width = Math.max(column.width ?? 0, c.width);
    column.font = { ...FONT };
    column.protection = { locked: c.locked };
    column.alignment = alignment(c);
    if (c.hidden) {
      column.hidden = true;
      column.outlineLevel = 1;
    }
  });
}

const alignment = (c: ColumnSpec): Partial<ExcelJS.Alignment> => ({
  vertical: 'top',
  ...(c.wrap ? { wrapText: true } : {}),
  ...(c.align ? { horizontal: c.align } : {}),
});

function styleHeader(ws: ExcelJS.Worksheet, row: number, firstCol: number, columns: readonly ColumnSpec[]): void {
  columns.forEach((c, i) => {
    const cell = ws.getCell(row, firstCol + i);
    cell.font = { ...FONT, bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = solid(c.kind === 'input' ? HEADER_INPUT : c.hidden ? HEADER_HELPER : HEADER_FORMULA);
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.protection = { locked: true };
    if (c.note) cell.note = c.note;
  });
  ws.getRow(row).height = 30;
}

function styleBody(ws: ExcelJS.Worksheet, fromRow: number, toRow: number, firstCol: number, columns: readonly ColumnSpec[]): void {
  columns.forEach((c, i) => {
    for (let r = fromRow; r <= toRow; r++) {
      const cell = ws.getCell(r, firstCol + i);
      cell.font = { ...FONT };
      cell.protection = { locked: c.locked };
      if (c.numFmt) cell.numFmt = c.numFmt;
      cell.alignment = alignment(c);
      if (c.kind === 'formula') cell.fill = solid(FORMULA_FILL);
    }
  });
}

function addValidations(ws: ExcelJS.Worksheet, firstRow: number, lastRow: number, firstCol: number, columns: readonly ColumnSpec[]): void {
  columns.forEach((c, i) => {
    if (!c.validation && !c.inputMessage) return;
    const letter = columnLetter(firstCol + i);
    const v: ExcelJS.DataValidation = c.validation
      ? dataValidation(c.validation, c.inputMessage)
      : ({
          type: 'any',
          allowBlank: true,
          showInputMessage: true,
          promptTitle: c.inputMessage![0],
          prompt: c.inputMessage![1],
        } as unknown as ExcelJS.DataValidation);
    // One whole-column range, never a patchwork of cells below the table.
    (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(
      `${letter}${firstRow}:${letter}${lastRow}`,
      v,
    );
  });
}

function writeTable(ws: ExcelJS.Worksheet, spec: TableSpec, rows: CellInput[][], cache: 'none' | 'wrong'): void {
  const body = rows.length > 0 ? rows : [spec.columns.map(() => null)];
  const first = spec.headerRow + 1;
  const withFormulas = body.map((row, k) =>
    spec.columns.map((c, i) => (c.kind === 'formula' && c.formula ? formulaValue(formulaForRow(c.formula, first + k), cache) : (row[i] ?? null))),
  );
  ws.addTable({
    name: spec.name,
    ref: `${columnLetter(spec.firstCol)}${spec.headerRow}`,
    headerRow: true,
    totalsRow: false,
    style: { theme: spec.style as ExcelJS.TableStyleProperties['theme'], showRowStripes: true },
    columns: spec.columns.map((c) => ({
      name: c.header,
      filterButton: true,
      // Relative parts of a calculated column formula are written for the first data row.
      ...(c.kind === 'formula' && c.formula ? { calculatedColumnFormula: formulaForRow(c.formula, first) } : {}),
    })) as ExcelJS.TableColumnProperties[],
    rows: withFormulas as ExcelJS.CellValue[][],
  });
  shareFormulas(ws, spec, body.length, cache);
  styleHeader(ws, spec.headerRow, spec.firstCol, spec.columns);
  styleBody(ws, spec.headerRow + 1, spec.headerRow + body.length, spec.firstCol, spec.columns);
  // The entire column when the table starts at the top of the sheet; else everything under its header.
  addValidations(ws, spec.headerRow === 1 ? 1 : spec.headerRow + 1, LAST_ROW, spec.firstCol, spec.columns);
}

/**
 * A formula column of a table as one shared formula (the first row's text, the other rows pointing
 * at it), as Excel itself writes a filled column: LibreOffice and Gnumeric parse the text once, not
 * once per row (Gnumeric: 40 % less memory on a 2,000-item ledger). The cells compute exactly what
 * `formulaForRow` writes per row; exceljs reads them back translated.
 */
function shareFormulas(ws: ExcelJS.Worksheet, spec: TableSpec, rows: number, cache: 'none' | 'wrong'): void {
  if (rows < 2) return;
  const first = spec.headerRow + 1;
  spec.columns.forEach((c, i) => {
    if (c.kind !== 'formula' || !c.formula) return;
    const letter = columnLetter(spec.firstCol + i);
    const master = `${letter}${first}`;
    const ref = `${master}:${letter}${first + rows - 1}`;
    const result = cache === 'wrong' ? { result: WRONG_CACHE } : {};
    ws.getCell(master).value = { formula: formulaForRow(c.formula, first), shareType: 'shared', ref, ...result } as unknown as ExcelJS.CellValue;
    for (let k = 1; k < rows; k++) ws.getCell(first + k, spec.firstCol + i).value = { sharedFormula: master, ...result } as ExcelJS.CellValue;
  });
}

function writeBlock(ws: ExcelJS.Worksheet, spec: BlockSpec, cache: 'none' | 'wrong'): void {
  spec.columns.forEach((c, i) => {
    ws.getCell(spec.headerRow, spec.firstCol + i).value = c.header;
  });
  styleHeader(ws, spec.headerRow, spec.firstCol, spec.columns);
  for (let k = 0; k < spec.rows; k++) {
    const r = spec.firstRow + k;
    spec.columns.forEach((c, i) => {
      const cell = ws.getCell(r, spec.firstCol + i);
      if (c.formula) cell.value = formulaValue(formulaForRow(c.formula, r), cache) as ExcelJS.CellValue;
      else if (c.values) cell.value = c.values[k] ?? null;
    });
  }
  styleBody(ws, spec.firstRow, spec.firstRow + spec.rows - 1, spec.firstCol, spec.columns);
}

function writeCell(ws: ExcelJS.Worksheet, spec: CellSpec, cache: 'none' | 'wrong'): void {
  const cell = ws.getCell(spec.address);
  if (spec.formula) cell.value = formulaValue(spec.formula, cache) as ExcelJS.CellValue;
  else if (spec.value !== undefined) cell.value = spec.value;
  cell.font = { ...FONT, bold: spec.style === 'title' || spec.style === 'heading' || spec.style === 'label', size: spec.style === 'title' ? 14 : FONT.size };
  if (spec.style === 'heading') cell.fill = solid('FFD9E1F2');
  if (spec.style === 'input') cell.fill = solid('FFFFF2CC');
  if (spec.style === 'note') cell.alignment = { vertical: 'top', wrapText: true };
  if (spec.numFmt) cell.numFmt = spec.numFmt;
  cell.protection = { locked: spec.locked ?? true };
  if (spec.validation) cell.dataValidation = dataValidation(spec.validation, spec.inputMessage);
  if (spec.mergeTo) ws.mergeCells(`${spec.address}:${spec.mergeTo}`);
}

function addConditionalFormats(ws: ExcelJS.Worksheet, sheet: SheetSpec): void {
  let priority = 1;
  for (const cf of sheet.conditionalFormats) {
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: cf.rules.map((rule): ExcelJS.ConditionalFormattingRule => {
        if (rule.type === 'colorScale') {
          return {
            type: 'colorScale',
            priority: priority++,
            cfvo: [{ type: 'min' }, { type: 'percentile', value: 50 }, { type: 'max' }],
            color: rule.colors.map((argb) => ({ argb })),
          } as ExcelJS.ColorScaleRuleType;
        }
        const style: Partial<ExcelJS.Style> = {};
        if (rule.fill) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: rule.fill } };
        if (rule.fontColor || rule.bold) style.font = { ...(rule.fontColor ? { color: { argb: rule.fontColor } } : {}), ...(rule.bold ? { bold: true } : {}) };
        return { type: 'expression', priority: priority++, formulae: [rule.formula], style } as ExcelJS.ExpressionRuleType;
      }),
    });
  }
}

const serial = (d: IsoDate | null): number | null => (d ? isoToSerial(d) : null);

/** A LedgerItem as the input cells of its 台账 row, in LEDGER_COLUMNS order (formula cells left null). */
function ledgerRow(item: LedgerItem, columns: readonly ColumnSpec[]): CellInput[] {
  const byHeader = new Map<string, CellInput>();
  for (const c of LEDGER_INPUT_COLUMNS) {
    const v = item[c.field];
    if (c.kind === 'date') byHeader.set(c.header, serial(v as IsoDate | null));
    else if (c.kind === 'int') byHeader.set(c.header, typeof v === 'number' ? v : null);
    else byHeader.set(c.header, v === null || v === undefined || v === '' ? null : String(v));
  }
  return columns.map((c) => (c.kind === 'input' ? (byHeader.get(c.header) ?? null) : null));
}

function recordRow(record: FeedbackRecord, columns: readonly ColumnSpec[], opId: string): CellInput[] {
  const byHeader = new Map<string, CellInput>();
  for (const c of FEEDBACK_INPUT_COLUMNS) {
    const v = record[c.field];
    byHeader.set(c.header, c.kind === 'date' ? serial(v as IsoDate | null) : v === null || v === '' ? null : String(v));
  }
  byHeader.set('操作ID', opId);
  return columns.map((c) => (c.kind === 'input' ? (byHeader.get(c.header) ?? null) : null));
}

/** Default 考核明细 months: from the first 交办 month (January of today's year when there is none) to December of today's year. */
export function defaultMonths(items: readonly LedgerItem[], today: IsoDate): string[] {
  const assigned = items
    .map((i) => i.assignedOn)
    .filter((d): d is IsoDate => !!d && d <= today)
    .sort();
  const start = monthStart(assigned[0] ?? `${today.slice(0, 4)}-01-01`);
  const out: string[] = [];
  for (let m = start; m <= `${today.slice(0, 4)}-12-01`; m = edate(m, 1)) out.push(m.slice(0, 7));
  return out;
}

export function buildTemplate(opts: TemplateOptions = {}): ExcelJS.Workbook {
  const settings = opts.settings ?? { ...defaultSettings(), director: DEFAULT_DIRECTOR };
  const sections = opts.sections ?? DEFAULT_SECTIONS;
  const cache = opts.cache ?? 'none';
  const protect = opts.protect ?? true;
  const today = opts.today ?? localToday();

  let items = opts.items ?? [];
  let records = opts.records ?? [];
  if (!opts.items && (opts.sampleItems ?? 0) > 0) {
    const sample = generateSample({ count: opts.sampleItems!, seed: opts.seed ?? 13710, today, sections, settings });
    items = sample.items;
    records = sample.records;
  }
  const allMonths = opts.months ?? defaultMonths(items, today);
  const frozen = opts.frozenThrough ? allMonths.filter((m) => m <= opts.frozenThrough!) : [];
  const months = allMonths.filter((m) => !frozen.includes(m));

  const wb = new ExcelJS.Workbook();
  wb.creator = '13710 督办台账';
  wb.created = new Date(0);
  wb.modified = new Date(0);
  wb.calcProperties = { fullCalcOnLoad: true };
  wb.properties.date1904 = false;

  for (const sheet of WORKBOOK_SCHEMA.sheets) {
    const print = sheetPrintSetup(sheet);
    const ws = wb.addWorksheet(sheet.name, {
      properties: sheet.tabColor ? { tabColor: { argb: sheet.tabColor } } : {},
      views: sheet.freeze
        ? [{ state: 'frozen', xSplit: sheet.freeze.col, ySplit: sheet.freeze.row, activeCell: 'A2', showGridLines: print.gridlines }]
        : [{ showGridLines: print.gridlines }],
      pageSetup: exceljsPageSetup(print),
    });
    ws.headerFooter.oddFooter = footerCode(print.footer);
    if (sheet.widths) for (const [letter, w] of Object.entries(sheet.widths)) ws.getColumn(letter).width = w;

    // Column styles first (a table's win over a block's: its cells below the table are typed into).
    for (const block of sheet.blocks) styleColumns(ws, block.firstCol, block.columns);
    for (const table of sheet.tables) styleColumns(ws, table.firstCol, table.columns);

    for (const table of sheet.tables) {
      let rows: CellInput[][] = [];
      if (table.name === SHEET.ledger) rows = items.map((it) => ledgerRow(it, table.columns));
      else if (table.name === SHEET.records) rows = records.map((r, i) => recordRow(r, table.columns, `S${String(i + 1).padStart(6, '0')}`));
      else if (table.name === SHEET.people) rows = sections.map((s) => [s.section, s.chief, s.deputy, s.note || null]);
      else if (table.name === SHEET.calendar) rows = calendarRows().map((r) => [isoToSerial(r.date), r.workday, null, r.note || null, null, null]);
      else if (table.name === SHEET.scoreDetail) {
        rows = months.flatMap((m) => sections.map((s) => [isoToSerial(`${m}-01`), s.section] as CellInput[]));
      }
      writeTable(ws, table, rows, cache);
    }
    for (const block of sheet.blocks) writeBlock(ws, block, cache);
    for (const cell of sheet.cells) writeCell(ws, cell, cache);

    if (sheet.name === SHEET.settings) {
      for (const row of SETTING_ROWS) {
        const cell = ws.getCell(`B${settingRow(row.name)}`);
        const v = row.value(settings);
        if (row.name === '今天' && opts.today) cell.value = isoToSerial(opts.today);
        else if (typeof v === 'object') cell.value = formulaValue(v.formula, cache) as ExcelJS.CellValue;
        else cell.value = v === '' ? null : v;
        if (row.numFmt) cell.numFmt = row.numFmt;
      }
    }
    if (sheet.name === SHEET.scores && opts.blockMonth) {
      ws.getCell('B2').value = isoToSerial(`${opts.blockMonth}-01`);
    }

    // What the sheet is for: a note on its first cell.
    const a1 = ws.getCell('A1');
    a1.note = a1.note ? `${sheet.purpose}\n\n${typeof a1.note === 'string' ? a1.note : ''}` : sheet.purpose;

    addConditionalFormats(ws, sheet);
    if (protect && sheet.protect) {
      void ws.protect('', {
        selectLockedCells: true,
        selectUnlockedCells: true,
        formatColumns: true,
        formatRows: true,
        autoFilter: true,
        sort: true,
        insertRows: true,
      });
    }
  }

  const sectionNames = sections.map((s) => s.section);
  addArchiveSheet(wb, { months: frozen, items, records, sections: sectionNames, settings, today, frozenBy: opts.frozenBy ?? t.value.frozenBy }, protect);
  for (const n of WORKBOOK_SCHEMA.names) wb.definedNames.add(n.ref, n.name);
  return wb;
}

/** Write a workbook to a file (the exceljs patch for calculated columns is active). */
export async function writeWorkbook(wb: ExcelJS.Workbook, path: string): Promise<void> {
  await wb.xlsx.writeFile(path);
}

export { DATE_FORMAT, formulaForRow };

/**
 * 初始化台账 through Office.js: builds the ledger workbook of WORKBOOK_SCHEMA (src/workbook/schema.ts)
 * in the open workbook, or repairs and upgrades an existing one, without ever changing what users
 * typed.
 *
 * One `ExcelRun`, exactly three `context.sync()` calls whatever the workbook holds (a write that
 * fails part-way is rolled forward once: see initialiseLedger):
 *   1. structure — which sheets, tables (columns, row counts) and defined names exist, and which
 *      sheets are protected;
 *   2. health — for what exists: table positions, formula columns (counted with
 *      `getSpecialCellsOrNullObject('Formulas')` and the first/last body formula compared with the
 *      schema, so nothing proportional to the row count travels), data validation per column,
 *      conditional formats, the 当月 block and fixed cells, 设置 (version, password), 科室人员;
 *   3. write — unprotect → create sheets/tables/columns → defined names → formulas, validation,
 *      conditional formats, formats → 结构版本 → protect, all queued in that order.
 * When the write fails (a wrong password, a host error) a separate short batch (two more syncs)
 * puts protection back on the sheets that should have it. A refusal (a newer 结构版本, a missing
 * password) stops after sync 2 without writing.
 *
 * Never touched: input cells (values of input columns, 设置 values, 月度考核 B2), rows (never added
 * to or deleted from existing tables, never reordered), column widths/number formats/styles of
 * existing columns (the user's choices). Formula cells of formula columns are rewritten only when
 * the column is found damaged.
 *
 * Differences from template.ts (exceljs) — Office.js or co-authoring reasons:
 * - data validation and table conditional formats cover the table's body (they follow the table as
 *   it grows) instead of BODY_ROWS rows below the header: validation on cells *below* a table breaks
 *   appending through `getRowsBelow` under co-authoring (see shared/notes/excel-api.md);
 * - not applied: fonts (等线 10 / title 14: the double models bold/colour only), vertical
 *   alignment, header notes (comments), column outline levels, page setup (orientation, fit to
 *   width, print titles, footer).
 */
import { excel } from '../i18n/excel';
import { restoreProtection } from './writePath';
import { platform } from '../i18n/platform';
import { err, ok, type Result } from '../domain/result';
import { defaultSettings, type Settings } from '../domain/settings';
import { isoToSerial } from '../domain/parseDate';
import type { IsoDate } from '../domain/types';
import { workbook as wt } from '../i18n/workbook';
import { calendarRows } from '../workbook/calendarRows';
import {
  SCHEMA_VERSION,
  SETTING_ROWS,
  WORKBOOK_SCHEMA,
  columnLetter,
  settingRow,
  type BlockSpec,
  type CFRule,
  type CellSpec,
  type ColumnSpec,
  type ConditionalFormatSpec,
  type SheetSpec,
  type TableSpec,
  type ValidationSpec,
} from '../workbook/schema';
import { DEFAULT_DIRECTOR, DEFAULT_SECTIONS } from '../workbook/sections';
import { sheetPrintSetup } from '../workbook/print';
import { queuePrintSetup } from './printSetup';
import { textCell } from './cells';
import type { InitialiseOutcome } from './ledgerService';
import { LEDGER_PROTECTION_OPTIONS, normalisePassword, queueProtect, queueUnprotect } from './protection';
import type { ExcelRun } from './run';
import { localToday } from './today';
import { PASSWORD_FLAG_SET, missingApi, officeRequirements, type Requirements } from './capabilities';
import { withSelfRefreshingRules } from './cfRefresh';

export interface InitialiseOptions {
  /** Sheet protection password (default: 设置 保护密码, else none). */
  password?: string;
  /** The user's date: the months of a newly built 考核明细 (default: the local date). */
  today?: IsoDate;
  /**
   * What this Excel supports (default: the real `Office.context.requirements`; none outside Office).
   * Without ExcelApiOnline 1.1 (every Excel but the web) whether a sheet has a password is unknown
   * until its unprotect is tried.
   */
  requirements?: Requirements;
}

export interface InitialiseReport extends InitialiseOutcome {
  /** Things found damaged that were left alone (zh-CN). */
  warnings: string[];
  /** 设置 结构版本 before (null: none or not a number) and after. */
  schemaVersion: { before: number | null; after: number };
}

/**
 * The sheets as built through Office.js: the schema, plus the 预警状态 column's own colour rules
 * (office-js #5299: rules created through the API that read another cell may not refresh on
 * Windows; see cfRefresh.ts).
 */
const API_SHEETS = WORKBOOK_SCHEMA.sheets.map(withSelfRefreshingRules);

/** `context.sync()` calls of a successful run, whatever the workbook holds. */
export const INITIALISE_SYNCS = 3;

// ---------------------------------------------------------------------------------------------
// texts (zh-CN)
// ---------------------------------------------------------------------------------------------

const TEXT = excel.initialise;

// ---------------------------------------------------------------------------------------------
// small helpers
// ---------------------------------------------------------------------------------------------

type Step = () => void;

/** Write order inside the one write sync (see the file comment). */
interface Phases {
  unprotect: Step[];
  structure: Step[];
  names: Step[];
  content: Step[];
  version: Step[];
  protect: Step[];
}

const FORMULA_FILL = '#F2F2F2';
const HEADER_FILL = { input: '#1F4E79', formula: '#595959', helper: '#A6A6A6' } as const;
const HEADER_ROW_HEIGHT = 30;

/** 'FF1F4E79' (ARGB, as the schema writes colours) → '#1F4E79'. */
export function argbToHex(argb: string): string {
  const h = argb.replace(/^#/, '');
  return `#${(h.length === 8 ? h.slice(2) : h).toUpperCase()}`;
}

/** Column width in characters (xlsx `width`, as exceljs writes it) → points (Office.js `columnWidth`). */
export function widthToPoints(chars: number): number {
  const px = Math.trunc(((256 * chars + Math.trunc(128 / 7)) / 256) * 7);
  return px * 0.75;
}

/** 'AB' → 28 */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

interface Box {
  /** 1-based */
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** 'A2:BB2001' or 'B3' → 1-based box. */
function parseBox(a1: string): Box {
  const [a, b] = a1.replace(/\$/g, '').split(':');
  const one = (s: string) => {
    const m = /^([A-Za-z]+)(\d+)$/.exec(s);
    if (!m) throw new Error(`bad address ${s}`);
    return { c: columnNumber(m[1]), r: Number(m[2]) };
  };
  const p = one(a);
  const q = b ? one(b) : p;
  return { r0: Math.min(p.r, q.r), c0: Math.min(p.c, q.c), r1: Math.max(p.r, q.r), c1: Math.max(p.c, q.c) };
}

const boxAddress = (b: Box) =>
  b.r0 === b.r1 && b.c0 === b.c1 ? `${columnLetter(b.c0)}${b.r0}` : `${columnLetter(b.c0)}${b.r0}:${columnLetter(b.c1)}${b.r1}`;

/** A formula of row r: `{r}` is the row itself, `{prev}` the row above, `{next}` the row below (as schema.ts). */
export function formulaForRow(formula: string, r: number): string {
  return formula.replace(/\{r\}/g, String(r)).replace(/\{prev\}/g, String(r - 1)).replace(/\{next\}/g, String(r + 1));
}

const rowDependent = (formula: string) => /\{(r|prev|next)\}/.test(formula);

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A formula in a form two spellings of the same formula share: no leading '=', no whitespace or
 * case differences outside string literals, structured references shortened the way Excel shows
 * them inside their own table (`台账[[#This Row],[列]]`, `[@[列]]` → `[@列]`; `台账[列]` → `[列]`).
 * Used to decide whether a formula column was overwritten; both forms are accepted by Excel.
 */
export function canonicalFormula(formula: unknown, ownTable?: string): string {
  let s = String(formula ?? '').trim();
  if (s.startsWith('=')) s = s.slice(1);
  const parts = s.split(/("(?:[^"]|"")*")/);
  return parts
    .map((part, i) => {
      if (i % 2 === 1) return part;
      let c = part.replace(/\s+/g, '').toUpperCase();
      c = c.replace(/\[\[#THISROW\],\[([^\]]+)\]\]/g, '[@$1]');
      c = c.replace(/\[@\[([^\]]+)\]\]/g, '[@$1]');
      if (ownTable) {
        const own = escapeRe(ownTable.toUpperCase());
        c = c.replace(new RegExp(`(^|[^\\p{L}\\p{N}_.])${own}(?=\\[)`, 'gu'), '$1');
      }
      return c;
    })
    .join('');
}

/** Assigns one value to every cell of a range (`values`, `formulas`, `numberFormat`). */
function fill(range: Excel.Range, property: 'values' | 'formulas' | 'numberFormat', value: string | number): void {
  (range as unknown as Record<string, unknown>)[property] = value;
}

function headerFill(c: ColumnSpec): string {
  return c.kind === 'input' ? HEADER_FILL.input : c.hidden ? HEADER_FILL.helper : HEADER_FILL.formula;
}

const ALIGN = { center: 'Center', left: 'Left', right: 'Right' } as const;

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
  }
}

function errorAlert(v: ValidationSpec): Excel.DataValidationErrorAlert {
  const style = (v.type === 'list' || v.type === 'listRange') && !v.strict ? 'Warning' : 'Stop';
  const text = v.type === 'date' ? wt.error.date : v.error;
  return { showAlert: true, style, title: text?.[0] ?? '', message: text?.[1] ?? '' };
}

/** The DataValidation `type` Excel reports for a rule of the schema. */
function validationType(v: ValidationSpec): string {
  return v.type === 'list' || v.type === 'listRange' ? 'List' : v.type === 'date' ? 'Date' : 'WholeNumber';
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

const ruleLabel = (rule: CFRule) => (rule.type === 'colorScale' ? TEXT.colorScale : rule.formula);

/** Excel: "adds a new conditional format at the first/top priority"; add the last rule first. */
function addConditionalFormats(range: () => Excel.Range, rules: readonly CFRule[]): void {
  for (const rule of [...rules].reverse()) addConditionalFormat(range(), rule);
}

/** A conditional-format spec anchored to a table's body (its first row is the first body row). */
function anchoredTable(sheet: SheetSpec, cf: ConditionalFormatSpec): { table: TableSpec; from: string; to: string } | null {
  const b = parseBox(cf.range);
  for (const table of sheet.tables) {
    const last = table.firstCol + table.columns.length - 1;
    if (b.r0 === table.headerRow + 1 && b.c0 >= table.firstCol && b.c1 <= last) {
      return { table, from: table.columns[b.c0 - table.firstCol].header, to: table.columns[b.c1 - table.firstCol].header };
    }
  }
  return null;
}

const isBlank = (v: unknown) => v === null || v === undefined || v === '';

// ---------------------------------------------------------------------------------------------
// sync 1: structure
// ---------------------------------------------------------------------------------------------

interface SheetState {
  name: string;
  protected: boolean;
  /** null: this Excel cannot tell (no ExcelApiOnline 1.1) */
  passwordProtected: boolean | null;
}

interface TableState {
  name: string;
  sheet: string;
  columns: string[];
  rows: number;
}

interface Structure {
  sheets: Map<string, SheetState>;
  tables: Map<string, TableState>;
  names: Set<string>;
}

function queueStructure(context: Excel.RequestContext, passwordFlag: boolean): () => Structure {
  // isPasswordProtected is ExcelApiOnline 1.1 (Excel on the web only): loaded only where supported.
  const sheets = context.workbook.worksheets.load(
    passwordFlag ? 'items/name, items/protection/protected, items/protection/isPasswordProtected' : 'items/name, items/protection/protected',
  );
  const tables = context.workbook.tables.load('items/name, items/worksheet/name, items/columns/items/name, items/rows/count');
  const names = context.workbook.names.load('items/name');
  return () => ({
    sheets: new Map(
      sheets.items.map((s) => [
        s.name.toLowerCase(),
        { name: s.name, protected: s.protection.protected, passwordProtected: passwordFlag ? s.protection.isPasswordProtected === true : null },
      ]),
    ),
    tables: new Map(
      tables.items.map((tb) => [
        tb.name.toLowerCase(),
        { name: tb.name, sheet: tb.worksheet.name, columns: tb.columns.items.map((c) => c.name), rows: tb.rows.count },
      ]),
    ),
    names: new Set(names.items.map((n) => n.name.toLowerCase())),
  });
}

// ---------------------------------------------------------------------------------------------
// sync 2: health of what exists
// ---------------------------------------------------------------------------------------------

interface CFRead {
  type: string;
  formula: string | null;
}

function loadConditionalFormats(range: Excel.Range): () => CFRead[] {
  const cfs = range.conditionalFormats.load('items/type, items/customOrNullObject/rule/formula');
  return () =>
    cfs.items.map((cf) => ({
      type: cf.type,
      formula: cf.type === 'Custom' && !cf.customOrNullObject.isNullObject ? String(cf.customOrNullObject.rule.formula ?? '') : null,
    }));
}

interface FormulaColumnHealth {
  header: string;
  /** cells of the body holding a formula */
  formulaCells: number;
  first: unknown;
  last: unknown;
}

interface ValidationRead {
  header: string;
  type: string;
  promptTitle: string;
}

interface ExistingTableRead {
  /** 0-based sheet row/column of the header's first cell */
  rowIndex: number;
  columnIndex: number;
  /** body rows */
  bodyRows: number;
  formulas: FormulaColumnHealth[];
  validation: ValidationRead[];
}

interface MissingTableProbe {
  headerValues: unknown[];
}

interface SheetRead {
  /** the sheet's used range (values only), 1-based last row; null when the sheet holds no values */
  usedLastRow: number | null;
  tables: Map<string, ExistingTableRead>;
  missingTables: Map<string, MissingTableProbe>;
  /** formulas and values of the fixed area (cells and blocks), from A1 */
  fixed: { values: unknown[][]; formulas: unknown[][] } | null;
  /** conditional formats found, per spec index */
  cfs: Map<number, CFRead[]>;
}

interface Details {
  sheets: Map<string, SheetRead>;
  /** 科室人员 sections (for a new 考核明细), when 科室人员 exists */
  sections: string[] | null;
}

/** The area of a sheet's fixed cells and blocks, from A1 (1-based last row/column), or null. */
function fixedArea(sheet: SheetSpec): { rows: number; cols: number } | null {
  let rows = 0;
  let cols = 0;
  for (const cell of sheet.cells) {
    const b = parseBox(cell.mergeTo ? `${cell.address}:${cell.mergeTo}` : cell.address);
    rows = Math.max(rows, b.r1);
    cols = Math.max(cols, b.c0);
  }
  for (const block of sheet.blocks) {
    rows = Math.max(rows, block.firstRow + block.rows - 1);
    cols = Math.max(cols, block.firstCol + block.columns.length - 1);
  }
  if (sheet.name === '设置') rows = Math.max(rows, settingRow(SETTING_ROWS[SETTING_ROWS.length - 1].name) + 20);
  return rows > 0 ? { rows, cols: Math.max(cols, 1) } : null;
}

function findColumn(columns: readonly string[], header: string): string | undefined {
  return columns.find((c) => c.trim() === header) ?? columns.find((c) => c.trim().toLowerCase() === header.toLowerCase());
}

function queueDetails(context: Excel.RequestContext, structure: Structure): () => Details {
  const readers: (() => void)[] = [];
  const sheets = new Map<string, SheetRead>();
  for (const spec of API_SHEETS) {
    const state = structure.sheets.get(spec.name.toLowerCase());
    if (!state) continue;
    const ws = context.workbook.worksheets.getItem(state.name);
    const read: SheetRead = { usedLastRow: null, tables: new Map(), missingTables: new Map(), fixed: null, cfs: new Map() };
    sheets.set(spec.name, read);

    const used = ws.getUsedRangeOrNullObject(true).load('rowIndex, rowCount');
    readers.push(() => {
      read.usedLastRow = used.isNullObject ? null : used.rowIndex + used.rowCount;
    });

    for (const table of spec.tables) {
      const ts = structure.tables.get(table.name.toLowerCase());
      if (!ts) {
        const probe = ws.getRangeByIndexes(table.headerRow - 1, table.firstCol - 1, 1, table.columns.length).load('values');
        readers.push(() => read.missingTables.set(table.name, { headerValues: probe.values[0] }));
        continue;
      }
      const tb = context.workbook.tables.getItem(ts.name);
      const whole = tb.getRange().load('rowIndex, columnIndex, rowCount');
      const formulaReads: (() => FormulaColumnHealth)[] = [];
      const validationReads: (() => ValidationRead)[] = [];
      for (const c of table.columns) {
        const actual = findColumn(ts.columns, c.header);
        if (!actual) continue;
        const col = tb.columns.getItem(actual);
        if (c.kind === 'formula' && c.formula) {
          const counted = col.getRange().getSpecialCellsOrNullObject('Formulas').load('cellCount');
          const body = col.getDataBodyRange();
          const first = body.getCell(0, 0).load('formulas');
          const last = body.getLastCell().load('formulas');
          formulaReads.push(() => ({
            header: c.header,
            formulaCells: counted.isNullObject ? 0 : counted.cellCount,
            first: first.formulas[0][0],
            last: last.formulas[0][0],
          }));
        }
        if (c.validation || c.inputMessage) {
          // A rule column is checked by its type (None / Inconsistent when lost in some rows), a
          // message-only column by its prompt.
          const dv = col.getDataBodyRange().dataValidation.load(c.validation ? 'type' : 'prompt');
          validationReads.push(() => ({
            header: c.header,
            type: c.validation ? String(dv.type) : '',
            promptTitle: !c.validation && dv.prompt?.showPrompt ? String(dv.prompt.title ?? '') : '',
          }));
        }
      }
      readers.push(() =>
        read.tables.set(table.name, {
          rowIndex: whole.rowIndex,
          columnIndex: whole.columnIndex,
          bodyRows: whole.rowCount - 1,
          formulas: formulaReads.map((f) => f()),
          validation: validationReads.map((v) => v()),
        }),
      );
    }

    spec.conditionalFormats.forEach((cf, i) => {
      const anchor = anchoredTable(spec, cf);
      const ts = anchor && structure.tables.get(anchor.table.name.toLowerCase());
      const range = ts ? context.workbook.tables.getItem(ts.name).getDataBodyRange() : ws.getRange(cf.range);
      const get = loadConditionalFormats(range);
      readers.push(() => read.cfs.set(i, get()));
    });

    const area = fixedArea(spec);
    if (area) {
      const r = ws.getRangeByIndexes(0, 0, area.rows, area.cols).load('values, formulas');
      readers.push(() => {
        read.fixed = { values: r.values, formulas: r.formulas };
      });
    }
  }

  let sections: (() => string[]) | null = null;
  const people = structure.tables.get('科室人员');
  if (people && !structure.tables.has('考核明细')) {
    const body = context.workbook.tables.getItem(people.name).getDataBodyRange().load('values');
    const k = people.columns.findIndex((c) => c.trim() === '科室');
    sections = () => (k < 0 ? [] : body.values.map((row) => String(row[k] ?? '').trim()).filter((s) => s !== ''));
  }

  return () => {
    for (const r of readers) r();
    return { sheets, sections: sections ? sections() : null };
  };
}

// ---------------------------------------------------------------------------------------------
// planning and writing
// ---------------------------------------------------------------------------------------------

interface Plan {
  context: Excel.RequestContext;
  phases: Phases;
  created: string[];
  repaired: string[];
  warnings: string[];
  today: IsoDate;
  settings: Settings;
  sections: readonly { section: string; chief: string; deputy: string; note: string }[];
  /** sections for a new 考核明细 */
  detailSections: readonly string[];
}

/** What a sheet's write needs: the worksheet proxy (created lazily inside a queued step). */
class SheetWriter {
  private proxy: Excel.Worksheet | undefined;
  /** whether any step touches the sheet (then it must be unprotected first) */
  touched = false;
  /** built from scratch in this run (created, or an empty sheet of that name) */
  built = false;

  constructor(
    private readonly plan: Plan,
    readonly spec: SheetSpec,
    private readonly existingName: string | null,
  ) {}

  ws(): Excel.Worksheet {
    if (!this.proxy) this.proxy = this.plan.context.workbook.worksheets.getItem(this.existingName ?? this.spec.name);
    return this.proxy;
  }

  /** Creates the sheet (first structure step), at tab `position` when given (else appended). */
  create(position?: number): void {
    this.plan.phases.structure.push(() => {
      this.proxy = this.plan.context.workbook.worksheets.add(this.spec.name);
      if (position !== undefined) this.proxy.position = position;
    });
  }

  at(phase: keyof Phases, step: Step): void {
    this.touched = true;
    this.plan.phases[phase].push(step);
  }

  range(address: string): Excel.Range {
    return this.ws().getRange(address);
  }

  /** 1-based row/column */
  cells(row: number, col: number, rows = 1, cols = 1): Excel.Range {
    return this.ws().getRangeByIndexes(row - 1, col - 1, rows, cols);
  }

  wholeColumn(col: number): Excel.Range {
    const l = columnLetter(col);
    return this.ws().getRange(`${l}:${l}`);
  }
}

/** Sheet-level layout of a new (or empty) sheet: tab colour, widths, hidden columns, column locks, freeze panes. */
function layoutSheet(w: SheetWriter): void {
  const spec = w.spec;
  w.at('structure', () => {
    if (spec.tabColor) w.ws().tabColor = argbToHex(spec.tabColor);
    const widths = new Map<number, number>();
    for (const [letter, chars] of Object.entries(spec.widths ?? {})) widths.set(columnNumber(letter), chars);
    const groups: { firstCol: number; columns: readonly ColumnSpec[] }[] = [...spec.blocks, ...spec.tables];
    for (const g of groups) {
      g.columns.forEach((c, i) => widths.set(g.firstCol + i, Math.max(widths.get(g.firstCol + i) ?? 0, c.width)));
    }
    for (const [col, chars] of widths) w.wholeColumn(col).format.columnWidth = widthToPoints(chars);
    // Column-level locks (a cell typed below a table is locked like its column); a table's win over a block's.
    for (const g of groups) g.columns.forEach((c, i) => (w.wholeColumn(g.firstCol + i).format.protection.locked = c.locked));
    for (const table of spec.tables) {
      table.columns.forEach((c, i) => {
        if (c.hidden) w.wholeColumn(table.firstCol + i).columnHidden = true;
      });
    }
    // printed as the template prints it
    queuePrintSetup(w.ws(), sheetPrintSetup(spec));
  });
  if (spec.freeze && (spec.freeze.row > 0 || spec.freeze.col > 0)) {
    const { row, col } = spec.freeze;
    w.at('content', () => {
      const panes = w.ws().freezePanes;
      if (row > 0 && col > 0) panes.freezeAt(w.cells(1, 1, row, col));
      else if (row > 0) panes.freezeRows(row);
      else panes.freezeColumns(col);
    });
  }
}

/** Header cells of a table or block: text, fills, bold white, centred, wrapped, locked, 30 pt high. */
function styleHeader(w: SheetWriter, row: number, firstCol: number, columns: readonly ColumnSpec[]): void {
  const header = w.cells(row, firstCol, 1, columns.length);
  header.format.font.bold = true;
  header.format.font.color = '#FFFFFF';
  header.format.horizontalAlignment = 'Center';
  header.format.wrapText = true;
  header.format.protection.locked = true;
  columns.forEach((c, i) => (w.cells(row, firstCol + i).format.fill.color = headerFill(c)));
  w.range(`${row}:${row}`).format.rowHeight = HEADER_ROW_HEIGHT;
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

/** Seed rows of a table built from scratch (input cells; null where a formula goes). */
function seedRows(plan: Plan, table: TableSpec, sheetIsNew: boolean): (string | number | null)[][] {
  const byHeader = (values: Record<string, string | number | null>) =>
    table.columns.map((c) => (c.kind === 'formula' ? null : values[c.header] ?? null));
  switch (table.name) {
    case '科室人员':
      return sheetIsNew
        ? plan.sections.map((s) => byHeader({ 科室: textCell(s.section), 科长: textCell(s.chief), 分管副职: textCell(s.deputy), 备注: textCell(s.note) }))
        : [];
    case '日历':
      return calendarRows().map((r) => byHeader({ 日期: isoToSerial(r.date), 工作日: r.workday, 说明: textCell(r.note) }));
    case '考核明细': {
      const year = plan.today.slice(0, 4);
      const months = Array.from({ length: 12 }, (_, i) => isoToSerial(`${year}-${String(i + 1).padStart(2, '0')}-01`));
      return months.flatMap((m) => plan.detailSections.map((s) => byHeader({ 月份: m, 科室: textCell(s) })));
    }
    default:
      return [];
  }
}

/** The spec range of a table-anchored conditional format, over `bodyRows` rows of the table at its spec place. */
function specTableCF(table: TableSpec, from: string, to: string, bodyRows: number): string {
  const c0 = table.firstCol + table.columns.findIndex((c) => c.header === from);
  const c1 = table.firstCol + table.columns.findIndex((c) => c.header === to);
  return boxAddress({ r0: table.headerRow + 1, r1: table.headerRow + bodyRows, c0, c1 });
}

/** Builds a table from scratch at its spec place, with `rows` seed rows (at least one body row). */
function buildTable(w: SheetWriter, table: TableSpec, rows: (string | number | null)[][]): void {
  const n = table.columns.length;
  const bodyRows = Math.max(1, rows.length);
  const hr = table.headerRow;
  const fc = table.firstCol;
  const address = `${columnLetter(fc)}${hr}:${columnLetter(fc + n - 1)}${hr + bodyRows}`;
  w.at('structure', () => {
    w.cells(hr, fc, 1, n).values = [table.columns.map((c) => c.header)];
    table.columns.forEach((c, i) => styleBodyColumn(w.cells(hr + 1, fc + i, bodyRows, 1), c));
    if (rows.length > 0) w.cells(hr + 1, fc, rows.length, n).values = rows;
    const created = w.ws().tables.add(address, true);
    created.name = table.name;
    created.style = table.style;
    styleHeader(w, hr, fc, table.columns);
  });
  w.at('content', () => {
    table.columns.forEach((c, i) => {
      const body = w.cells(hr + 1, fc + i, bodyRows, 1);
      if (c.kind === 'formula' && c.formula) writeFormulaColumn(body, c.formula, hr + 1, bodyRows);
      applyValidation(body, c.validation, c.inputMessage, false);
    });
  });
}

/** The conditional formats of a new sheet (table-anchored ones over the table's body). */
function buildConditionalFormats(w: SheetWriter, bodyRows: Map<string, number>): void {
  // The schema lists rules highest priority first; each add goes on top, so add from the end.
  for (const cf of [...w.spec.conditionalFormats].reverse()) {
    const anchor = anchoredTable(w.spec, cf);
    const address = anchor ? specTableCF(anchor.table, anchor.from, anchor.to, bodyRows.get(anchor.table.name) ?? 1) : cf.range;
    w.at('content', () => addConditionalFormats(() => w.range(address), cf.rules));
  }
}

function blockGrid(block: BlockSpec): (string | number | null)[][] {
  return Array.from({ length: block.rows }, (_, k) =>
    block.columns.map((c) => (c.formula ? `=${formulaForRow(c.formula, block.firstRow + k)}` : c.values?.[k] ?? null)),
  );
}

function buildBlock(w: SheetWriter, block: BlockSpec): void {
  const n = block.columns.length;
  w.at('structure', () => {
    w.cells(block.headerRow, block.firstCol, 1, n).values = [block.columns.map((c) => c.header)];
    styleHeader(w, block.headerRow, block.firstCol, block.columns);
    block.columns.forEach((c, i) => {
      const body = w.cells(block.firstRow, block.firstCol + i, block.rows, 1);
      styleBodyColumn(body, c);
      body.format.protection.locked = c.locked;
    });
  });
  w.at('content', () => {
    w.cells(block.firstRow, block.firstCol, block.rows, n).formulas = blockGrid(block);
  });
}

function cellValue(v: string | number): string | number {
  return typeof v === 'string' ? textCell(v) : v;
}

function styleCell(range: Excel.Range, spec: CellSpec): void {
  const f = range.format;
  if (spec.style === 'title' || spec.style === 'heading' || spec.style === 'label') f.font.bold = true;
  if (spec.style === 'heading') f.fill.color = '#D9E1F2';
  if (spec.style === 'input') f.fill.color = '#FFF2CC';
  if (spec.style === 'note') f.wrapText = true;
  if (spec.numFmt) fill(range, 'numberFormat', spec.numFmt);
  f.protection.locked = spec.locked ?? true;
}

function buildCells(w: SheetWriter): void {
  for (const cell of w.spec.cells) {
    w.at('structure', () => {
      const r = w.range(cell.address);
      styleCell(r, cell);
      if (cell.value !== undefined) r.values = [[cellValue(cell.value)]];
      if (cell.mergeTo) w.range(`${cell.address}:${cell.mergeTo}`).merge(false);
    });
    if (cell.formula || cell.validation || cell.inputMessage) {
      w.at('content', () => {
        const r = w.range(cell.address);
        if (cell.formula) r.formulas = [[`=${cell.formula}`]];
        applyValidation(r, cell.validation, cell.inputMessage, false);
      });
    }
  }
}

function settingValue(plan: Plan, name: (typeof SETTING_ROWS)[number]): string | number | null {
  const v = name.value(plan.settings);
  if (typeof v === 'object') return `=${v.formula}`;
  if (v === '') return null;
  return typeof v === 'string' ? textCell(v) : v;
}

/** 设置 B values of a new sheet (formulas such as =TODAY() in the content phase). */
function buildSettingValues(w: SheetWriter, plan: Plan): void {
  for (const row of SETTING_ROWS) {
    const v = settingValue(plan, row);
    if (v === null) continue;
    const address = `B${settingRow(row.name)}`;
    w.at(typeof v === 'string' && v.startsWith('=') ? 'content' : 'structure', () => {
      w.range(address).formulas = [[v]];
    });
  }
}

/** A whole sheet from scratch (`exists`: an empty sheet of that name is already there). */
function buildSheet(plan: Plan, w: SheetWriter, isNew: boolean, position?: number): void {
  w.built = true;
  if (isNew) w.create(position);
  layoutSheet(w);
  const bodyRows = new Map<string, number>();
  for (const block of w.spec.blocks) buildBlock(w, block);
  for (const table of w.spec.tables) {
    const rows = seedRows(plan, table, isNew);
    bodyRows.set(table.name, Math.max(1, rows.length));
    buildTable(w, table, rows);
  }
  buildCells(w);
  if (w.spec.name === '设置') buildSettingValues(w, plan);
  buildConditionalFormats(w, bodyRows);
}

// ------------------------------------------------------------------ repair of an existing sheet

/** Expected formula text of a table column at a 1-based sheet row. */
const expectedAt = (c: ColumnSpec, row: number) => `=${formulaForRow(c.formula!, row)}`;

function repairTable(plan: Plan, w: SheetWriter, table: TableSpec, state: TableState, read: ExistingTableRead, cfsFound: Map<number, CFRead[]>): void {
  const sheet = w.spec.name;
  const tableProxy = () => plan.context.workbook.tables.getItem(state.name);
  const hr1 = read.rowIndex + 1; // 1-based header row
  const bodyFirst = hr1 + 1;
  const bodyRows = read.bodyRows;

  // Missing columns, at their schema place: after the nearest schema column to their left.
  const order = [...state.columns];
  const added: ColumnSpec[] = [];
  table.columns.forEach((c, k) => {
    if (findColumn(order, c.header)) return;
    let index = 0;
    for (let j = k - 1; j >= 0; j -= 1) {
      const left = findColumn(order, table.columns[j].header);
      if (left) {
        index = order.indexOf(left) + 1;
        break;
      }
    }
    order.splice(index, 0, c.header);
    added.push(c);
    w.at('structure', () => void tableProxy().columns.add(index, undefined, c.header));
    plan.repaired.push(TEXT.columnAdded(sheet, c.header));
  });
  const firstShifted = added.length > 0 ? Math.min(...added.map((c) => order.indexOf(c.header))) : -1;
  const column = (header: string) => tableProxy().columns.getItem(findColumn(order, header) ?? header);

  for (const c of added) {
    w.at('structure', () => {
      const col = column(c.header);
      const header = col.getHeaderRowRange();
      header.format.fill.color = headerFill(c);
      header.format.font.bold = true;
      header.format.font.color = '#FFFFFF';
      header.format.horizontalAlignment = 'Center';
      header.format.wrapText = true;
      styleBodyColumn(col.getDataBodyRange(), c);
    });
    w.at('content', () => {
      const body = column(c.header).getDataBodyRange();
      if (c.kind === 'formula' && c.formula) writeFormulaColumn(body, c.formula, bodyFirst, bodyRows);
      applyValidation(body, c.validation, c.inputMessage, true);
    });
  }
  if (firstShifted >= 0) {
    // Columns moved right: their sheet columns' widths, hidden flags and locks now belong to others.
    w.at('structure', () => {
      for (let i = firstShifted; i < order.length; i += 1) {
        const c = table.columns.find((x) => x.header === order[i]);
        const sheetCol = read.columnIndex + 1 + i;
        const whole = w.wholeColumn(sheetCol);
        whole.columnHidden = c?.hidden === true;
        if (c) whole.format.columnWidth = widthToPoints(c.width);
        const cells = w.cells(hr1 + 1, sheetCol, bodyRows, 1);
        cells.format.protection.locked = c ? c.locked : false;
      }
      w.cells(hr1, read.columnIndex + 1 + firstShifted, 1, order.length - firstShifted).format.protection.locked = true;
    });
  }

  // Damaged formula columns: a body cell without a formula, or the first/last formula not the schema's.
  for (const h of read.formulas) {
    const c = table.columns.find((x) => x.header === h.header)!;
    const own = state.name;
    // the schema's formula at that row, or its row-free form (rows the add-in appended)
    const ok = (f: unknown, row: number) =>
      [expectedAt(c, row), `=${c.rowFreeFormula ?? c.formula}`].some((x) => canonicalFormula(f, own) === canonicalFormula(x, own));
    const healthy = h.formulaCells === bodyRows && ok(h.first, bodyFirst) && ok(h.last, bodyFirst + bodyRows - 1);
    if (healthy) continue;
    w.at('content', () => writeFormulaColumn(column(c.header).getDataBodyRange(), c.formula!, bodyFirst, bodyRows));
    plan.repaired.push(TEXT.formulaColumn(sheet, c.header));
  }

  // Lost or replaced data validation.
  for (const v of read.validation) {
    const c = table.columns.find((x) => x.header === v.header)!;
    const ok = c.validation ? v.type === validationType(c.validation) : v.promptTitle === (c.inputMessage?.[0] ?? '');
    if (ok) continue;
    w.at('content', () => applyValidation(column(c.header).getDataBodyRange(), c.validation, c.inputMessage, true));
    plan.repaired.push(TEXT.validation(sheet, c.header));
  }

  // Lost conditional formats anchored to this table (re-added over the body as it is now).
  w.spec.conditionalFormats.forEach((cf, i) => {
    const anchor = anchoredTable(w.spec, cf);
    if (!anchor || anchor.table.name !== table.name) return;
    const found = cfsFound.get(i) ?? [];
    const missing = cf.rules.filter((rule) => !ruleFound(rule, found));
    if (missing.length === 0) return;
    const from = order.indexOf(findColumn(order, anchor.from) ?? anchor.from);
    const to = order.indexOf(findColumn(order, anchor.to) ?? anchor.to);
    if (from < 0 || to < 0) return;
    const address = boxAddress({ r0: bodyFirst, r1: bodyFirst + bodyRows - 1, c0: read.columnIndex + 1 + from, c1: read.columnIndex + 1 + to });
    w.at('content', () => addConditionalFormats(() => w.range(address), missing));
    for (const rule of missing) plan.repaired.push(TEXT.conditionalFormat(sheet, ruleLabel(rule)));
  });
}

function ruleFound(rule: CFRule, found: readonly CFRead[]): boolean {
  if (rule.type === 'colorScale') return found.some((f) => f.type === 'ColorScale');
  const want = canonicalFormula(rule.formula);
  return found.some((f) => f.type === 'Custom' && f.formula !== null && canonicalFormula(f.formula) === want);
}

/**
 * A missing table on an existing sheet: wrap matching data, build it on empty ground, or warn.
 * Returns the body rows of the table as it will be, or null when it is left alone.
 */
function repairMissingTable(plan: Plan, w: SheetWriter, table: TableSpec, probe: MissingTableProbe, usedLastRow: number | null): number | null {
  const sheet = w.spec.name;
  const headers = table.columns.map((c) => c.header);
  const matches = headers.every((h, i) => String(probe.headerValues[i] ?? '').trim() === h);
  if (matches) {
    const last = Math.max(table.headerRow + 1, usedLastRow ?? 0);
    const bodyRows = last - table.headerRow;
    const address = boxAddress({ r0: table.headerRow, r1: last, c0: table.firstCol, c1: table.firstCol + headers.length - 1 });
    w.at('structure', () => {
      const created = w.ws().tables.add(address, true);
      created.name = table.name;
      created.style = table.style;
    });
    w.at('content', () => {
      table.columns.forEach((c, i) => {
        const body = w.cells(table.headerRow + 1, table.firstCol + i, bodyRows, 1);
        // The column was not a table column: its formulas could not be checked; they are rewritten.
        if (c.kind === 'formula' && c.formula) writeFormulaColumn(body, c.formula, table.headerRow + 1, bodyRows);
        applyValidation(body, c.validation, c.inputMessage, true);
      });
    });
    plan.repaired.push(TEXT.tableWrapped(sheet, table.name));
    return bodyRows;
  }
  const empty = probe.headerValues.every(isBlank) && (usedLastRow === null || usedLastRow < table.headerRow);
  if (empty) {
    const rows = table.name === '日历' || table.name === '考核明细' ? seedRows(plan, table, false) : [];
    buildTable(w, table, rows);
    plan.repaired.push(TEXT.tableBuilt(sheet, table.name));
    return Math.max(1, rows.length);
  }
  plan.warnings.push(TEXT.tableUnrepairable(sheet, table.name));
  return null;
}

/** Fixed cells and the 当月 block of an existing sheet: formulas of locked cells, empty texts. */
function repairFixed(plan: Plan, w: SheetWriter, fixed: { values: unknown[][]; formulas: unknown[][] }): void {
  const sheet = w.spec.name;
  const at = (grid: unknown[][], r: number, c: number) => grid[r - 1]?.[c - 1] ?? '';

  for (const block of w.spec.blocks) {
    block.columns.forEach((c, i) => {
      const col = block.firstCol + i;
      if (at(fixed.formulas, block.headerRow, col) !== c.header) {
        w.at('structure', () => (w.cells(block.headerRow, col).values = [[textCell(c.header)]]));
        plan.repaired.push(TEXT.cellText(sheet, `${columnLetter(col)}${block.headerRow}`));
      }
      let damaged = false;
      for (let k = 0; k < block.rows && !damaged; k += 1) {
        const r = block.firstRow + k;
        if (c.formula) damaged = canonicalFormula(at(fixed.formulas, r, col)) !== canonicalFormula(`=${formulaForRow(c.formula, r)}`);
        else if (c.values && c.values[k] !== undefined) damaged = at(fixed.values, r, col) !== c.values[k];
      }
      if (!damaged) return;
      const grid = blockGrid(block).map((row) => [row[i]]);
      w.at('content', () => (w.cells(block.firstRow, col, block.rows, 1).formulas = grid));
      plan.repaired.push(TEXT.blockColumn(sheet, c.header));
    });
  }

  for (const cell of w.spec.cells) {
    const b = parseBox(cell.address);
    if (sheet === '设置' && b.c0 === 1 && b.r0 > 1) continue; // 设置 rows: by name (repairSettings)
    const locked = cell.locked ?? true;
    if (cell.formula && locked) {
      if (canonicalFormula(at(fixed.formulas, b.r0, b.c0)) === canonicalFormula(`=${cell.formula}`)) continue;
      w.at('content', () => (w.range(cell.address).formulas = [[`=${cell.formula}`]]));
      plan.repaired.push(TEXT.cellFormula(sheet, cell.address));
    } else if (cell.value !== undefined && !(sheet === '设置' && b.c0 === 3 && b.r0 > 1)) {
      // Texts of locked cells belong to the schema (an upgrade may change them); others only when empty.
      const found = at(fixed.values, b.r0, b.c0);
      if (locked ? found === cell.value : !isBlank(found)) continue;
      const v = cellValue(cell.value);
      w.at('structure', () => (w.range(cell.address).values = [[v]]));
      plan.repaired.push(TEXT.cellText(sheet, cell.address));
    }
  }
}

interface SettingsFound {
  password: string;
  version: number | null;
  versionRow: number | null;
}

/** 设置: rows whose 名称 is gone are written again (名称, default value, 说明); values are never changed. */
function repairSettings(plan: Plan, w: SheetWriter, fixed: { values: unknown[][]; formulas: unknown[][] }): void {
  const names = new Map<string, number>();
  fixed.values.forEach((row, i) => {
    const n = String(row[0] ?? '').trim();
    if (n && i > 0 && !names.has(n)) names.set(n, i + 1);
  });
  for (const row of SETTING_ROWS) {
    if (names.has(row.name)) {
      const r = names.get(row.name)!;
      if (fixed.values[r - 1]?.[2] !== wt.settings[row.name]) {
        w.at('structure', () => (w.range(`C${r}`).values = [[textCell(wt.settings[row.name])]]));
        plan.repaired.push(TEXT.cellText('设置', `C${r}`));
      }
      continue;
    }
    const r = settingRow(row.name);
    const occupied = !isBlank(fixed.values[r - 1]?.[0]) || !isBlank(fixed.formulas[r - 1]?.[1]);
    if (occupied) {
      plan.warnings.push(TEXT.settingRowBlocked(row.name, r));
      continue;
    }
    const v = settingValue(plan, row);
    w.at('structure', () => {
      w.range(`A${r}`).values = [[row.name]];
      w.range(`A${r}`).format.font.bold = true;
      w.range(`C${r}`).values = [[textCell(wt.settings[row.name])]];
      w.range(`C${r}`).format.wrapText = true;
      const b = w.range(`B${r}`);
      b.format.protection.locked = row.locked ?? false;
      if (!row.locked) b.format.fill.color = '#FFF2CC';
      if (row.numFmt) fill(b, 'numberFormat', row.numFmt);
    });
    w.at('content', () => {
      const b = w.range(`B${r}`);
      if (v !== null) b.formulas = [[v]];
      applyValidation(b, row.validation, undefined, true);
    });
    plan.repaired.push(TEXT.settingRow(row.name));
  }
}

function readSettings(fixed: { values: unknown[][] } | null): SettingsFound {
  const out: SettingsFound = { password: '', version: null, versionRow: null };
  if (!fixed) return out;
  fixed.values.forEach((row, i) => {
    const n = String(row[0] ?? '').trim();
    if (n === '保护密码') out.password = isBlank(row[1]) ? '' : String(row[1]);
    if (n === '结构版本' && out.versionRow === null) {
      out.versionRow = i + 1;
      out.version = typeof row[1] === 'number' ? row[1] : null;
    }
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// the run
// ---------------------------------------------------------------------------------------------

class Refusal extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function errorText(e: unknown): string {
  if (e && typeof e === 'object') {
    const o = e as { code?: unknown; message?: unknown };
    return [o.code, o.message].filter((x) => typeof x === 'string' && x !== '').join(': ') || String(e);
  }
  return String(e);
}

/**
 * 初始化台账: creates the missing ledger sheets and repairs/upgrades the existing ones (see the
 * file comment). Three syncs on success; the outcome lists the created sheets and, in zh-CN, every
 * repair made.
 */
/**
 * 初始化台账. A write that fails part-way (Excel applies the operations before the failing one) is
 * rolled forward once: the second run diagnoses what the first left and repairs the rest, as the
 * user's 重试 would (writePath.rollForward does the same for the ledger actions). A wrong password
 * or an API this Excel lacks is not retried.
 */
export async function initialiseLedger(run: ExcelRun, opts: InitialiseOptions = {}): Promise<Result<InitialiseReport>> {
  const first = await initialiseOnce(run, opts);
  if (!first.rollForward) return first.result;
  // The sheets the failed run was creating held nothing before it: they go, and are built whole
  // again, rather than repaired from whatever part of their layout landed.
  await deleteSheets(run, first.creating).catch(() => undefined);
  return (await initialiseOnce(run, opts)).result;
}

async function deleteSheets(run: ExcelRun, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  await run(async (context) => {
    const sheets = names.map((n) => context.workbook.worksheets.getItemOrNullObject(n));
    await context.sync();
    for (const ws of sheets) if (!ws.isNullObject) ws.delete();
    await context.sync();
  });
}

async function initialiseOnce(run: ExcelRun, opts: InitialiseOptions): Promise<{ result: Result<InitialiseReport>; rollForward: boolean; creating: string[] }> {
  const creating: string[] = [];
  const once = (result: Result<InitialiseReport>, rollForward = false) => ({ result, rollForward, creating });
  let stage: 'read' | 'write' = 'read';
  const toProtect: string[] = [];
  let password: string | undefined = normalisePassword(opts.password);
  const requirements = opts.requirements ?? officeRequirements();
  const passwordFlag = requirements.isSetSupported(PASSWORD_FLAG_SET.name, PASSWORD_FLAG_SET.version);
  const unknownPassword: string[] = [];
  try {
    return once(
      await run(async (context) => {
      // ---- sync 1: what exists
      const structureOf = queueStructure(context, passwordFlag);
      await context.sync();
      const structure = structureOf();

      // ---- sync 2: health of what exists
      const detailsOf = queueDetails(context, structure);
      await context.sync();
      const details = detailsOf();

      const settingsRead = readSettings(structure.sheets.has('设置') ? details.sheets.get('设置')?.fixed ?? null : null);
      if (settingsRead.version !== null && settingsRead.version > SCHEMA_VERSION) {
        throw new Refusal('schema-newer', TEXT.newerVersion(settingsRead.version, SCHEMA_VERSION));
      }
      password = normalisePassword(opts.password) ?? normalisePassword(settingsRead.password);

      const plan: Plan = {
        context,
        phases: { unprotect: [], structure: [], names: [], content: [], version: [], protect: [] },
        created: [],
        repaired: [],
        warnings: [],
        today: opts.today ?? localToday(),
        settings: { ...defaultSettings(), director: DEFAULT_DIRECTOR },
        sections: DEFAULT_SECTIONS,
        detailSections: details.sections ?? DEFAULT_SECTIONS.map((s) => s.section),
      };

      const writers: { w: SheetWriter; state: SheetState | undefined }[] = [];
      // Tab order: a re-created sheet goes back after the ledger sheet before it (new ones append).
      const tabs = [...structure.sheets.values()].map((s) => s.name.toLowerCase());
      for (const spec of API_SHEETS) {
        const state = structure.sheets.get(spec.name.toLowerCase());
        const w = new SheetWriter(plan, spec, state?.name ?? null);
        writers.push({ w, state });
        if (!state) {
          const k = API_SHEETS.indexOf(spec);
          const before = API_SHEETS.slice(0, k).reverse().find((x) => tabs.includes(x.name.toLowerCase()));
          const after = API_SHEETS.slice(k + 1).find((x) => tabs.includes(x.name.toLowerCase()));
          const at = before ? tabs.indexOf(before.name.toLowerCase()) + 1 : after ? tabs.indexOf(after.name.toLowerCase()) : tabs.length;
          tabs.splice(at, 0, spec.name.toLowerCase());
          buildSheet(plan, w, true, at === tabs.length - 1 ? undefined : at);
          plan.created.push(spec.name);
          continue;
        }
        const read = details.sheets.get(spec.name)!;
        const noTables = spec.tables.every((t) => !structure.tables.has(t.name.toLowerCase()));
        if (read.usedLastRow === null && noTables) {
          buildSheet(plan, w, false);
          plan.repaired.push(TEXT.emptySheetBuilt(spec.name));
          continue;
        }
        const rebuilt = new Map<string, number | null>();
        for (const table of spec.tables) {
          const ts = structure.tables.get(table.name.toLowerCase());
          const tr = read.tables.get(table.name);
          if (ts && tr) repairTable(plan, w, table, ts, tr, read.cfs);
          else if (read.missingTables.has(table.name)) {
            rebuilt.set(table.name, repairMissingTable(plan, w, table, read.missingTables.get(table.name)!, read.usedLastRow));
          }
        }
        // Conditional formats not anchored to an existing table (月度考核 block, or a table just rebuilt).
        spec.conditionalFormats.forEach((cf, i) => {
          const anchor = anchoredTable(spec, cf);
          if (anchor && structure.tables.has(anchor.table.name.toLowerCase())) return;
          const bodyRows = anchor ? rebuilt.get(anchor.table.name) : undefined;
          if (anchor && (bodyRows === null || bodyRows === undefined)) return;
          const missing = cf.rules.filter((rule) => !ruleFound(rule, read.cfs.get(i) ?? []));
          if (missing.length === 0) return;
          const address = anchor ? specTableCF(anchor.table, anchor.from, anchor.to, bodyRows!) : cf.range;
          w.at('content', () => addConditionalFormats(() => w.range(address), missing));
          for (const rule of missing) plan.repaired.push(TEXT.conditionalFormat(spec.name, ruleLabel(rule)));
        });
        if (read.fixed) {
          repairFixed(plan, w, read.fixed);
          if (spec.name === '设置') repairSettings(plan, w, read.fixed);
        }
      }

      // Defined names (设置 rows used by formulas).
      const settingsCreated = plan.created.includes('设置');
      for (const n of WORKBOOK_SCHEMA.names) {
        if (structure.names.has(n.name.toLowerCase())) continue;
        plan.phases.names.push(() => void context.workbook.names.add(n.name, `=${n.ref}`));
        if (!settingsCreated) plan.repaired.push(TEXT.name(n.name));
      }

      // 结构版本: upgrade (or write it where it is missing).
      const settingsWriter = writers.find((x) => x.w.spec.name === '设置')!;
      const versionBefore = settingsCreated ? null : settingsRead.version;
      if (!settingsCreated && settingsRead.versionRow !== null && settingsRead.version !== SCHEMA_VERSION) {
        const row = settingsRead.versionRow;
        settingsWriter.w.at('version', () => (settingsWriter.w.range(`B${row}`).values = [[SCHEMA_VERSION]]));
        plan.repaired.push(TEXT.version(settingsRead.version, SCHEMA_VERSION));
      }

      // Protection: unprotect what is written to, protect what the schema protects.
      const needPassword: string[] = [];
      for (const { w, state } of writers) {
        const wasProtected = state?.protected === true;
        if (state && w.touched && wasProtected) {
          if (state.passwordProtected && password === undefined) needPassword.push(state.name);
          if (state.passwordProtected === null && password === undefined) unknownPassword.push(state.name);
          plan.phases.unprotect.push(() => void queueUnprotect(context, w.ws(), true, password));
        }
        const endProtected = w.spec.protect || wasProtected;
        const protectNow = endProtected && (!state || w.touched || !wasProtected);
        if (protectNow) {
          toProtect.push(w.spec.name);
          plan.phases.protect.push(() => void queueProtect(context, w.ws(), true, password, LEDGER_PROTECTION_OPTIONS));
          if (state && !wasProtected && !w.built) plan.repaired.push(TEXT.protection(w.spec.name));
        }
      }
      if (needPassword.length > 0) throw new Refusal('password-required', TEXT.passwordRequired(needPassword));

      // ---- sync 3: write
      stage = 'write';
      creating.push(...plan.created);
      const p = plan.phases;
      for (const step of [...p.unprotect, ...p.structure, ...p.names, ...p.content, ...p.version, ...p.protect]) step();
      await context.sync();

      return ok<InitialiseReport>({
        createdSheets: plan.created,
        repaired: plan.repaired,
        warnings: plan.warnings,
        schemaVersion: { before: versionBefore, after: SCHEMA_VERSION },
      });
      }),
    );
  } catch (e) {
    if (e instanceof Refusal) return once(err(e.code, e.message));
    const missing = missingApi(e);
    if (missing !== null) {
      await restoreProtection(run, toProtect, password).catch(() => undefined);
      return once(err('unsupported', platform.apiMissing(missing)));
    }
    if (stage === 'read') return once(err('read-failed', TEXT.readFailed(errorText(e))));
    await restoreProtection(run, toProtect, password).catch(() => undefined);
    const code = (e as { code?: unknown })?.code;
    if (code === 'AccessDenied') return once(err('write-failed', unknownPassword.length > 0 ? platform.passwordUnknown(unknownPassword) : TEXT.wrongPassword));
    return once(err('write-failed', TEXT.writeFailed(errorText(e))), true);
  }
}


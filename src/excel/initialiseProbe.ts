/**
 * 初始化台账, syncs 1 and 2 (src/excel/initialise.ts): queued reads of what the workbook holds,
 * turned into the observed model that initialiseDiagnose.ts compares with the schema. Reads only.
 *
 *   1. structure — which sheets, tables (columns, row counts) and defined names exist, and which
 *      sheets are protected;
 *   2. details — for what exists: table positions, formula columns (counted with
 *      `getSpecialCellsOrNullObject('Formulas')` and the first/last body formula compared, so
 *      nothing proportional to the row count travels: docs/excel-api-notes.md), data validation
 *      per column, conditional formats, the fixed cells and blocks (月度考核's 当月 block, 设置),
 *      and 科室人员's sections.
 */
import { RETIRED_WIDE_TINT, SETTING_ROWS, settingRow, type SheetSpec } from '../workbook/schema';
import { anchoredTable, findColumn, parseBox } from './initialiseHelpers';
import { SHEET } from '../workbook/sheetNames';

// ---------------------------------------------------------------------------------------------
// the observed model
// ---------------------------------------------------------------------------------------------

export interface SheetState {
  name: string;
  protected: boolean;
  /** null: this Excel cannot tell (no ExcelApiOnline 1.1) */
  passwordProtected: boolean | null;
}

export interface TableState {
  name: string;
  sheet: string;
  columns: string[];
  rows: number;
}

/** Sync 1: what exists, keyed by lower-case name. */
export interface Structure {
  sheets: Map<string, SheetState>;
  tables: Map<string, TableState>;
  names: Set<string>;
}

export interface CFRead {
  type: string;
  formula: string | null;
}

export interface FormulaColumnHealth {
  header: string;
  /** cells of the body holding a formula */
  formulaCells: number;
  first: unknown;
  last: unknown;
}

export interface ValidationRead {
  header: string;
  type: string;
  promptTitle: string;
}

export interface ExistingTableRead {
  /** 0-based sheet row/column of the header's first cell */
  rowIndex: number;
  columnIndex: number;
  /** body rows */
  bodyRows: number;
  formulas: FormulaColumnHealth[];
  validation: ValidationRead[];
}

export interface MissingTableProbe {
  headerValues: unknown[];
}

export interface FixedRead {
  values: unknown[][];
  formulas: unknown[][];
  /** 设置: the data validation type of each row's value cell (B), from row 1 */
  validationTypes?: string[];
}

export interface SheetRead {
  /** the sheet's used range (values only), 1-based last row; null when the sheet holds no values */
  usedLastRow: number | null;
  tables: Map<string, ExistingTableRead>;
  missingTables: Map<string, MissingTableProbe>;
  /** formulas and values of the fixed area (cells and blocks), from A1 */
  fixed: FixedRead | null;
  /** conditional formats found, per spec index */
  cfs: Map<number, CFRead[]>;
  /** 台账: the conditional formats on RETIRED_WIDE_TINT.probeColumn's body, in collection order */
  beyondTint?: CFRead[] | null;
}

/** Sync 2: the health of what exists, per schema sheet name. */
export interface Details {
  sheets: Map<string, SheetRead>;
  /** 科室人员 sections (for a new 考核明细), when 科室人员 exists */
  sections: string[] | null;
}

// ---------------------------------------------------------------------------------------------
// sync 1: structure
// ---------------------------------------------------------------------------------------------

export function queueStructure(context: Excel.RequestContext, passwordFlag: boolean): () => Structure {
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
// sync 2: details of what exists
// ---------------------------------------------------------------------------------------------

function loadConditionalFormats(range: Excel.Range): () => CFRead[] {
  const cfs = range.conditionalFormats.load('items/type, items/customOrNullObject/rule/formula');
  return () =>
    cfs.items.map((cf) => ({
      type: cf.type,
      formula: cf.type === 'Custom' && !cf.customOrNullObject.isNullObject ? String(cf.customOrNullObject.rule.formula ?? '') : null,
    }));
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
  if (sheet.name === SHEET.settings) rows = Math.max(rows, settingRow(SETTING_ROWS[SETTING_ROWS.length - 1].name) + 20);
  return rows > 0 ? { rows, cols: Math.max(cols, 1) } : null;
}

/** Reads of one existing table: its place, formula column health and validation per column. */
function queueExistingTable(context: Excel.RequestContext, spec: SheetSpec['tables'][number], ts: TableState): () => ExistingTableRead {
  const tb = context.workbook.tables.getItem(ts.name);
  const whole = tb.getRange().load('rowIndex, columnIndex, rowCount');
  const formulaReads: (() => FormulaColumnHealth)[] = [];
  const validationReads: (() => ValidationRead)[] = [];
  for (const c of spec.columns) {
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
      // A rule column is checked by its type (None, MixedCriteria or Inconsistent once lost or
      // replaced in some rows: docs/excel-api-notes.md), a message-only column by its prompt.
      const dv = col.getDataBodyRange().dataValidation.load(c.validation ? 'type' : 'prompt');
      validationReads.push(() => ({
        header: c.header,
        type: c.validation ? String(dv.type) : '',
        promptTitle: !c.validation && dv.prompt?.showPrompt ? String(dv.prompt.title ?? '') : '',
      }));
    }
  }
  return () => ({
    rowIndex: whole.rowIndex,
    columnIndex: whole.columnIndex,
    bodyRows: whole.rowCount - 1,
    formulas: formulaReads.map((f) => f()),
    validation: validationReads.map((v) => v()),
  });
}

/** Queues the reads of sync 2 for the schema `sheets` that exist; the getter runs after the sync. */
export function queueDetails(context: Excel.RequestContext, sheets: readonly SheetSpec[], structure: Structure): () => Details {
  const readers: (() => void)[] = [];
  const out = new Map<string, SheetRead>();
  for (const spec of sheets) {
    const state = structure.sheets.get(spec.name.toLowerCase());
    if (!state) continue;
    const ws = context.workbook.worksheets.getItem(state.name);
    const read: SheetRead = { usedLastRow: null, tables: new Map(), missingTables: new Map(), fixed: null, cfs: new Map(), beyondTint: null };
    out.set(spec.name, read);

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
      const get = queueExistingTable(context, table, ts);
      readers.push(() => read.tables.set(table.name, get()));
    }

    const ledger = spec.name === SHEET.ledger ? structure.tables.get(spec.tables[0].name.toLowerCase()) : undefined;
    const probeColumn = ledger && findColumn(ledger.columns, RETIRED_WIDE_TINT.probeColumn);
    if (ledger && probeColumn) {
      const get = loadConditionalFormats(context.workbook.tables.getItem(ledger.name).columns.getItem(probeColumn).getDataBodyRange());
      readers.push(() => {
        read.beyondTint = get();
      });
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
      // one cell each: a range of cells with different rules reads as MixedCriteria
      const types = spec.name === SHEET.settings ? Array.from({ length: area.rows }, (_, i) => ws.getCell(i, 1).dataValidation.load('type')) : [];
      readers.push(() => {
        read.fixed = { values: r.values, formulas: r.formulas, ...(types.length > 0 ? { validationTypes: types.map((t) => t.type as string) } : {}) };
      });
    }
  }

  let sections: (() => string[]) | null = null;
  const people = structure.tables.get(SHEET.people);
  if (people && !structure.tables.has(SHEET.scoreDetail)) {
    const body = context.workbook.tables.getItem(people.name).getDataBodyRange().load('values');
    const k = people.columns.findIndex((c) => c.trim() === '科室');
    sections = () => (k < 0 ? [] : body.values.map((row) => String(row[k] ?? '').trim()).filter((s) => s !== ''));
  }

  return () => {
    for (const r of readers) r();
    return { sheets: out, sections: sections ? sections() : null };
  };
}

/**
 * 校验台账: a read-only health check of the ledger the pane can show as a list of problems, each
 * with the A1 address of its cell so that a click selects it (`selectCell`). Two syncs whatever the
 * ledger's size:
 *   1. the 台账, 反馈记录 and 科室人员 tables (headers and body values);
 *   2. for every formula column of 台账 and 反馈记录 that exists: the body cells holding constants
 *      or nothing (`getSpecialCellsOrNullObject`, so only addresses travel) and the first/last body
 *      formulas compared with the schema — the same cheap test initialiseLedger uses.
 * Found: every cell the domain validation refuses (validateLedgerRow / validateFeedbackRow, via
 * ledgerFromTable / recordsFromTable), duplicate 编号, 反馈记录 rows whose 编号 is not in 台账 (any
 * 台账 row, valid or not), blank rows between 台账 items, damaged formula columns and missing columns. Repair is initialiseLedger;
 * this module never writes.
 */
import { LEDGER_INPUT_COLUMNS, type CellError } from '../domain/validation';
import { audit as t } from '../i18n/audit';
import { ledgerFromTable, recordsFromTable, sectionsFromTable, type SheetTable } from '../workbook/ledgerData';
import { LEDGER_COLUMNS, RECORD_COLUMNS, type ColumnSpec } from '../workbook/schema';
import { canonicalFormula, formulaForRow } from './initialise';
import type { ExcelRun } from './run';
import { completeReads, queueTable } from './tableRead';
import { SHEET } from '../workbook/sheetNames';

/** `context.sync()` calls of a run on an initialised ledger. */
export const AUDIT_SYNCS = 2;

export type AuditSheet = typeof SHEET.ledger | typeof SHEET.records;

export interface AuditProblem {
  sheet: string;
  /** first Excel row concerned (the header row for a missing column) */
  row: number;
  /** column letter ('' when the column is missing) */
  column: string;
  header: string;
  /** A1 address on `sheet`, without the sheet name: 'E5', or an area 'S5:S9' for formula damage */
  address: string;
  code: string;
  /** zh-CN, starting with the location */
  message: string;
  /** the cell's value as read, when one cell is concerned */
  value?: unknown;
}

export interface AuditCellGroup {
  column: string;
  header: string;
  address: string;
  problems: AuditProblem[];
}

export interface AuditRowGroup {
  row: number;
  cells: AuditCellGroup[];
}

export interface AuditSheetGroup {
  sheet: string;
  rows: AuditRowGroup[];
  count: number;
}

export interface AuditReport {
  /** false when a ledger table is missing (初始化台账 needed); `problems` then says which */
  initialised: boolean;
  problems: AuditProblem[];
  /** the same problems by sheet → row → cell, in sheet order, rows ascending */
  bySheet: AuditSheetGroup[];
  checked: { ledgerRows: number; recordRows: number };
  /** one zh-CN line for the pane */
  summary: string;
}

const LEDGER = SHEET.ledger;
const RECORDS = SHEET.records;
const PEOPLE = SHEET.people;

const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

function fromCellError(e: CellError): AuditProblem {
  return {
    sheet: e.sheet,
    row: e.row,
    column: e.column,
    header: e.header,
    address: `${e.column}${e.row}`,
    code: e.code,
    message: e.message,
    value: e.value,
  };
}

/** Rows the validation reads (the same skip rule as ledgerFromTable / recordsFromTable). */
const ledgerRowsChecked = (tb: SheetTable) => tb.rows.filter((r) => !(isBlank(r.values['编号']) && isBlank(r.values['事项内容']))).length;
const recordRowsChecked = (tb: SheetTable) => tb.rows.filter((r) => !isBlank(r.values['编号'])).length;

function duplicateIds(tb: SheetTable, sheet: string): AuditProblem[] {
  const rowsById = new Map<string, number[]>();
  for (const r of tb.rows) {
    const v = r.values['编号'];
    if (isBlank(v)) continue;
    const id = String(v);
    rowsById.set(id, [...(rowsById.get(id) ?? []), r.row]);
  }
  const column = tb.letters['编号'] ?? '';
  const out: AuditProblem[] = [];
  for (const [id, rows] of rowsById) {
    if (rows.length < 2) continue;
    for (const row of rows) {
      out.push({
        sheet,
        row,
        column,
        header: '编号',
        address: `${column}${row}`,
        code: 'duplicate-id',
        message: t.at(
          t.where(sheet, row, column, '编号'),
          t.duplicateId(
            id,
            rows.filter((x) => x !== row),
          ),
        ),
        value: id,
      });
    }
  }
  return out;
}

/**
 * Blank rows inside 台账 with an item below them (every input column blank): a gap the next 立项
 * would write below, and that counts and filters trip over. One problem per run of blank rows,
 * at its first row, the run's rows as the A-column area so that a click selects them.
 */
function blankRows(tb: SheetTable, span: { first: number; last: number }): AuditProblem[] {
  const filled = new Set(tb.rows.filter((r) => LEDGER_INPUT_COLUMNS.some((c) => !isBlank(r.values[c.header]))).map((r) => r.row));
  let lastFilled = 0;
  for (const row of filled) if (row > lastFilled) lastFilled = row;
  const out: AuditProblem[] = [];
  let start: number | null = null;
  for (let row = span.first; row <= lastFilled; row += 1) {
    if (!filled.has(row)) {
      start ??= row;
      continue;
    }
    if (start === null) continue;
    const end = row - 1;
    const address = start === end ? `A${start}` : `A${start}:A${end}`;
    const where = start === end ? t.whereRow(LEDGER, start) : t.whereRows(LEDGER, start, end);
    out.push({ sheet: LEDGER, row: start, column: '', header: '', address, code: 'blank-row', message: t.at(where, t.blankRows(end - start + 1)) });
    start = null;
  }
  return out;
}

interface FormulaProbe {
  sheet: string;
  spec: ColumnSpec;
  letter: string;
  read: () => { constants: string | null; blanks: string | null; first: unknown; last: unknown; firstRow: number; lastRow: number };
}

/** 'S5:S9' or '台账!S5:S9,台账!S12' → ['S5:S9', 'S12'] */
function areas(address: string | null): string[] {
  if (!address) return [];
  return address
    .split(',')
    .map((a) => a.slice(a.lastIndexOf('!') + 1).replace(/\$/g, ''))
    .filter((a) => a !== '');
}

const firstRowOf = (area: string) => Number(/\d+/.exec(area)?.[0] ?? 0);
const rowsOf = (area: string): [number, number] => {
  const [a, b] = area.split(':');
  const r0 = firstRowOf(a);
  return [r0, b ? firstRowOf(b) : r0];
};

/** Restrict areas to rows that hold something (a blank table row has no formulas to miss). */
function onContentRows(list: string[], contentRows: Set<number>, letter: string): string[] {
  const out: string[] = [];
  for (const area of list) {
    const [r0, r1] = rowsOf(area);
    let start: number | null = null;
    for (let r = r0; r <= r1 + 1; r += 1) {
      const hit = r <= r1 && contentRows.has(r);
      if (hit && start === null) start = r;
      if (!hit && start !== null) {
        out.push(start === r - 1 ? `${letter}${start}` : `${letter}${start}:${letter}${r - 1}`);
        start = null;
      }
    }
  }
  return out;
}

function formulaProblems(p: FormulaProbe, contentRows: Set<number>, tableName: string): AuditProblem[] {
  const r = p.read();
  const out: AuditProblem[] = [];
  const header = p.spec.header;
  const push = (address: string, code: string, body: string, value?: unknown) => {
    const row = firstRowOf(address);
    const where = address.includes(':') ? t.whereArea(p.sheet, address, header) : t.where(p.sheet, row, p.letter, header);
    out.push({ sheet: p.sheet, row, column: p.letter, header, address, code, message: t.at(where, body), ...(value !== undefined ? { value } : {}) });
  };
  for (const a of onContentRows(areas(r.constants), contentRows, p.letter)) push(a, 'formula-overwritten', t.formulaOverwritten);
  for (const a of onContentRows(areas(r.blanks), contentRows, p.letter)) push(a, 'formula-missing', t.formulaMissing);
  // the schema's formula at that row, or its row-free form (rows the add-in appended)
  const expected = (row: number) =>
    [formulaForRow(p.spec.formula!, row), p.spec.rowFreeFormula ?? p.spec.formula!].map((x) => canonicalFormula(`=${x}`, tableName));
  for (const [f, row] of [
    [r.first, r.firstRow],
    [r.last, r.lastRow],
  ] as const) {
    if (!contentRows.has(row) || typeof f !== 'string' || !f.startsWith('=')) continue;
    if (!expected(row).includes(canonicalFormula(f, tableName)))
      push(`${p.letter}${row}`, 'formula-different', t.formulaDifferent(f.length > 60 ? `${f.slice(0, 60)}…` : f), f);
    if (r.firstRow === r.lastRow) break;
  }
  return out;
}

function missingColumns(tb: SheetTable, sheet: string, columns: readonly ColumnSpec[], firstLetterRow: number): AuditProblem[] {
  return columns
    .filter((c) => !c.hidden && !tb.headers.includes(c.header))
    .map((c) => ({
      sheet,
      row: firstLetterRow,
      column: '',
      header: c.header,
      address: `A${firstLetterRow}`,
      code: 'column-missing',
      message: t.at(t.where(sheet, firstLetterRow, '', c.header), t.columnMissing(c.header)),
    }));
}

function group(problems: AuditProblem[]): AuditSheetGroup[] {
  const order: string[] = [LEDGER, RECORDS];
  const rank = (s: string) => (order.includes(s) ? order.indexOf(s) : order.length);
  const sheets = [...new Set(problems.map((p) => p.sheet))].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return sheets.map((sheet) => {
    const mine = problems.filter((p) => p.sheet === sheet);
    const rows = [...new Set(mine.map((p) => p.row))].sort((a, b) => a - b);
    return {
      sheet,
      count: mine.length,
      rows: rows.map((row) => {
        const inRow = mine.filter((p) => p.row === row);
        const addresses = [...new Set(inRow.map((p) => p.address))];
        return {
          row,
          cells: addresses.map((address) => {
            const here = inRow.filter((p) => p.address === address);
            return { column: here[0].column, header: here[0].header, address, problems: here };
          }),
        };
      }),
    };
  });
}

function report(problems: AuditProblem[], checked: AuditReport['checked'], initialised = true): AuditReport {
  const rows = new Set(problems.map((p) => `${p.sheet}#${p.row}`)).size;
  return {
    initialised,
    problems,
    bySheet: group(problems),
    checked,
    summary: problems.length === 0 ? t.summaryOk(checked.ledgerRows, checked.recordRows) : t.summary(problems.length, rows),
  };
}

function errorText(e: unknown): string {
  const o = e as { message?: string; code?: string };
  return o?.message ? `${o.message}${o.code ? `（${o.code}）` : ''}` : String(e);
}

/** Check the whole ledger (read only). */
export async function auditLedger(run: ExcelRun): Promise<AuditReport> {
  return run(async (context) => {
    // ---- sync 1: the tables
    // every column: the audit names damaged formula cells too
    const ledger = queueTable(context, LEDGER, 'all');
    const records = queueTable(context, RECORDS, 'all');
    const people = queueTable(context, PEOPLE);
    const bodies = [LEDGER, RECORDS].map((name) => context.workbook.tables.getItem(name).getDataBodyRange().load('rowIndex,rowCount'));
    try {
      await context.sync();
      await completeReads(context);
    } catch (e) {
      if ((e as { code?: string })?.code !== 'ItemNotFound') throw e;
      const tables = context.workbook.tables.load('items/name');
      await context.sync();
      const have = new Set(tables.items.map((x) => x.name));
      const missing = [LEDGER, RECORDS, PEOPLE].filter((n) => !have.has(n));
      return {
        initialised: false,
        problems: missing.map((name) => ({
          sheet: name,
          row: 1,
          column: '',
          header: name,
          address: 'A1',
          code: 'table-missing',
          message: t.notInitialised([name]),
        })),
        bySheet: [],
        checked: { ledgerRows: 0, recordRows: 0 },
        summary: t.notInitialised(missing),
      };
    }
    const lt = ledger.read();
    const rt = records.read();
    const sections = sectionsFromTable(people.read()).map((p) => p.section);

    // ---- sync 2: formula columns (addresses and two formulas per column, nothing per row)
    const probes: FormulaProbe[] = [];
    const spans = bodies.map((b) => ({ first: b.rowIndex + 1, last: b.rowIndex + b.rowCount }));
    (
      [
        [LEDGER, LEDGER_COLUMNS, lt, spans[0]],
        [RECORDS, RECORD_COLUMNS, rt, spans[1]],
      ] as const
    ).forEach(([sheet, columns, tb, span]) => {
      const table = context.workbook.tables.getItem(sheet);
      for (const spec of columns) {
        if (spec.kind !== 'formula' || !spec.formula || !tb.headers.includes(spec.header)) continue;
        const body = table.columns.getItem(spec.header).getDataBodyRange();
        const constants = body.getSpecialCellsOrNullObject('Constants').load('address');
        const blanks = body.getSpecialCellsOrNullObject('Blanks').load('address');
        const first = body.getCell(0, 0).load('formulas');
        const last = body.getLastCell().load('formulas');
        probes.push({
          sheet,
          spec,
          letter: tb.letters[spec.header],
          read: () => ({
            constants: constants.isNullObject ? null : constants.address,
            blanks: blanks.isNullObject ? null : blanks.address,
            first: first.formulas[0][0],
            last: last.formulas[0][0],
            firstRow: span.first,
            lastRow: span.last,
          }),
        });
      }
    });
    if (probes.length > 0) {
      try {
        await context.sync();
      } catch (e) {
        throw new Error(t.readFailed(errorText(e)));
      }
    }

    const ledgerIds = lt.rows
      .map((r) => r.values['编号'])
      .filter((v) => !isBlank(v))
      .map((v) => String(v));
    const l = ledgerFromTable(lt, sections, LEDGER);
    const r = recordsFromTable(rt, ledgerIds, RECORDS);
    const contentRows = {
      [LEDGER]: new Set(lt.rows.map((x) => x.row)),
      [RECORDS]: new Set(rt.rows.map((x) => x.row)),
    } as Record<string, Set<number>>;
    const problems: AuditProblem[] = [
      ...missingColumns(lt, LEDGER, LEDGER_COLUMNS, spans[0].first - 1),
      ...missingColumns(rt, RECORDS, RECORD_COLUMNS, spans[1].first - 1),
      ...l.errors.map(fromCellError),
      ...duplicateIds(lt, LEDGER),
      ...blankRows(lt, spans[0]),
      ...r.errors.map(fromCellError),
      ...probes.flatMap((p) => formulaProblems(p, contentRows[p.sheet], p.sheet)),
    ];
    // stable order: sheet, row, column position
    const colIndex = (p: AuditProblem) => [...p.column].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    problems.sort((a, b) => (a.sheet === b.sheet ? 0 : a.sheet === LEDGER ? -1 : 1) || a.row - b.row || colIndex(a) - colIndex(b));
    return report(problems, { ledgerRows: ledgerRowsChecked(lt), recordRows: recordRowsChecked(rt) });
  });
}

/** Select a cell (or area) the audit named: activates the sheet, then selects. One sync. */
export async function selectCell(run: ExcelRun, sheet: string, address: string): Promise<void> {
  const local = address.slice(address.lastIndexOf('!') + 1);
  await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(local).select();
    await context.sync();
  });
}

/**
 * One pasted row made ready for the ledger's row validation: the section's ways of writing a
 * cell read as the ledger's values (each reading reported as a note, so the clerk sees how a cell
 * was understood), and — for a new row — the workflow's defaults in the cells left blank.
 */
import { importText } from '../../i18n/import';
import { parseDateInput } from '../parseDate';
import type { IsoDate, WorkflowState } from '../types';
import { LEDGER_INPUT_COLUMNS, type CellNote } from '../validation';
import { readSerialDate, readSourceAlias, readYearlessDate } from './cells';

const c = importText.cells;
const DATE_HEADERS = LEDGER_INPUT_COLUMNS.filter((col) => col.kind === 'date').map((col) => col.header);

/** What the clerk chose for the whole block. */
export interface ImportOptions {
  /** the rows are already assigned: new rows are 已交办 (else 待审批, awaiting the 中心主任) */
  assigned?: boolean;
  /** values for the cells new rows leave blank, by ledger header (e.g. 交办层级 → 台账其他任务) */
  defaults?: Readonly<Record<string, string>>;
  /** a typed 科室 → the listed 科室 the clerk accepted it as */
  sectionAliases?: Readonly<Record<string, string>>;
  /** a pasted column (by header) → a ledger column, INTO_NOTE or LEAVE_OUT (headers.ts) */
  columnTargets?: Readonly<Record<string, string>>;
  /**
   * Where the block came from when it is a picked file's sheet: messages name that sheet and its
   * own row numbers (`firstRow`: the sheet row of the block's first line). Else 导入, line 1 = the header.
   */
  origin?: ImportOrigin;
}

export interface ImportOrigin {
  /** how messages name the sheet, e.g. 《物业管理科.xlsx》Sheet1 */
  sheet: string;
  firstRow: number;
}

export interface RowPlace {
  sheet: string;
  row: number;
  letters: Record<string, string>;
}

const noteAt = (place: RowPlace, header: string, value: unknown, normalised: unknown, body: string): CellNote => {
  const column = place.letters[header] ?? '';
  return {
    sheet: place.sheet,
    row: place.row,
    column,
    header,
    value,
    normalised,
    message: `${place.sheet} 第${place.row}行${column ? ` ${column}列` : ''}（${header}）：${body}`,
  };
};

const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** A readable date of a cell (text or serial), or null. */
function dateOf(v: unknown): IsoDate | null {
  const r = parseDateInput(v);
  return r.ok ? r.value : null;
}

/**
 * Read the pasted cells of `row` (only those: the cells of an existing row are the ledger's own)
 * in place; returns the notes. `today` gives the year of a date written without one when the row
 * has no readable 交办日期.
 */
export function readPastedCells(
  row: Record<string, unknown>,
  pasted: ReadonlySet<string>,
  place: RowPlace,
  today: IsoDate,
  options: ImportOptions,
): CellNote[] {
  const notes: CellNote[] = [];
  const text = (h: string) => (pasted.has(h) && typeof row[h] === 'string' ? (row[h] as string) : null);
  const source = text('来源类别');
  const category = source === null ? null : readSourceAlias(source);
  if (source !== null && category !== null) {
    row['来源类别'] = category;
    notes.push(noteAt(place, '来源类别', source, category, c.sourceAlias(source, category)));
  }
  const section = text('承办科室');
  const alias = section === null ? undefined : options.sectionAliases?.[section];
  if (section !== null && alias) {
    row['承办科室'] = alias;
    notes.push(noteAt(place, '承办科室', section, alias, c.sectionAlias(section, alias)));
  }
  const assigned = text('交办日期');
  const year = Number((readSerialDate(assigned ?? '') ?? dateOf(assigned) ?? today).slice(0, 4));
  for (const h of DATE_HEADERS) {
    const v = text(h);
    if (v === null) continue;
    const serial = readSerialDate(v);
    const yearless = serial === null ? readYearlessDate(v, year) : null;
    if (serial !== null) notes.push(noteAt(place, h, v, serial, c.serialDate(v, serial)));
    if (yearless !== null) notes.push(noteAt(place, h, v, yearless, c.yearless(v, yearless, year)));
    if (serial !== null || yearless !== null) row[h] = serial ?? yearless;
  }
  return notes;
}

/** The defaults a new row gets, as the preview lists them once for the block. */
export function defaultsText(today: IsoDate, options: ImportOptions): string[] {
  const d = importText.defaults;
  const out = [d.registeredOn(today), d.state(stateOf(options))];
  for (const [h, v] of Object.entries(options.defaults ?? {})) if (v) out.push(d.column(h, v));
  return out;
}

const stateOf = (options: ImportOptions): WorkflowState => (options.assigned ? '已交办' : '待审批');

/**
 * A new row's blank cells filled as 立项 would: 立项日期 today (or its 交办日期 when earlier — an
 * item is not assigned before it is registered), 办理状态 待审批 or 已交办, 交办日期 today for an
 * assigned row without one (noted), and the clerk's defaults.
 */
export function fillNewRow(row: Record<string, unknown>, place: RowPlace, today: IsoDate, options: ImportOptions): CellNote[] {
  const notes: CellNote[] = [];
  if (isBlank(row['办理状态'])) row['办理状态'] = stateOf(options);
  if (isBlank(row['交办日期']) && row['办理状态'] !== '待审批') {
    row['交办日期'] = today;
    notes.push(noteAt(place, '交办日期', '', today, c.assignedToday(today)));
  }
  if (isBlank(row['立项日期'])) {
    const assignedOn = dateOf(row['交办日期']);
    row['立项日期'] = assignedOn && assignedOn < today ? assignedOn : today;
  }
  for (const [h, v] of Object.entries(options.defaults ?? {})) if (v && isBlank(row[h])) row[h] = v;
  return notes;
}

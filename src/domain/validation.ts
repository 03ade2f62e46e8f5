/**
 * Checking hand-filled rows of 台账 and 反馈记录 as read from Excel, before the domain core uses
 * them. People type into these sheets directly (data validation in Excel can be pasted over), so
 * every cell is suspect: this module turns a raw row into a typed item plus a list of errors that
 * each name the sheet, row, column letter and header, quote the value and say how to fix it.
 *
 * Principles:
 * - Never throw, whatever the cell holds (a fuzzer feeds it junk).
 * - Never change what people wrote: text is kept byte for byte; when a value is *read* in a
 *   normalised way (来源类别 “3” → its name), that is reported as a note, and the cell is left
 *   for the user to correct — silent rewriting would hide the difference from co-authors.
 * - An item is returned only when the row has no errors: a half-valid item would carry values
 *   its types promise are valid.
 */
import { domain } from '../i18n/domain';
import { parseDateInput } from './parseDate';
import { displayValue } from './result';
import type { Settings } from './settings';
import {
  ASSIGN_LEVELS,
  GRADES,
  ITEM_KINDS,
  RECORD_TYPES,
  SOURCE_CATEGORIES,
  WORKFLOW_STATES,
  type FeedbackRecord,
  type IsoDate,
  type LedgerItem,
  type RecordType,
  type WorkflowState,
} from './types';

/** How a column's cells are read. ('bool' is part of the vocabulary; no ledger column uses it yet.) */
export type ColumnKind = 'text' | 'date' | 'enum' | 'int' | 'bool';

export interface InputColumn<F extends string = string> {
  /** 中文列名, exactly as in the sheet's header row */
  header: string;
  /** Field of the typed record */
  field: F;
  kind: ColumnKind;
  /** Must be filled (交办日期 has a conditional rule instead: see validateLedgerRow) */
  required: boolean;
  /** Text only: most characters (code points) allowed */
  maxLength?: number;
  /** Enum only: the accepted values */
  options?: readonly string[];
}

/** Default text limit when a column states none. */
const TEXT_MAX = 100;

/**
 * Every hand-filled 台账 column, in sheet order (computed columns such as 预警状态 are not input; the
 * add-in's hidden 操作ID stands between 备注 and 佐证材料).
 */
export const LEDGER_INPUT_COLUMNS: readonly InputColumn<keyof LedgerItem>[] = [
  { header: '编号', field: 'id', kind: 'text', required: true, maxLength: TEXT_MAX },
  { header: '立项日期', field: 'registeredOn', kind: 'date', required: false },
  { header: '来源类别', field: 'source', kind: 'enum', required: true, options: SOURCE_CATEGORIES },
  { header: '交办层级', field: 'level', kind: 'enum', required: true, options: ASSIGN_LEVELS },
  { header: '事项内容', field: 'content', kind: 'text', required: true, maxLength: 500 },
  { header: '目标任务/工作要求', field: 'requirement', kind: 'text', required: false, maxLength: 1000 },
  { header: '承办科室', field: 'section', kind: 'text', required: true, maxLength: TEXT_MAX },
  { header: '协办科室', field: 'coSections', kind: 'text', required: false, maxLength: TEXT_MAX },
  { header: '事项类型', field: 'kind', kind: 'enum', required: true, options: ITEM_KINDS },
  // Required unless 办理状态 is 待审批 (the 13710 clock starts only when the item is 交办).
  { header: '交办日期', field: 'assignedOn', kind: 'date', required: false },
  { header: '完成时限', field: 'explicitDeadline', kind: 'date', required: false },
  { header: '延期批准日', field: 'extensionApprovedOn', kind: 'date', required: false },
  { header: '延期完成时限', field: 'extensionDeadline', kind: 'date', required: false },
  { header: '延期节点', field: 'extensionNodes', kind: 'text', required: false, maxLength: TEXT_MAX },
  { header: '1天反馈日', field: 'report1On', kind: 'date', required: false },
  { header: '3天反馈日', field: 'report3On', kind: 'date', required: false },
  { header: '落实反馈日', field: 'reportFinalOn', kind: 'date', required: false },
  { header: '最近进展', field: 'progress', kind: 'text', required: false, maxLength: 1000 },
  { header: '办理状态', field: 'state', kind: 'enum', required: true, options: WORKFLOW_STATES },
  { header: '申请办结日', field: 'appliedOn', kind: 'date', required: false },
  { header: '初核日期', field: 'checkedOn', kind: 'date', required: false },
  { header: '审定日期', field: 'approvedOn', kind: 'date', required: false },
  { header: '销号日期', field: 'closedOn', kind: 'date', required: false },
  { header: '评价等级', field: 'grade', kind: 'enum', required: false, options: GRADES },
  { header: '退回次数', field: 'returnCount', kind: 'int', required: false },
  { header: '催办次数', field: 'urgeCount', kind: 'int', required: false },
  { header: '最近催办日', field: 'lastUrgedOn', kind: 'date', required: false },
  { header: '敷衍推诿认定日', field: 'perfunctoryOn', kind: 'date', required: false },
  { header: '弄虚作假认定日', field: 'falsifiedOn', kind: 'date', required: false },
  { header: '关联编号', field: 'linkedId', kind: 'text', required: false, maxLength: TEXT_MAX },
  { header: '备注', field: 'note', kind: 'text', required: false, maxLength: 500 },
  // Added after the first ledgers: the sheet has it last (after the hidden helpers and 操作ID).
  { header: '佐证材料', field: 'evidence', kind: 'text', required: false, maxLength: 500 },
];

/** Every 反馈记录 column. */
export const FEEDBACK_INPUT_COLUMNS: readonly InputColumn<keyof FeedbackRecord>[] = [
  { header: '编号', field: 'itemId', kind: 'text', required: true, maxLength: TEXT_MAX },
  { header: '类型', field: 'type', kind: 'enum', required: true, options: RECORD_TYPES },
  { header: '日期', field: 'date', kind: 'date', required: true },
  { header: '内容', field: 'content', kind: 'text', required: true, maxLength: 1000 },
  { header: '审签人', field: 'signer', kind: 'text', required: false, maxLength: TEXT_MAX },
  { header: '审签日期', field: 'signedOn', kind: 'date', required: false },
];

/**
 * Dates outside these years are typing slips (a bare `5` is serial 5 = 1900-01-05), not ledger
 * dates. The window is wide on purpose: it only catches the absurd.
 */
export const PLAUSIBLE_YEARS = { min: 2000, max: 2099 } as const;

/** Node reports: the record types a 分管领导 signs. */
const REPORT_TYPES: readonly RecordType[] = ['1天反馈', '3天反馈', '落实反馈', '月度反馈'];

/** Characters that make Excel (and CSV consumers) read text as a formula. */
const FORMULA_LEAD = new Set(['=', '+', '-', '@']);
/** The same, by UTF-16 code (testing `v[0]` would allocate a string per CJK cell). */
const FORMULA_LEAD_CODES = new Set([...FORMULA_LEAD].map((c) => c.charCodeAt(0)));

export interface CellError {
  sheet: string;
  /** Excel row number */
  row: number;
  /** Column letter, '' when the caller did not say where the header is */
  column: string;
  /** 中文列名 */
  header: string;
  /** The cell's value as read, untouched */
  value: unknown;
  code: string;
  /** zh-CN, naming sheet, row, column and header */
  message: string;
}

/** A value read in a normalised way: the typed record holds `normalised`, the cell still holds `value`. */
export interface CellNote {
  sheet: string;
  row: number;
  column: string;
  header: string;
  value: unknown;
  normalised: unknown;
  message: string;
}

export interface RowContext {
  sheet: string;
  /** Excel row number (the header row is usually 1, so the first data row is 2) */
  rowNumber: number;
  /** header → column letter */
  columnLetters: Record<string, string>;
}

export interface LedgerRowContext extends RowContext {
  /** The 科室 of the 科室人员 sheet */
  sections: readonly string[];
  /** Accepted so callers can pass the workbook settings; no check depends on them today. */
  settings?: Settings;
}

export interface FeedbackRowContext extends RowContext {
  /** 编号 of the 台账 items; when given, a record must belong to one of them. */
  /** known 编号 (a Set is looked up in constant time: 反馈记录 has tens of thousands of rows) */
  itemIds?: readonly string[] | ReadonlySet<string>;
}

export interface LedgerRowValidation {
  item: LedgerItem | null;
  errors: CellError[];
  notes: CellNote[];
}

export interface FeedbackRowValidation {
  record: FeedbackRecord | null;
  errors: CellError[];
  notes: CellNote[];
}

const hasOwn = (o: unknown, k: string): boolean => typeof o === 'object' && o !== null && Object.prototype.hasOwnProperty.call(o, k);

/** Why a cell cannot be read (code and zh-CN message body). */
class Bad {
  constructor(
    readonly code: string,
    readonly body: string,
  ) {}
}
/** Outcome of reading one cell: the value, or a Bad (no wrapper object per cell: a round reads 300,000). */
type Read<T> = T | Bad;
const bad = (code: string, body: string): Bad => new Bad(code, body);

/**
 * The plain value behind an exceljs cell value: formula cells carry `result`, rich text carries
 * runs, hyperlinks carry `text`, error cells `error`. Office.js values are already plain.
 */
type Plain = { kind: 'value'; value: unknown } | { kind: 'error'; text: string } | { kind: 'unknown' };
function plainValue(raw: unknown, depth = 0): Plain {
  if (raw === null || typeof raw !== 'object' || raw instanceof Date) return { kind: 'value', value: raw };
  if (depth > 3) return { kind: 'unknown' };
  try {
    const o = raw as Record<string, unknown>;
    if (hasOwn(o, 'error')) return { kind: 'error', text: displayValue(o.error) };
    if (hasOwn(o, 'formula') || hasOwn(o, 'sharedFormula')) return plainValue(o.result, depth + 1);
    if (Array.isArray(o.richText)) {
      const runs = o.richText as unknown[];
      if (runs.every((r) => hasOwn(r, 'text') && typeof (r as { text: unknown }).text === 'string')) {
        return { kind: 'value', value: runs.map((r) => (r as { text: string }).text).join('') };
      }
      return { kind: 'unknown' };
    }
    if (hasOwn(o, 'hyperlink') && hasOwn(o, 'text')) return plainValue(o.text, depth + 1);
  } catch {
    // A hostile object (throwing getter): treat as unreadable.
  }
  return { kind: 'unknown' };
}

const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

function readText(plain: unknown, raw: unknown): Read<string> {
  if (plain === null || plain === undefined) return '';
  if (typeof plain === 'string') return plain;
  if (typeof plain === 'number' && Number.isFinite(plain)) return String(plain);
  if (typeof plain === 'boolean') return plain ? 'TRUE' : 'FALSE';
  if (plain instanceof Date && !Number.isNaN(plain.getTime())) return plain.toISOString().slice(0, 10);
  return bad('not-text', domain.cell.notText(displayValue(raw)));
}

function readInt(plain: unknown, raw: unknown): Read<number> {
  if (isBlank(plain)) return 0;
  let n = NaN;
  if (typeof plain === 'number') n = plain;
  else if (typeof plain === 'string') {
    const s = plain.trim().replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30));
    if (/^\d+$/.test(s)) n = Number(s);
  }
  return Number.isSafeInteger(n) && n >= 0 ? n : bad('bad-count', domain.cell.badCount(displayValue(raw)));
}

const toHalfWidthDigits = (s: string) => s.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30));

/**
 * 来源类别 as people write it: the name, its number 1–10 (the seed document numbers them), or both
 * (“3 学校重点工作…”, “3.学校重点工作”, possibly shortened). Returns the category or an error.
 */
function readSource(s: string, raw: unknown): Read<string> {
  const t = s.trim();
  if ((SOURCE_CATEGORIES as readonly string[]).includes(t)) return t;
  const m = /^(\d{1,2})\s*[.、．:：,，\s-]?\s*(.*)$/s.exec(toHalfWidthDigits(t));
  if (m) {
    const n = Number(m[1]);
    if (n >= 1 && n <= SOURCE_CATEGORIES.length) {
      const name = SOURCE_CATEGORIES[n - 1];
      const words = m[2].trim();
      // The words must be (the start of) that number's name: “3 其他” is a contradiction, not a guess.
      if (words === '' || name.startsWith(words.replace(/[…。.]+$/, ''))) return name;
      return bad('source-mismatch', domain.cell.sourceMismatch(displayValue(raw), n, name));
    }
  }
  return bad('bad-enum', domain.cell.badSource(displayValue(raw)));
}

function readEnum(col: InputColumn, plain: unknown, raw: unknown): Read<string | null> {
  const options = col.options ?? [];
  if (isBlank(plain)) return null;
  if (col.field === 'source') {
    return typeof plain === 'string' || typeof plain === 'number' ? readSource(String(plain), raw) : bad('bad-enum', domain.cell.badSource(displayValue(raw)));
  }
  if (typeof plain === 'string' && options.includes(plain.trim())) return plain.trim();
  return bad('bad-enum', domain.cell.badEnum(displayValue(raw), options.join('、')));
}

/**
 * A ledger holds few distinct dates (10,000 items share a few hundred days), so a date cell's
 * reading is remembered by its value (a serial or a text): the same cell value always reads the
 * same. Bounded, so a fuzzer's stream of distinct values cannot grow it without limit.
 */
const DATE_READS = new Map<string | number, Read<IsoDate | null>>();
const DATE_READS_LIMIT = 50_000;

function readDate(plain: unknown): Read<IsoDate | null> {
  if (typeof plain !== 'string' && typeof plain !== 'number') return readDateUncached(plain);
  let r = DATE_READS.get(plain);
  if (r === undefined) {
    if (DATE_READS.size >= DATE_READS_LIMIT) DATE_READS.clear();
    r = readDateUncached(plain);
    DATE_READS.set(plain, r);
  }
  return r;
}

function readDateUncached(plain: unknown): Read<IsoDate | null> {
  const r = parseDateInput(plain);
  if (!r.ok) return bad(r.error.code, r.error.message);
  if (r.value !== null) {
    const y = Number(r.value.slice(0, 4));
    if (y < PLAUSIBLE_YEARS.min || y > PLAUSIBLE_YEARS.max) {
      return bad('date-implausible', domain.cell.implausibleYear(r.value, PLAUSIBLE_YEARS.min, PLAUSIBLE_YEARS.max));
    }
  }
  return r.value;
}

/**
 * A row as the cells under `columns`, in column order (undefined where the row has no such
 * column). Reading cells by position, not by header, keeps the per-cell work of a 10,000-row
 * ledger small; rowValues turns a record row (header → value) into this form.
 */
export type RowValues = readonly unknown[];

/** The cells of a record row under `columns`: its own properties only. */
export function rowValues(columns: readonly InputColumn[], raw: Record<string, unknown>): unknown[] {
  return columns.map((col) => (hasOwn(raw, col.header) ? raw[col.header] : undefined));
}

/** Collects errors and notes for one row, addressing them by header. */
class RowReport {
  readonly errors: CellError[] = [];
  readonly notes: CellNote[] = [];
  constructor(
    private readonly ctx: RowContext,
    private readonly columns: readonly InputColumn[],
    readonly values: RowValues,
  ) {}

  column(header: string): string {
    const letters = this.ctx.columnLetters;
    return hasOwn(letters, header) && typeof letters[header] === 'string' ? letters[header] : '';
  }

  /** The cell under a header (for messages: looked up by name, only when there is something to say). */
  value(header: string): unknown {
    const i = this.columns.findIndex((col) => col.header === header);
    return i < 0 ? undefined : this.values[i];
  }

  private where(header: string): string {
    return domain.cell.where(String(this.ctx.sheet), Number(this.ctx.rowNumber), this.column(header), header);
  }

  error(header: string, code: string, body: string): void {
    this.errors.push({
      sheet: this.ctx.sheet,
      row: this.ctx.rowNumber,
      column: this.column(header),
      header,
      value: this.value(header),
      code,
      message: domain.cell.at(this.where(header), body),
    });
  }

  note(header: string, normalised: unknown, body: string): void {
    this.notes.push({
      sheet: this.ctx.sheet,
      row: this.ctx.rowNumber,
      column: this.column(header),
      header,
      value: this.value(header),
      normalised,
      message: domain.cell.at(this.where(header), body),
    });
  }
}

/**
 * Read every column of `columns` from the row: type conversion, required, length, formula-like.
 * Returns field → value for the cells that read cleanly, in column order: when the row has no
 * errors, this is the typed record itself (no copy).
 */
function readColumns(columns: readonly InputColumn[], report: RowReport): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let c = 0; c < columns.length; c++) {
    const col = columns[c];
    const raw = report.values[c];
    // Office.js values are already plain (most cells): skip plainValue's wrapper object.
    const plain = raw === null || typeof raw !== 'object' || raw instanceof Date ? null : plainValue(raw);
    if (plain?.kind === 'error') {
      report.error(col.header, 'cell-error', domain.cell.cellError(plain.text));
      continue;
    }
    if (plain?.kind === 'unknown') {
      report.error(col.header, 'not-text', domain.cell.notText(displayValue(raw)));
      continue;
    }
    const v = plain ? plain.value : raw;
    if (col.required && isBlank(v)) {
      report.error(col.header, 'required', domain.cell.required);
      continue;
    }
    let read: Read<unknown>;
    switch (col.kind) {
      case 'text':
        read = readText(v, raw);
        break;
      case 'date':
        read = readDate(v);
        break;
      case 'enum':
        read = readEnum(col, v, raw);
        break;
      case 'int':
        read = readInt(v, raw);
        break;
      case 'bool':
        read = typeof v === 'boolean' || isBlank(v) ? v === true : bad('bad-bool', domain.cell.notText(displayValue(raw)));
        break;
    }
    if (read instanceof Bad) {
      report.error(col.header, read.code, read.body);
      continue;
    }
    if (col.kind === 'text' && typeof v === 'string') {
      const max = col.maxLength ?? TEXT_MAX;
      // Code points ≤ UTF-16 units: count them (an array per cell) only when the text may be too long.
      const length = v.length > max ? Array.from(v).length : v.length;
      if (length > max) report.error(col.header, 'too-long', domain.cell.tooLong(max, length));
      // Only text can be mistaken for a formula; a negative number is a number.
      if (v.length > 0 && FORMULA_LEAD_CODES.has(v.charCodeAt(0))) report.error(col.header, 'formula-like', domain.cell.formulaLike(v[0]));
    }
    if (col.kind === 'enum' && read !== null && read !== v) {
      const body =
        col.field === 'source' && String(v).trim() !== read
          ? domain.cell.sourceNormalised(displayValue(raw), String(read))
          : domain.cell.enumTrimmed(displayValue(raw), String(read));
      report.note(col.header, read, body);
    }
    out[col.field] = read;
  }
  return out;
}

/** Dates that cannot precede 交办日期. */
const NOT_BEFORE_ASSIGNED: readonly (readonly [keyof LedgerItem, string])[] = [
  ['explicitDeadline', '完成时限'],
  ['extensionDeadline', '延期完成时限'],
  ['closedOn', '销号日期'],
];

/** Split 协办科室 “总务科、膳食科” into names. */
function splitSections(s: string): string[] {
  return s.split(/[、,，;；/\s]+/).filter((x) => x !== '');
}

/**
 * Parse and check one 台账 row. `raw` maps 中文列名 → cell value as read (Office.js values or
 * exceljs cell values). Never throws.
 */
export function validateLedgerRow(raw: Record<string, unknown>, ctx: LedgerRowContext): LedgerRowValidation {
  return validateLedgerValues(rowValues(LEDGER_INPUT_COLUMNS, raw), ctx);
}

/** validateLedgerRow of a row given as the cells under LEDGER_INPUT_COLUMNS, in order. Never throws. */
export function validateLedgerValues(values: RowValues, ctx: LedgerRowContext): LedgerRowValidation {
  const report = new RowReport(ctx, LEDGER_INPUT_COLUMNS, values);
  const v = readColumns(LEDGER_INPUT_COLUMNS, report);
  const has = (field: keyof LedgerItem) => hasOwn(v, field);
  const get = <K extends keyof LedgerItem>(field: K) => v[field] as LedgerItem[K];
  const sections = Array.isArray(ctx.sections) ? ctx.sections : [];

  // 科室 must match the 科室人员 sheet exactly: lookups (责任人, 综评) are by exact text.
  if (has('section')) {
    const section = get('section');
    if (!sections.includes(section)) {
      const spaces = sections.includes(section.trim());
      report.error(
        '承办科室',
        'unknown-section',
        spaces ? domain.cell.unknownSectionSpaces(displayValue(section)) : domain.cell.unknownSection(displayValue(section)),
      );
    }
  }
  if (has('coSections')) {
    const unknown = splitSections(get('coSections')).filter((name) => !sections.includes(name));
    if (unknown.length > 0) {
      const shown = unknown
        .slice(0, 3)
        .map((name) => displayValue(name, 20))
        .join('、');
      report.error('协办科室', 'unknown-section', domain.cell.unknownCoSection(unknown.length > 3 ? `${shown}…` : shown));
    }
  }

  const state = has('state') ? (get('state') as WorkflowState | null) : undefined;
  const assignedOn = has('assignedOn') ? get('assignedOn') : undefined;

  if (state != null && state !== '待审批' && assignedOn === null) {
    report.error('交办日期', 'required', domain.cell.requiredUnlessPending);
  }

  // Dates that cannot precede 交办: the 13710 clock starts on 交办日期.
  if (assignedOn) {
    for (const [field, header] of NOT_BEFORE_ASSIGNED) {
      const d = has(field) ? (get(field) as IsoDate | null) : null;
      if (d && d < assignedOn) report.error(header, 'before-assigned', domain.cell.beforeAssigned(header, d, assignedOn));
    }
  }

  // State consistency (docs/rules.md, workflow): each state implies the dates of the steps that led to it.
  if (state != null) {
    const closedOn = has('closedOn') ? get('closedOn') : undefined;
    if (state === '已销号' && closedOn === null) report.error('销号日期', 'closed-needs-date', domain.cell.closedNeedsDate);
    if (state !== '已销号' && closedOn) {
      report.error('销号日期', 'closed-date-open-state', domain.cell.closedDateButOpen(state));
    }
    if (state !== '已销号' && has('grade') && get('grade') !== null) {
      report.error('评价等级', 'grade-not-closed', domain.cell.gradeOnlyWhenClosed(state));
    }
    if ((state === '申请办结' || state === '已初核') && has('appliedOn') && get('appliedOn') === null) {
      report.error('申请办结日', 'applied-needs-date', domain.cell.appliedNeedsDate(state));
    }
    if (state === '已初核' && has('checkedOn') && get('checkedOn') === null) {
      report.error('初核日期', 'checked-needs-date', domain.cell.checkedNeedsDate);
    }
  }

  if (report.errors.length > 0) return { item: null, errors: report.errors, notes: report.notes };
  const item = v as unknown as LedgerItem;
  return { item, errors: [], notes: report.notes };
}

/** Parse and check one 反馈记录 row. Never throws. */
export function validateFeedbackRow(raw: Record<string, unknown>, ctx: FeedbackRowContext): FeedbackRowValidation {
  const report = new RowReport(ctx, FEEDBACK_INPUT_COLUMNS, rowValues(FEEDBACK_INPUT_COLUMNS, raw));
  const v = readColumns(FEEDBACK_INPUT_COLUMNS, report);
  const has = (field: keyof FeedbackRecord) => hasOwn(v, field);
  const get = <K extends keyof FeedbackRecord>(field: K) => v[field] as FeedbackRecord[K];

  if (has('itemId') && ctx.itemIds && !knownId(ctx.itemIds, get('itemId'))) {
    report.error('编号', 'unknown-item', domain.cell.unknownItem(displayValue(get('itemId'))));
  }
  const date = has('date') ? get('date') : null;
  const signedOn = has('signedOn') ? get('signedOn') : null;
  const signer = has('signer') ? get('signer') : null;
  if (date && signedOn && signedOn < date) {
    report.error('审签日期', 'signed-before-date', domain.cell.signedBeforeDate(signedOn, date));
  }
  // A report counts only once signed: a name without a date (or a date without a name) is half a sign-off.
  if (has('signedOn') && signedOn && signer !== null && signer.trim() === '') {
    report.error('审签人', 'sign-incomplete', domain.cell.dateWithoutSigner);
  }
  if (has('type') && REPORT_TYPES.includes(get('type')) && has('signedOn') && !signedOn && signer && signer.trim()) {
    report.error('审签日期', 'sign-incomplete', domain.cell.signerWithoutDate);
  }

  if (report.errors.length > 0) return { record: null, errors: report.errors, notes: report.notes };
  return { record: v as unknown as FeedbackRecord, errors: [], notes: report.notes };
}

function knownId(ids: readonly string[] | ReadonlySet<string>, id: string): boolean {
  return ids instanceof Set ? ids.has(id) : Array.isArray(ids) ? ids.includes(id) : true;
}

/**
 * The ledger workbook described as DATA: sheets, tables, columns (input or formula), data
 * validation, conditional formats, freeze panes, protection and the 设置 rows with their defined
 * names. `template.ts` writes it with exceljs; an Office.js initialiser can create the same
 * workbook from it. Formula text is stored without the leading '=' in plain A1 form
 * (`$M{r}`, `台账!$G$2:$G$20001`): formulas.ts writes structured references and `toA1` (applied to every
 * formula of the schema at the end of this module) turns them into references that Excel,
 * LibreOffice and Gnumeric all compute.
 */
import { workbook as t } from '../i18n/workbook';
import { LEDGER_SHEETS } from './ledgerSheets';
import { defaultSettings, type Settings } from '../domain/settings';
import { DOCUMENT_SETTING_NAMES, documentSettingDefault, type DocumentSettingName } from '../domain/documents/settings';
import {
  ASSIGN_LEVELS,
  COUNTING_MODES,
  GRADES,
  ITEM_KINDS,
  OVERDUE_COUNTINGS,
  RECORD_TYPES,
  SOURCE_CATEGORIES,
  WORKFLOW_STATES,
} from '../domain/types';
import {
  DETAIL,
  LEDGER,
  MONTHLY_COUNTS,
  MONTHLY_SCORES,
  NONIMPL_STEPS,
  PEOPLE,
  RECORDS,
  CALENDAR,
  calendarIndexFormula,
  calendarNextWorkdayFormula,
  calendarNthWorkdayFormula,
  col,
  ledgerFormulas,
  monthlyFormulas,
  recordSectionFormula,
  str,
  thisRow,
  toA1,
  wdIndex,
  type TableLayout,
  type LedgerFormulaColumn,
  type MonthlyCount,
  type MonthlyScore,
} from './formulas';

/** Bumped whenever sheets, columns or formulas change shape (the add-in upgrades by it). */
export const SCHEMA_VERSION = 2;

/**
 * Data validation and conditional formats cover whole columns, down to the last row of the sheet:
 * Microsoft's co-authoring guidance for appending rows below a table (getRowsBelow) requires that
 * no validation sits on cells below the table other than a whole-column one.
 */
export const LAST_ROW = 1_048_576;

export const DATE_FORMAT = 'yyyy-mm-dd';
export const MONTH_FORMAT = 'yyyy"年"m"月"';

export type ValidationSpec =
  | { type: 'list'; values: readonly string[]; strict: boolean; error?: readonly [string, string] }
  | { type: 'listRange'; source: string; strict: boolean; error?: readonly [string, string] }
  | { type: 'date'; min: string; max: string }
  | { type: 'whole'; min: number; max: number; error?: readonly [string, string] };

export interface ColumnSpec {
  header: string;
  kind: 'input' | 'formula';
  /** characters */
  width: number;
  numFmt?: string;
  /** formula columns: the formula, no leading '='; `{r}` stands for the sheet row (formulaForRow) */
  formula?: string;
  /**
   * table formula columns: the same formula without the row number (`INDEX($X:$X,ROW())` for `$X{r}`),
   * for rows the add-in appends without knowing where they land (formulas.ts `toA1`)
   */
  rowFreeFormula?: string;
  validation?: ValidationSpec;
  /** [title, text] shown when the cell is selected */
  inputMessage?: readonly [string, string];
  /** formula columns are locked, input columns unlocked */
  locked: boolean;
  /** helper columns: hidden (outline level 1) */
  hidden?: boolean;
  /** explanation of a computed column (header comment) */
  note?: string;
  /** wrap text in the body */
  wrap?: boolean;
  align?: 'center' | 'left' | 'right';
}

export interface TableSpec {
  /** must not look like a cell address */
  name: string;
  /** header row (1-based) */
  headerRow: number;
  /** first column (1-based) */
  firstCol: number;
  columns: ColumnSpec[];
  style: string;
}

/** A fixed block of rows outside a table (月度考核 当月). Formulas use `{r}` for the row number. */
export interface BlockSpec {
  headerRow: number;
  firstRow: number;
  rows: number;
  firstCol: number;
  columns: (ColumnSpec & { values?: readonly (string | number)[] })[];
}

export interface CellSpec {
  address: string;
  value?: string | number;
  formula?: string;
  numFmt?: string;
  style?: 'title' | 'label' | 'note' | 'heading' | 'input';
  locked?: boolean;
  validation?: ValidationSpec;
  inputMessage?: readonly [string, string];
  /** merge this cell across to the given address */
  mergeTo?: string;
}

export type CFRule =
  | { type: 'expression'; formula: string; fill?: string; fontColor?: string; bold?: boolean }
  | { type: 'colorScale'; colors: readonly [string, string, string] };

export interface ConditionalFormatSpec {
  /** A1 range */
  range: string;
  rules: CFRule[];
}

export interface SheetSpec {
  name: string;
  purpose: string;
  tabColor?: string;
  tables: TableSpec[];
  blocks: BlockSpec[];
  cells: CellSpec[];
  conditionalFormats: ConditionalFormatSpec[];
  /** rows/columns frozen above/left of this cell */
  freeze?: { row: number; col: number };
  protect: boolean;
  landscape?: boolean;
  /** pages across when printed (fit to width); default 1 */
  fitToWidth?: number;
  /** columns repeated on every printed page, e.g. 'A:A' */
  printTitleColumns?: string;
  /** printed as a document (A4 公文 attachment, see print.ts) rather than as a table */
  printAs?: 'document';
  /** width of columns not described by a table/block */
  widths?: Record<string, number>;
}

export interface DefinedNameSpec {
  name: string;
  /** absolute reference, e.g. 设置!$B$2 */
  ref: string;
}

export interface WorkbookSchema {
  version: number;
  sheets: SheetSpec[];
  names: DefinedNameSpec[];
}

// ---------------------------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------------------------

/**
 * A formula of the schema for sheet row r: `{r}` is the row itself, `{prev}` the row above, `{next}`
 * the row below (日历 下一工作日). Formulas without placeholders are returned unchanged.
 */
export function formulaForRow(formula: string, r: number): string {
  return formula.replace(/\{r\}/g, String(r)).replace(/\{prev\}/g, String(r - 1)).replace(/\{next\}/g, String(r + 1));
}

/** 1 → A, 27 → AA */
export function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

const dateValidation: ValidationSpec = { type: 'date', min: '2000-01-01', max: '2099-12-31' };
const list = (values: readonly string[]): ValidationSpec => ({ type: 'list', values, strict: true, error: t.error.list });
const countValidation: ValidationSpec = { type: 'whole', min: 0, max: 999, error: t.error.count };

const input = (
  header: string,
  width: number,
  extra: Partial<ColumnSpec> = {},
): ColumnSpec => ({ header, kind: 'input', width, locked: false, ...extra });

const dateInput = (header: string, message: readonly [string, string], extra: Partial<ColumnSpec> = {}): ColumnSpec =>
  input(header, 11, { numFmt: DATE_FORMAT, validation: dateValidation, inputMessage: message, ...extra });

const computed = (header: LedgerFormulaColumn, width: number, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  header,
  kind: 'formula',
  width,
  formula: ledgerFormulas[header],
  locked: true,
  ...extra,
});

const helper = (header: LedgerFormulaColumn): ColumnSpec =>
  computed(header, 11, { hidden: true, note: t.computed.helper, numFmt: header.startsWith('辅助') && !header.endsWith('按时') && !header.startsWith('辅助增减') ? DATE_FORMAT : '0' });

// ---------------------------------------------------------------------------------------------
// 设置
// ---------------------------------------------------------------------------------------------

export interface SettingRow {
  /** 名称 on the sheet = the defined name */
  name: keyof typeof t.settings;
  /** the default value: a constant, or a formula (TODAY) */
  value: (s: Settings) => string | number | { formula: string };
  /** where the value lives in Settings (readback); undefined for rows that are not Settings fields */
  path?: readonly string[];
  validation?: ValidationSpec;
  numFmt?: string;
  /** the value is fixed (结构版本, 日历调整): locked */
  locked?: boolean;
  /** no defined name (descriptive rows) */
  noName?: boolean;
}

const num = (path: readonly string[]): SettingRow['value'] => (s) => {
  let v: unknown = s;
  for (const k of path) v = (v as Record<string, unknown>)[k];
  return v as number;
};

const intRange = (min: number, max: number): ValidationSpec => ({ type: 'whole', min, max });

export const SETTING_ROWS: readonly SettingRow[] = [
  { name: '今天', value: () => ({ formula: 'TODAY()' }), numFmt: DATE_FORMAT, validation: dateValidation },
  { name: '计时方式', value: (s) => s.countingMode, path: ['countingMode'], validation: list(COUNTING_MODES) },
  { name: '逾期天数计法', value: (s) => s.overdueCounting, path: ['overdueCounting'], validation: list(OVERDUE_COUNTINGS) },
  { name: '研究部署反馈天数', value: num(['nodeDays', 'node1']), path: ['nodeDays', 'node1'], validation: intRange(0, 366) },
  { name: '初步落实反馈天数', value: num(['nodeDays', 'node3']), path: ['nodeDays', 'node3'], validation: intRange(0, 366) },
  { name: '一般事项办结天数', value: num(['nodeDays', 'general']), path: ['nodeDays', 'general'], validation: intRange(0, 366) },
  { name: '重大复杂办结天数', value: num(['nodeDays', 'major']), path: ['nodeDays', 'major'], validation: intRange(0, 366) },
  { name: '研究部署临近天数', value: num(['warnDays', 'node1']), path: ['warnDays', 'node1'], validation: intRange(0, 366) },
  { name: '初步落实临近天数', value: num(['warnDays', 'node3']), path: ['warnDays', 'node3'], validation: intRange(0, 366) },
  { name: '一般事项临近天数', value: num(['warnDays', 'general']), path: ['warnDays', 'general'], validation: intRange(0, 366) },
  { name: '重大复杂临近天数', value: num(['warnDays', 'major']), path: ['warnDays', 'major'], validation: intRange(0, 366) },
  { name: '权重任务总量', value: num(['weights', 'volume']), path: ['weights', 'volume'] },
  { name: '权重反馈实效', value: num(['weights', 'feedback']), path: ['weights', 'feedback'] },
  { name: '权重落实进度', value: num(['weights', 'progress']), path: ['weights', 'progress'] },
  { name: '权重落实效果', value: num(['weights', 'effect']), path: ['weights', 'effect'] },
  { name: '权重办结情况', value: num(['weights', 'closure']), path: ['weights', 'closure'] },
  { name: '得分率优秀', value: num(['gradeRates', '优秀']), path: ['gradeRates', '优秀'] },
  { name: '得分率良好', value: num(['gradeRates', '良好']), path: ['gradeRates', '良好'] },
  { name: '得分率合格', value: num(['gradeRates', '合格']), path: ['gradeRates', '合格'] },
  { name: '得分率不合格', value: num(['gradeRates', '不合格']), path: ['gradeRates', '不合格'] },
  { name: '扣分不落实', value: num(['deductions', 'nonImplementation']), path: ['deductions', 'nonImplementation'] },
  { name: '扣分退回', value: num(['deductions', 'returned']), path: ['deductions', 'returned'] },
  { name: '扣分漏报', value: num(['deductions', 'missedReport']), path: ['deductions', 'missedReport'] },
  { name: '扣分弄虚作假', value: num(['deductions', 'falsified']), path: ['deductions', 'falsified'] },
  { name: '不落实逾期天数', value: num(['nonImplementation', 'overdueDays']), path: ['nonImplementation', 'overdueDays'] },
  { name: '不落实漏报次数', value: num(['nonImplementation', 'missedReports']), path: ['nonImplementation', 'missedReports'] },
  { name: '不落实退回次数', value: num(['nonImplementation', 'returns']), path: ['nonImplementation', 'returns'] },
  { name: '催办后仍逾期天数', value: num(['nonImplementation', 'daysAfterUrge']), path: ['nonImplementation', 'daysAfterUrge'] },
  { name: '通报批评逾期天数', value: num(['accountability', 'criticiseOverdue']), path: ['accountability', 'criticiseOverdue'] },
  { name: '督查约谈逾期天数', value: num(['accountability', 'interviewOverdue']), path: ['accountability', 'interviewOverdue'] },
  { name: '移送逾期天数', value: num(['accountability', 'referOverdue']), path: ['accountability', 'referOverdue'] },
  { name: '整改期限工作日', value: num(['rectifyWorkdays']), path: ['rectifyWorkdays'], validation: intRange(0, 366) },
  { name: '中心主任', value: (s) => s.director, path: ['director'] },
  { name: '保护密码', value: () => '' },
  { name: '日历调整', value: () => '见“日历”表', locked: true, noName: true },
  { name: '结构版本', value: () => SCHEMA_VERSION, locked: true },
  // Rows added after the first release go after 结构版本, so 初始化台账 appends them to an older ledger.
  { name: '扣分上限', value: num(['deductionCap']), path: ['deductionCap'], validation: intRange(0, 1000) },
  // The 公文 documents (src/domain/documents/settings.ts): after 结构版本, so 初始化台账 appends them
  // to an older ledger without moving a row; until then the add-in reads their defaults.
  ...(Object.keys(DOCUMENT_SETTING_NAMES) as DocumentSettingName[]).map(
    (name): SettingRow => ({
      name,
      value: () => documentSettingDefault(name),
      ...(name === '红色催办次数' ? { validation: intRange(1, 99) } : name === '催办反馈工作日' ? { validation: intRange(0, 366) } : {}),
    }),
  ),
];

/** Row of a setting on 设置 (header in row 1). */
export const settingRow = (name: SettingRow['name']) => SETTING_ROWS.findIndex((r) => r.name === name) + 2;
export const settingRef = (name: SettingRow['name']) => `设置!$B$${settingRow(name)}`;

// ---------------------------------------------------------------------------------------------
// 台账
// ---------------------------------------------------------------------------------------------

const msg = t.input;
const c = t.computed;

export const LEDGER_COLUMNS: readonly ColumnSpec[] = [
  input('编号', 13, { inputMessage: msg.编号 }),
  dateInput('立项日期', msg.立项日期),
  input('来源类别', 20, { validation: list(SOURCE_CATEGORIES), inputMessage: msg.来源类别, wrap: true }),
  input('交办层级', 18, { validation: list(ASSIGN_LEVELS), inputMessage: msg.交办层级 }),
  input('事项内容', 30, { inputMessage: msg.事项内容, wrap: true }),
  input('目标任务/工作要求', 26, { inputMessage: msg.目标任务, wrap: true }),
  input('承办科室', 15, {
    validation: { type: 'listRange', source: '科室人员!$A$2:$A$200', strict: false, error: t.error.section },
    inputMessage: msg.承办科室,
  }),
  input('协办科室', 14, { inputMessage: msg.协办科室 }),
  computed('第一责任人', 9, { note: c.第一责任人 }),
  computed('分管责任人', 9, { note: c.分管责任人 }),
  computed('直接责任人', 9, { note: c.直接责任人 }),
  input('事项类型', 9, { validation: list(ITEM_KINDS), inputMessage: msg.事项类型 }),
  dateInput('交办日期', msg.交办日期),
  dateInput('完成时限', msg.完成时限),
  computed('1天应报日', 11, { numFmt: DATE_FORMAT, note: c['1天应报日'] }),
  computed('3天应报日', 11, { numFmt: DATE_FORMAT, note: c['3天应报日'] }),
  computed('办结时限', 11, { numFmt: DATE_FORMAT, note: c.办结时限 }),
  dateInput('延期批准日', msg.延期批准日),
  dateInput('延期完成时限', msg.延期完成时限),
  input('延期节点', 18, { inputMessage: msg.延期节点, wrap: true }),
  dateInput('1天反馈日', msg.反馈日),
  dateInput('3天反馈日', msg.反馈日),
  dateInput('落实反馈日', msg.反馈日),
  computed('落实完成日', 11, { numFmt: DATE_FORMAT, note: c.落实完成日 }),
  computed('预警状态', 9, { note: c.预警状态, align: 'center' }),
  computed('逾期天数', 8, { numFmt: '0', note: c.逾期天数, align: 'center' }),
  input('最近进展', 22, { inputMessage: msg.最近进展, wrap: true }),
  input('办理状态', 9, { validation: list(WORKFLOW_STATES), inputMessage: msg.办理状态 }),
  dateInput('申请办结日', msg.申请办结日),
  dateInput('初核日期', msg.初核日期),
  dateInput('审定日期', msg.审定日期),
  dateInput('销号日期', msg.销号日期),
  input('评价等级', 8, { validation: list(GRADES), inputMessage: msg.评价等级 }),
  input('退回次数', 7, { validation: countValidation, inputMessage: msg.次数, numFmt: '0' }),
  input('催办次数', 7, { validation: countValidation, inputMessage: msg.次数, numFmt: '0' }),
  dateInput('最近催办日', msg.最近催办日),
  dateInput('敷衍推诿认定日', msg.认定日, { width: 13 }),
  dateInput('弄虚作假认定日', msg.认定日, { width: 13 }),
  input('关联编号', 13, { inputMessage: msg.关联编号 }),
  input('备注', 16, { wrap: true }),
  helper('辅助交办日'),
  helper('辅助销号日'),
  helper('辅助办结时限'),
  helper('辅助落实完成日'),
  helper('辅助1天应报日'),
  helper('辅助3天应报日'),
  helper('辅助1天反馈日'),
  helper('辅助3天反馈日'),
  helper('辅助1天按时'),
  helper('辅助3天按时'),
  helper('辅助办结按时'),
  helper('辅助逾期起'),
  helper('辅助催办起'),
  helper('辅助不落实起'),
  ...NONIMPL_STEPS.map((step) => helper(step.header)),
  helper('评价得分率'),
  // Written by the add-in with each registration: tells two co-authors' rows apart when they took
  // the same 编号 at the same moment (itemNumber.resolveCollisions). Hidden, not locked.
  input('操作ID', 14, { hidden: true }),
];

/** 1-based column of a 台账 header. */
export function ledgerColumn(header: string): number {
  const i = LEDGER_COLUMNS.findIndex((c) => c.header === header);
  if (i < 0) throw new Error(`no 台账 column ${header}`);
  return i + 1;
}
export const ledgerLetter = (header: string) => columnLetter(ledgerColumn(header));

/** The computed (formula) columns of 台账 that a reader sees (helpers excluded). */
export const LEDGER_COMPUTED = LEDGER_COLUMNS.filter((c) => c.kind === 'formula' && !c.hidden).map((c) => c.header);

const LEDGER_LAST = columnLetter(LEDGER_COLUMNS.length);
const body = (letterFrom: string, letterTo: string) => `${letterFrom}2:${letterTo}${LAST_ROW}`;

const statusLetter = ledgerLetter('预警状态');
const overdueLetter = ledgerLetter('逾期天数');
const statusIs = (s: string) => `$${statusLetter}2="${s}"`;

const ledgerSheet: SheetSpec = {
  name: '台账',
  purpose: t.purpose.台账,
  tabColor: 'FF1F4E79',
  tables: [{ name: LEDGER, headerRow: 1, firstCol: 1, columns: [...LEDGER_COLUMNS], style: 'TableStyleLight9' }],
  blocks: [],
  cells: [],
  // LibreOffice applies only the first matching rule of a cell (Excel merges them), so the
  // 逾期天数 cells come first with the full style: the row's tint plus bold red.
  conditionalFormats: [
    {
      range: body(overdueLetter, overdueLetter),
      rules: [
        { type: 'expression', formula: `AND(${statusIs('逾期')},N($${overdueLetter}2)>0)`, fill: 'FFFFC7CE', fontColor: 'FFC00000', bold: true },
        { type: 'expression', formula: `AND(${statusIs('逾期办结')},N($${overdueLetter}2)>0)`, fill: 'FFE7E6E6', fontColor: 'FFC00000', bold: true },
      ],
    },
    {
      range: body('A', LEDGER_LAST),
      rules: [
        { type: 'expression', formula: statusIs('逾期'), fill: 'FFFFC7CE' },
        { type: 'expression', formula: statusIs('临近'), fill: 'FFFFEB9C' },
        { type: 'expression', formula: statusIs('延期'), fill: 'FFDDEBF7' },
        { type: 'expression', formula: statusIs('正常'), fill: 'FFE2EFDA' },
        { type: 'expression', formula: statusIs('按期办结'), fill: 'FFE7E6E6' },
        { type: 'expression', formula: statusIs('逾期办结'), fill: 'FFE7E6E6', fontColor: 'FFC00000' },
      ],
    },
  ],
  freeze: { row: 1, col: 1 },
  protect: true,
  landscape: true,
  // 40 visible columns: two A3 pages across keep the print at ~80 %, 编号 repeated on each.
  fitToWidth: 2,
  printTitleColumns: 'A:A',
};

// ---------------------------------------------------------------------------------------------
// 反馈记录, 科室人员, 日历, 设置
// ---------------------------------------------------------------------------------------------

export const RECORD_COLUMNS: readonly ColumnSpec[] = [
  input('编号', 13, { inputMessage: msg.编号 }),
  { header: '科室', kind: 'formula', width: 18, formula: recordSectionFormula, locked: true },
  input('类型', 10, { validation: list(RECORD_TYPES), inputMessage: msg.记录类型 }),
  dateInput('日期', msg.记录日期),
  input('内容', 40, { wrap: true }),
  input('审签人', 10),
  dateInput('审签日期', msg.反馈日),
  input('操作ID', 14),
];

export const PEOPLE_COLUMNS: readonly ColumnSpec[] = [
  input('科室', 26),
  input('科长', 10),
  input('分管副职', 10),
  input('备注', 30),
];

export const CALENDAR_COLUMNS: readonly ColumnSpec[] = [
  input('日期', 12, { numFmt: DATE_FORMAT }),
  input('工作日', 8, {
    numFmt: '0',
    validation: { type: 'whole', min: 0, max: 1, error: t.error.flag },
    inputMessage: msg.日历工作日,
  }),
  { header: '工作日序号', kind: 'formula', width: 11, numFmt: '0', formula: calendarIndexFormula, locked: true },
  input('说明', 34),
  { header: '下一工作日', kind: 'formula', width: 11, numFmt: DATE_FORMAT, formula: calendarNextWorkdayFormula, locked: true },
  { header: '第N个工作日', kind: 'formula', width: 11, numFmt: DATE_FORMAT, formula: calendarNthWorkdayFormula, locked: true },
];

export const LOG_COLUMNS: readonly ColumnSpec[] = [
  input('时间', 19, { numFmt: 'yyyy-mm-dd hh:mm:ss' }),
  input('操作人', 10),
  input('角色', 9),
  input('动作', 10),
  input('编号', 13),
  input('科室', 18),
  input('变更前', 30, { wrap: true }),
  input('变更后', 30, { wrap: true }),
  input('操作ID', 14),
];

const listColumns = (headers: readonly string[], widths: readonly number[]): ColumnSpec[] =>
  headers.map((h, i) =>
    input(h, widths[i] ?? 12, {
      ...(h.includes('日期') || h === '整改期限' ? { numFmt: DATE_FORMAT } : {}),
      ...((widths[i] ?? 0) >= 30 ? { wrap: true } : {}),
    }),
  );

const settingsSheet: SheetSpec = {
  name: '设置',
  purpose: t.purpose.设置,
  tabColor: 'FF7F7F7F',
  tables: [],
  blocks: [],
  cells: [
    { address: 'A1', value: '名称', style: 'heading' },
    { address: 'B1', value: '值', style: 'heading' },
    { address: 'C1', value: '说明', style: 'heading' },
  ],
  conditionalFormats: [],
  freeze: { row: 1, col: 0 },
  protect: true,
  widths: { A: 18, B: 16, C: 90 },
};
for (const row of SETTING_ROWS) {
  const r = settingRow(row.name);
  settingsSheet.cells.push(
    { address: `A${r}`, value: row.name, style: 'label' },
    {
      address: `B${r}`,
      style: row.locked ? undefined : 'input',
      locked: row.locked ?? false,
      numFmt: row.numFmt,
      validation: row.validation,
    },
    { address: `C${r}`, value: t.settings[row.name], style: 'note' },
  );
}

// ---------------------------------------------------------------------------------------------
// 月度考核: a block for one month (B2) and the long table 考核明细 (月份 × 科室)
// ---------------------------------------------------------------------------------------------

/** Sections shown in the 当月 block (rows of 科室人员 1…N). */
export const MONTHLY_BLOCK_ROWS = 20;
export const MONTHLY = {
  monthCell: 'B2',
  startCell: 'B3',
  endCell: 'D3',
  asOfCell: 'F3',
  asOfIndexCell: 'J3',
  headerRow: 5,
  firstRow: 6,
} as const;
const blockLast = MONTHLY.firstRow + MONTHLY_BLOCK_ROWS - 1;
export const MONTHLY_EXPLANATION_ROW = blockLast + 2;
export const DETAIL_HEADER_ROW = MONTHLY_EXPLANATION_ROW + t.monthly.explanation.length + 3;

const MONTHLY_HEADERS = [...MONTHLY_COUNTS, ...MONTHLY_SCORES] as const;
const monthlyWidth = (h: string) => (h.length >= 6 ? 11 : 9);
const monthlyNumFmt = (h: MonthlyCount | MonthlyScore) =>
  h === '评价得分率合计' || (MONTHLY_SCORES as readonly string[]).includes(h) ? (h === '排名' ? '0' : '0.00') : '0';

/** Block columns: A 序, B 科室, C… counts and scores. */
export const BLOCK_FIRST_VALUE_COL = 3;
const blockLetter = (h: MonthlyCount | MonthlyScore) =>
  columnLetter(BLOCK_FIRST_VALUE_COL + MONTHLY_HEADERS.indexOf(h));

/** B3 → $B$3 */
const abs = (address: string) => address.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');

const blockFormulas = monthlyFormulas({
  section: '$B{r}',
  start: abs(MONTHLY.startCell),
  end: abs(MONTHLY.endCell),
  asOf: abs(MONTHLY.asOfCell),
  asOfIndex: abs(MONTHLY.asOfIndexCell),
  own: (h) => `${blockLetter(h)}{r}`,
  emptyCount: '""',
  maxCarried: `MAX($${blockLetter('承办事项数')}$${MONTHLY.firstRow}:$${blockLetter('承办事项数')}$${blockLast})`,
  rank: (total) => `RANK(${total},$${blockLetter('总分')}$${MONTHLY.firstRow}:$${blockLetter('总分')}$${blockLast})`,
});

const monthlyBlock: BlockSpec = {
  headerRow: MONTHLY.headerRow,
  firstRow: MONTHLY.firstRow,
  rows: MONTHLY_BLOCK_ROWS,
  firstCol: 1,
  columns: [
    {
      header: '序',
      kind: 'input',
      width: 5,
      align: 'center',
      locked: true,
      values: Array.from({ length: MONTHLY_BLOCK_ROWS }, (_, i) => i + 1),
    },
    {
      header: '科室',
      kind: 'formula',
      width: 26,
      locked: true,
      formula: `IFERROR(INDEX(${col(PEOPLE, '科室')},$A{r})&"","")`,
    },
    ...MONTHLY_HEADERS.map(
      (h): ColumnSpec => ({
        header: h,
        kind: 'formula',
        width: monthlyWidth(h),
        numFmt: monthlyNumFmt(h),
        locked: true,
        formula: blockFormulas[h],
        align: 'center',
      }),
    ),
  ],
};

const D = (h: string) => thisRow(DETAIL, h);
const detailFormulas = monthlyFormulas({
  section: D('科室'),
  start: D('月初'),
  end: D('月末'),
  asOf: D('统计截止'),
  asOfIndex: D('截止日序号'),
  own: (h) => D(h),
  // numbers in every row: 月内最多 compares them
  emptyCount: '0',
  // The largest 承办事项数 of the month: the sum over the rows that have it (月内最多) divided by
  // their number. A MAX over an array product is evaluated row by row in Gnumeric.
  maxCarried: `(SUMIFS(${col(DETAIL, '承办事项数')},${col(DETAIL, '月初')},${D('月初')},${col(DETAIL, '月内最多')},1)/COUNTIFS(${col(DETAIL, '月初')},${D('月初')},${col(DETAIL, '月内最多')},1))`,
  rank: (total) => `COUNTIFS(${col(DETAIL, '月初')},${D('月初')},${col(DETAIL, '总分')},">"&${total})+1`,
});

/** 月度考核 helper columns of 考核明细 (hidden, at the end): the month window of the row. */
const DETAIL_HELPERS: ColumnSpec[] = [
  {
    header: '月初',
    kind: 'formula',
    width: 11,
    numFmt: DATE_FORMAT,
    locked: true,
    hidden: true,
    formula: `IF(ISNUMBER(${D('月份')}),DATE(YEAR(${D('月份')}),MONTH(${D('月份')}),1),"")`,
  },
  {
    header: '月末',
    kind: 'formula',
    width: 11,
    numFmt: DATE_FORMAT,
    locked: true,
    hidden: true,
    formula: `IF(ISNUMBER(${D('月初')}),EOMONTH(${D('月初')},0),"")`,
  },
  {
    header: '统计截止',
    kind: 'formula',
    width: 11,
    numFmt: DATE_FORMAT,
    locked: true,
    hidden: true,
    formula: `IF(ISNUMBER(${D('月末')}),MIN(${D('月末')},今天),"")`,
  },
  {
    header: '截止日序号',
    kind: 'formula',
    width: 9,
    numFmt: '0',
    locked: true,
    hidden: true,
    formula: `IF(ISNUMBER(${D('统计截止')}),IFERROR(${wdIndex(D('统计截止'))},${str(t.value.outOfCalendar)}),"")`,
  },
  {
    header: '月内最多',
    kind: 'formula',
    width: 9,
    numFmt: '0',
    locked: true,
    hidden: true,
    // 1 when no row of the same month carries more items (ties: every row with the maximum)
    formula: `IF(COUNTIFS(${col(DETAIL, '月初')},${D('月初')},${col(DETAIL, '承办事项数')},">"&${D('承办事项数')})=0,1,0)`,
  },
];

/** 考核明细: the same columns as the 当月 block (月份 in place of 序), so both share column widths. */
export const DETAIL_COLUMNS: readonly ColumnSpec[] = [
  input('月份', 12, { numFmt: MONTH_FORMAT, validation: dateValidation, inputMessage: msg.考核月份 }),
  input('科室', 26, {
    validation: { type: 'listRange', source: '科室人员!$A$2:$A$200', strict: false, error: t.error.section },
  }),
  ...MONTHLY_HEADERS.map(
    (h): ColumnSpec => ({
      header: h,
      kind: 'formula',
      width: monthlyWidth(h),
      numFmt: monthlyNumFmt(h),
      locked: true,
      formula: detailFormulas[h],
      align: 'center',
    }),
  ),
  ...DETAIL_HELPERS,
];

const m = t.monthly;
const startRef = MONTHLY.startCell;
const monthlySheet: SheetSpec = {
  name: '月度考核',
  purpose: t.purpose.月度考核,
  tabColor: 'FF548235',
  tables: [{ name: DETAIL, headerRow: DETAIL_HEADER_ROW, firstCol: 1, columns: [...DETAIL_COLUMNS], style: 'TableStyleLight11' }],
  blocks: [monthlyBlock],
  cells: [
    { address: 'A1', value: m.title, style: 'title', mergeTo: 'H1' },
    { address: 'A2', value: m.monthLabel, style: 'label' },
    {
      address: MONTHLY.monthCell,
      formula: 'DATE(YEAR(今天),MONTH(今天),1)',
      numFmt: MONTH_FORMAT,
      style: 'input',
      locked: false,
      validation: dateValidation,
      inputMessage: msg.考核月份,
    },
    { address: 'C2', value: m.monthHint, style: 'note', mergeTo: 'H2' },
    { address: 'A3', value: m.startLabel, style: 'label' },
    {
      address: startRef,
      formula: `IF(ISNUMBER(${MONTHLY.monthCell}),DATE(YEAR(${MONTHLY.monthCell}),MONTH(${MONTHLY.monthCell}),1),"")`,
      numFmt: DATE_FORMAT,
    },
    { address: 'C3', value: m.endLabel, style: 'label' },
    { address: MONTHLY.endCell, formula: `IF(ISNUMBER(${startRef}),EOMONTH(${startRef},0),"")`, numFmt: DATE_FORMAT },
    { address: 'E3', value: m.asOfLabel, style: 'label' },
    { address: MONTHLY.asOfCell, formula: `IF(ISNUMBER(${MONTHLY.endCell}),MIN(${MONTHLY.endCell},今天),"")`, numFmt: DATE_FORMAT },
    { address: 'G3', value: m.asOfIdxLabel, style: 'label', mergeTo: 'I3' },
    {
      address: MONTHLY.asOfIndexCell,
      formula: `IF(ISNUMBER(${MONTHLY.asOfCell}),IFERROR(${wdIndex(MONTHLY.asOfCell)},${str(t.value.outOfCalendar)}),"")`,
      numFmt: '0',
    },
    { address: `A${MONTHLY_EXPLANATION_ROW}`, value: m.explanationTitle, style: 'heading', mergeTo: `W${MONTHLY_EXPLANATION_ROW}` },
    ...m.explanation.map(
      (line, i): CellSpec => ({
        address: `A${MONTHLY_EXPLANATION_ROW + 1 + i}`,
        value: `${i + 1}. ${line}`,
        style: 'note',
        mergeTo: `W${MONTHLY_EXPLANATION_ROW + 1 + i}`,
      }),
    ),
    { address: `A${DETAIL_HEADER_ROW - 1}`, value: m.detailTitle, style: 'heading', mergeTo: `W${DETAIL_HEADER_ROW - 1}` },
  ],
  conditionalFormats: [
    {
      range: `${blockLetter('总分')}${MONTHLY.firstRow}:${blockLetter('总分')}${blockLast}`,
      rules: [{ type: 'colorScale', colors: ['FFF8696B', 'FFFFEB84', 'FF63BE7B'] }],
    },
    {
      range: (() => {
        const letter = columnLetter(DETAIL_COLUMNS.findIndex((c) => c.header === '总分') + 1);
        return `${letter}${DETAIL_HEADER_ROW + 1}:${letter}${LAST_ROW}`;
      })(),
      rules: [{ type: 'colorScale', colors: ['FFF8696B', 'FFFFEB84', 'FF63BE7B'] }],
    },
  ],
  freeze: { row: MONTHLY.headerRow, col: 2 },
  protect: true,
  landscape: true,
};

// ---------------------------------------------------------------------------------------------
// the workbook
// ---------------------------------------------------------------------------------------------

const simpleTableSheet = (
  name: (typeof LEDGER_SHEETS)[number],
  tableName: string,
  columns: readonly ColumnSpec[],
  protect: boolean,
  tabColor?: string,
): SheetSpec => ({
  name,
  purpose: t.purpose[name],
  tabColor,
  tables: [{ name: tableName, headerRow: 1, firstCol: 1, columns: [...columns], style: 'TableStyleLight9' }],
  blocks: [],
  cells: [],
  conditionalFormats: [],
  freeze: { row: 1, col: 0 },
  protect,
});

const reportSheet: SheetSpec = {
  name: '督查报告',
  purpose: t.purpose.督查报告,
  tables: [],
  blocks: [],
  cells: [
    { address: 'A1', value: '督查报告', style: 'title', mergeTo: 'F1' },
    { address: 'A2', value: '督查日期', style: 'label' },
    { address: 'B2', style: 'input', numFmt: DATE_FORMAT },
    { address: 'A3', value: '统计区间', style: 'label' },
    { address: 'B3', style: 'input', numFmt: DATE_FORMAT },
    { address: 'C3', value: '至', style: 'label' },
    { address: 'D3', style: 'input', numFmt: DATE_FORMAT },
    ...t.lists.reportSections.map((s, i): CellSpec => ({ address: `A${5 + i * 10}`, value: s, style: 'heading', mergeTo: `F${5 + i * 10}` })),
  ],
  conditionalFormats: [],
  protect: false,
  printAs: 'document',
  widths: { A: 16, B: 16, C: 16, D: 16, E: 16, F: 30 },
};

const SHEETS: SheetSpec[] = [
  ledgerSheet,
  simpleTableSheet('反馈记录', RECORDS, RECORD_COLUMNS, true, 'FF2E75B6'),
  simpleTableSheet('科室人员', PEOPLE, PEOPLE_COLUMNS, false, 'FFBF8F00'),
  simpleTableSheet('日历', CALENDAR, CALENDAR_COLUMNS, true, 'FF7F7F7F'),
  settingsSheet,
  monthlySheet,
  simpleTableSheet('问题清单', '问题清单', listColumns(t.lists.问题清单, [6, 13, 50, 18, 10, 11, 9, 6, 20]), false, 'FFC00000'),
  simpleTableSheet('不落实清单', '不落实清单', listColumns(t.lists.不落实清单, [6, 13, 18, 70, 22, 9, 6, 20]), false, 'FFC00000'),
  reportSheet,
  simpleTableSheet('操作日志', '操作日志', LOG_COLUMNS, false, 'FF7F7F7F'),
];

// Every formula of the schema in A1 form (formulas.ts `toA1`): the file holds no structured reference.
const LAYOUTS = new Map<string, TableLayout>();
for (const sheet of SHEETS) {
  for (const table of sheet.tables) {
    LAYOUTS.set(table.name, {
      sheet: sheet.name,
      headerRow: table.headerRow,
      letters: new Map(table.columns.map((c, i) => [c.header, columnLetter(table.firstCol + i)])),
    });
  }
}
// In place, so that LEDGER_COLUMNS, DETAIL_COLUMNS, … (the same objects) say what the file holds.
for (const sheet of SHEETS) {
  for (const table of sheet.tables) {
    for (const c of table.columns) {
      if (!c.formula) continue;
      const rowFree = toA1(c.formula, LAYOUTS, table.name, true);
      if (!/\{(r|prev|next)\}/.test(rowFree)) c.rowFreeFormula = rowFree;
      c.formula = toA1(c.formula, LAYOUTS, table.name);
    }
  }
  for (const block of sheet.blocks) for (const c of block.columns) if (c.formula) c.formula = toA1(c.formula, LAYOUTS, null);
  for (const c of sheet.cells) if (c.formula) c.formula = toA1(c.formula, LAYOUTS, null);
}

export const WORKBOOK_SCHEMA: WorkbookSchema = {
  version: SCHEMA_VERSION,
  sheets: SHEETS,
  names: SETTING_ROWS.filter((r) => !r.noName).map((r) => ({ name: r.name, ref: settingRef(r.name) })),
};

/** The sheet spec by name. */
export function sheetSpec(name: string): SheetSpec {
  const s = WORKBOOK_SCHEMA.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** Every formula of the schema with where it lives (tests scan them). */
export function allFormulas(): { where: string; formula: string }[] {
  const out: { where: string; formula: string }[] = [];
  for (const sheet of WORKBOOK_SCHEMA.sheets) {
    for (const table of sheet.tables) {
      for (const c of table.columns) if (c.formula) out.push({ where: `${sheet.name}!${table.name}[${c.header}]`, formula: c.formula });
    }
    for (const block of sheet.blocks) {
      for (const c of block.columns) if (c.formula) out.push({ where: `${sheet.name}!block[${c.header}]`, formula: c.formula });
    }
    for (const cell of sheet.cells) if (cell.formula) out.push({ where: `${sheet.name}!${cell.address}`, formula: cell.formula });
  }
  for (const row of SETTING_ROWS) {
    const v = row.value(defaultSettings());
    if (typeof v === 'object') out.push({ where: `设置!${row.name}`, formula: v.formula });
  }
  return out;
}

// re-exported for the writer and tests
export { CALENDAR, DETAIL, LEDGER, PEOPLE, RECORDS };

/**
 * Formula text of the ledger workbook, built from small pieces so that every rule of
 * docs/rules.md is written once. Everything here returns formula text WITHOUT the leading '='.
 *
 * Portability rules (docs/rules.md, “Workbook formulas”, says how each was measured):
 * - only IF, AND, OR, IFERROR, INDEX, MATCH(…,0), COUNTIFS, SUMIFS, SUMPRODUCT, DATE, YEAR,
 *   MONTH, DAY, EOMONTH, EDATE, MAX, MIN, ROUND, RANK, TEXT, ISNUMBER, LEN, N, NA (TODAY only as
 *   the default of 设置 今天);
 * - the pieces below are WRITTEN with structured references (`台账[[#This Row],[交办日期]]`,
 *   `台账[承办科室]`) because they read like the rules, but the file never holds one: `toA1`
 *   turns them into plain A1 references when the schema is built. Gnumeric parses no structured
 *   reference at all (and older WPS builds are unreliable with them), while `$M2` (this row's
 *   交办日期, `$M{r}` in the schema) and `台账!$G$2:$G$20001` compute in Excel, LibreOffice and
 *   Gnumeric alike; rows the add-in appends get the row-free `INDEX($M:$M,ROW())` (same values);
 * - whole-table columns become a bounded range (`COUNTED_ROWS`): Gnumeric walks every row of a
 *   whole-column range in COUNTIFS/SUMPRODUCT (10 s for 100 COUNTIFS), and neither Gnumeric nor
 *   dynamic `A2:INDEX(…)` ranges agree across engines;
 * - working days from the 日历 sheet (WORKDAY knows no 调休), looked up in constant time: 日历
 *   holds one row per consecutive date from 日历!A2, so date d sits on row d − A2 + 2 (`calAt`),
 *   and a date found there is checked against column A, so a date outside 日历 is #N/A;
 * - settings through workbook-scoped defined names (Chinese names work in Excel, LibreOffice and
 *   Gnumeric).
 */
import { workbook as t } from '../i18n/workbook';
import { SHEET } from './sheetNames';

/** 9999-12-31: stands for "no date" in the numeric helper columns (never happens, never ≤ a date). */
export const NEVER = 2958465;

export const OUT_OF_CALENDAR = t.value.outOfCalendar;
export const BAD_ASSIGNED = t.value.badAssigned;
export const UNKNOWN_ITEM = t.value.unknownItem;

/** Text constant in a formula. */
export const str = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** `表[[#This Row],[列]]` (source form; `toA1` writes it as `$X{r}`) */
export const thisRow = (table: string, column: string) => `${table}[[#This Row],[${column}]]`;
/** `表[列]` (source form of the data body of a column; `toA1` writes a bounded A1 range) */
export const col = (table: string, column: string) => `${table}[${column}]`;

export const LEDGER = SHEET.ledger;
export const RECORDS = SHEET.records;
export const PEOPLE = SHEET.people;
export const CALENDAR = SHEET.calendar;
export const DETAIL = SHEET.scoreDetail;

/**
 * Rows of 日历 that lookups read (about a century of dates from its first, 日历!A2): a bounded
 * range, as Gnumeric tracks a whole-column reference `日历!$A:$A` as a dependency on a million
 * rows (a 2,000-item ledger recalculated in 18 s instead of 32 s with the bound).
 */
export const CALENDAR_ROWS = 40_000;

/**
 * Rows of a table that whole-table formulas (COUNTIFS, SUMIFS, SUMPRODUCT, MATCH) look at: the
 * header row + 1 … header row + COUNTED_ROWS. Beyond that a row is not counted; 初始化台账 and the
 * template write the same bound (docs/rules.md "Workbook limits").
 */
export const COUNTED_ROWS: Record<string, number> = {
  [LEDGER]: 20_000,
  [RECORDS]: 50_000,
  [PEOPLE]: 199,
  [DETAIL]: 2_400,
};

/** Where a table sits, for `toA1`. */
export interface TableLayout {
  sheet: string;
  headerRow: number;
  /** column letter of each header */
  letters: ReadonlyMap<string, string>;
}

/**
 * A formula written with structured references, as plain A1 references: `T[c]` → `Sheet!$X$a:$X$b`
 * (the first COUNTED_ROWS rows of the table), and `T[[#This Row],[c]]` (only inside T's own table)
 * → `$X{r}` (`formulaForRow` puts the sheet row in), or with `rowFree` → `INDEX($X:$X,ROW())`.
 * Throws on a table or column that does not exist.
 *
 * Why two forms: `$X2` is what every spreadsheet reads fastest (Gnumeric recalculates a 5,000-item
 * ledger 3–4 times faster than with `INDEX($X:$X,ROW())`, which it treats as a dependency on the
 * whole column), and the template and 初始化台账 know every row they write. The add-in appends rows
 * below a table without knowing their sheet row (getRowsBelow, co-authoring), so it writes the
 * row-free form, which computes the same values (docs/rules.md "Workbook formulas").
 */
export function toA1(formula: string, tables: ReadonlyMap<string, TableLayout>, ownTable: string | null, rowFree = false): string {
  const letter = (table: string, column: string) => {
    const l = tables.get(table)?.letters.get(column);
    if (!l) throw new Error(`no column ${table}[${column}]`);
    return l;
  };
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/([\p{L}\p{N}_]+)\[\[#This Row\],\[([^\]]+)\]\]/gu, (_, table: string, column: string) => {
              if (table !== ownTable) throw new Error(`${table}[[#This Row]] outside its table`);
              const l = letter(table, column);
              return rowFree ? `INDEX($${l}:$${l},ROW())` : `$${l}{r}`;
            })
            .replace(/([\p{L}\p{N}_]+)\[([^[\]]+)\]/gu, (_, table: string, column: string) => {
              const l = letter(table, column);
              const layout = tables.get(table)!;
              const rows = COUNTED_ROWS[table];
              if (!rows) throw new Error(`no counted rows for ${table}`);
              return `${layout.sheet}!$${l}$${layout.headerRow + 1}:$${l}$${layout.headerRow + rows}`;
            }),
    )
    .join('');
}

/** A cell of the current 台账 row. */
export const L = (column: string) => thisRow(LEDGER, column);
/** A whole 台账 column. */
export const LC = (column: string) => col(LEDGER, column);

/**
 * 日历 columns, by letter (schema.test checks them against CALENDAR_COLUMNS): A 日期, B 工作日,
 * C 工作日序号, D 说明, E 下一工作日 (the first working day after the row's date), F 第N个工作日
 * (row r holds the (r−1)-th working day of 日历: the inverse of C), then G–J, hidden: the row's
 * date as 交办日期 → its 1天/3天应报日 and its 办结时限 of either kind (CALENDAR_DUE_COLUMNS).
 */
export const CALENDAR_LETTERS = {
  日期: 'A',
  工作日: 'B',
  工作日序号: 'C',
  说明: 'D',
  下一工作日: 'E',
  第N个工作日: 'F',
  研究部署应报日: 'G',
  初步落实应报日: 'H',
  一般事项办结日: 'I',
  重大复杂办结日: 'J',
} as const;
type CalendarColumn = keyof typeof CALENDAR_LETTERS;
const CAL_FIRST = `${CALENDAR}!$A$2`;
/** 日历 column c from the header row down, so that row k of the range is sheet row k (`own`: on 日历 itself). */
const calCol = (c: CalendarColumn, own = false) => `${own ? '' : `${CALENDAR}!`}$${CALENDAR_LETTERS[c]}$1:$${CALENDAR_LETTERS[c]}$${CALENDAR_ROWS + 1}`;
/**
 * 日历 row of date d (row 1, the header, for any date before the first: never equal to a date; a
 * row past the bound is #REF!, an error like a date outside 日历).
 */
const calRow = (d: string) => `MAX(1,${d}-${CAL_FIRST}+2)`;
/** Column c of date d's 日历 row, or #N/A when d is not on its row (outside 日历). Constant time. */
const calAt = (c: CalendarColumn, d: string) => `IF(INDEX(${calCol('日期')},${calRow(d)})=${d},INDEX(${calCol(c)},${calRow(d)}),NA())`;

/** 日历 C of date d: working days up to and including d (`wdIndex`). #N/A outside the calendar. */
export const wdIndex = (d: string) => calAt('工作日序号', d);
/** The date whose working-day index is k (the k-th working day); #VALUE! past the end of 日历 ("" + 0). */
const dateOfIndex = (k: string) => `(INDEX(${calCol('第N个工作日')},MAX(1,${k}+1))+0)`;

/**
 * 日历's per-date columns: on the row of date d, addDays(d, n) of docs/rules.md for each node
 * length n of 设置 (start is day 0): 自然日 d+n; 工作日 the n-th working day after d; 自然日顺延
 * d+n, moved to the next working day when it is not one. "" when 日历 does not say (past its end),
 * like 下一工作日 and 第N个工作日: a reader adds 0, which turns "" into #VALUE! (never a silent
 * wrong date: MIN would skip a text). 台账 reads them on 交办日期's row (`辅助日历行`), so each
 * deadline is one INDEX instead of two lookups and their checks per item.
 */
export const CALENDAR_DUE_COLUMNS = [
  { header: '研究部署应报日', days: '研究部署反馈天数' },
  { header: '初步落实应报日', days: '初步落实反馈天数' },
  { header: '一般事项办结日', days: '一般事项办结天数' },
  { header: '重大复杂办结日', days: '重大复杂办结天数' },
] as const satisfies readonly { header: CalendarColumn; days: string }[];

/**
 * addDays(own date, n) on a 日历 row, in one text for every row (ROW(), no `{r}`): 初始化台账
 * fills a column with one formula in one request, where 4 × 2,500 rows of their own text would
 * pass Excel on the web's 5 MB. The row's wdIndex is its own 工作日序号; d = date + n lies
 * n rows below on a row at its place, which are the only rows 台账 reads (辅助日历行 checks that
 * 交办日期 is on its own row), and is checked against 日期 there as everywhere. Typing a new year
 * below the table fills the column and extends it.
 */
export function calendarDueFormula(n: string): string {
  const own = (c: CalendarColumn) => `INDEX(${calCol(c, true)},ROW())`;
  const at = (c: CalendarColumn) => `INDEX(${calCol(c, true)},ROW()+${n})`;
  const d = `${own('日期')}+${n}`;
  return (
    `IF(计时方式="工作日",IF(${n}<=0,${own('日期')},IFERROR(INDEX(${calCol('第N个工作日', true)},${own('工作日序号')}+${n}+1),"")),` +
    `IF(计时方式="自然日",${d},IFERROR(IF(${at('日期')}=${d},IF(${at('工作日')}=1,${d},${at('下一工作日')}),""),"")))`
  );
}

/** overdueDays(due, d) of docs/rules.md (设置 逾期天数计法): days after `due` up to and including d. */
export function overdueDays(due: string, d: string): string {
  return `IF(${d}<=${due},0,IF(逾期天数计法="工作日",${wdIndex(d)}-${wdIndex(due)},${d}-${due}))`;
}

/**
 * The first date D with overdueDays(x, D) ≥ n (x a date, n a number): overdueDays grows with D,
 * so "overdue by at least n at D" is "D ≥ this date", which a COUNTIFS or a plain comparison can
 * test. n ≤ 0: x itself (always true from x on). 工作日: the n-th working day after x (the day
 * wdIndex reaches wdIndex(x) + n); x before 日历: counted in calendar days (no 日历 row says
 * otherwise); past the end of 日历: NEVER.
 */
export function overdueFrom(x: string, n: string): string {
  return `IF(${n}<=0,${x},IF(逾期天数计法="工作日",` + `IF(${x}<${CAL_FIRST},${x}+${n},IFERROR(${dateOfIndex(`${wdIndex(x)}+${n}`)},${NEVER})),${x}+${n}))`;
}

/** The value of a numeric helper: the date itself, or NEVER when the cell holds no date. */
const orNever = (x: string) => `IF(ISNUMBER(${x}),${x},${NEVER})`;

// ---------------------------------------------------------------------------------------------
// 台账: computed columns of one row
// ---------------------------------------------------------------------------------------------

const A = L('交办日期');
const KIND = L('事项类型');
const DL = L('办结时限');
const D1 = L('1天应报日');
const D3 = L('3天应报日');
const R1 = L('1天反馈日');
const R3 = L('3天反馈日');
const RF = L('落实完成日');
const X = L('销号日期');
const EXT = L('延期完成时限');
const LEVEL = L('交办层级');

/** Another helper column of the same row. */
const H1 = (helper: string) => L(helper);

const finalDays = `IF(${KIND}="重大复杂",重大复杂办结天数,一般事项办结天数)`;

/** 日历 column c on 交办日期's row (辅助日历行): a date, "" past the end of 日历, or the header's text. */
const onAssignedRow = (c: CalendarColumn) => `INDEX(${calCol(c)},${H1('辅助日历行')})`;
/**
 * addDays(交办日期, n): 自然日 plain arithmetic (so a 交办日期 outside 日历 still has dates), else
 * 日历's per-date column c on 交办日期's row, + 0 so that "" or a header (日历 does not say) is an
 * error, which the caller shows as 超出日历.
 */
const dueAfter = (c: CalendarColumn, n: string) => `IF(计时方式="自然日",${A}+${n},${onAssignedRow(c)}+0)`;

const OVERDUE_DUE = H1('辅助逾期应办日');
const OVERDUE_END = H1('辅助逾期截止日');

/** 科室人员 field of this row's 承办科室 ("" when the section is not listed). */
const person = (field: '科长' | '分管副职') => `IFERROR(INDEX(${col(PEOPLE, field)},MATCH(${L('承办科室')},${col(PEOPLE, '科室')},0))&"","")`;

/**
 * 不落实 without a SUMPRODUCT. For one item, "on the 不落实 list at D" (docs/rules.md, with the
 * threshold dates of the helpers above) is
 *   P(D) = 交办 ≤ D < 销号 AND (起 ≤ D OR 逾期起 ≤ D < 落实完成日 OR missed(D) ≥ 不落实漏报次数
 *          OR (催办起 ≤ D AND missed(D) ≥ 1)),
 * missed(D) = Σ nodes [应报日 < D < 反馈日]. P changes only at the 11 dates below (a "step"), so
 * P(D) = Σ over the steps s ≤ D of (P(s) − P(s − 1)), counting a date shared by several steps
 * once. Each step's change is a helper column (−1, 0, 1), and 考核明细 counts the items on the list
 * at D as Σ SUMIFS(change, 承办科室, s, step date, "<=" D): 11 SUMIFS over two columns each,
 * where one SUMPRODUCT over every row cost Gnumeric 10 s even for a blank ledger.
 */
export const NONIMPL_STEPS = [
  { header: '辅助增减交办日', column: '辅助交办日', plus1: false },
  { header: '辅助增减销号日', column: '辅助销号日', plus1: false },
  { header: '辅助增减不落实起', column: '辅助不落实起', plus1: false },
  { header: '辅助增减逾期起', column: '辅助逾期起', plus1: false },
  { header: '辅助增减落实完成日', column: '辅助落实完成日', plus1: false },
  { header: '辅助增减1天应报日', column: '辅助1天应报日', plus1: true },
  { header: '辅助增减1天反馈日', column: '辅助1天反馈日', plus1: false },
  { header: '辅助增减3天应报日', column: '辅助3天应报日', plus1: true },
  { header: '辅助增减3天反馈日', column: '辅助3天反馈日', plus1: false },
  { header: '辅助增减办结时限', column: '辅助办结时限', plus1: true },
  { header: '辅助增减催办起', column: '辅助催办起', plus1: false },
] as const;
export type NonImplStep = (typeof NONIMPL_STEPS)[number]['header'];

/** A test of P known without looking at the row (true / false), or its text. */
type Test = boolean | string;
/** A comparison `helper op y` of P, y the date P is taken at (the comparator chooses y or knows the answer). */
type Compare = (helper: string, op: '<=' | '>' | '<') => Test;
/** P as AND(all, OR(any)), the tests known to be true left out; false when known false; any: true when known true. */
type Shape = false | { all: string[]; any: string[] | true };

const allOf = (tests: Test[]): Test => {
  if (tests.includes(false)) return false;
  const left = tests.filter((t): t is string => t !== true);
  return left.length === 0 ? true : left.length === 1 ? left[0] : `AND(${left.join(',')})`;
};
/** OR of tests (at least one), a lone test as it is. */
const or = (tests: readonly string[]) => (tests.length === 1 ? tests[0] : `OR(${tests.join(',')})`);
/** AND of tests, a lone test as it is; "" for none. */
const and = (tests: readonly string[]) => (tests.length === 0 ? '' : tests.length === 1 ? tests[0] : `AND(${tests.join(',')})`);
/** A test as a term of a difference or product: a function call stands alone, a comparison in parentheses. */
const asTerm = (t: string) => (/^(AND|OR)\(.*\)$/.test(t) && balancedCall(t) ? t : `(${t})`);
/** Whether `f(…)` is one call (its first parenthesis closes at the end), not `f(…)+g(…)`. */
function balancedCall(t: string): boolean {
  let depth = 0;
  for (let i = t.indexOf('('); i < t.length; i++) {
    if (t[i] === '(') depth++;
    else if (t[i] === ')' && --depth === 0) return i === t.length - 1;
  }
  return false;
}
/** "not t": `t=FALSE` (NOT is not among the functions every engine shares as we use them). */
const none = (tests: readonly string[]) => `${asTerm(or(tests))}=FALSE`;

/**
 * P of the item of this row (docs/rules.md; the helpers above), each comparison of a helper with
 * the date as `cmp` writes it: a known answer drops the comparison and every term it decides.
 */
function onList(cmp: Compare): Shape {
  // missed = Σ nodes [应报日 < y < 反馈日]: terms known to be 0 dropped, known factors of 1 too
  const nodes: [string, string][] = [
    ['辅助1天应报日', '辅助1天反馈日'],
    ['辅助3天应报日', '辅助3天反馈日'],
    ['辅助办结时限', '辅助落实完成日'],
  ];
  let known = 0;
  const terms: string[] = [];
  for (const [due, report] of nodes) {
    const factors = [cmp(due, '<'), cmp(report, '>')];
    if (factors.includes(false)) continue;
    const left = factors.filter((f): f is string => f !== true);
    if (left.length === 0) known += 1;
    // a lone comparison is a boolean: ×1, as TRUE ≥ 2 holds in Excel (a logical is above every number)
    else terms.push(left.length === 1 ? `(${left[0]})*1` : left.map((f) => `(${f})`).join('*'));
  }
  const missed = [...(known > 0 ? [String(known)] : []), ...terms].join('+') || '0';
  // rules b and d in one test: missed ≥ 不落实漏报次数, or ≥ 1 once 催办起 ≤ y (MIN: a setting of 0).
  // With 催办起 unknown, MIN(不落实漏报次数, 1 or 4) says the same with the name once: missed is at
  // most 3, so a setting above 4 and 4 both fail.
  const urged = cmp('辅助催办起', '<=');
  const need = urged === true ? 'MIN(1,不落实漏报次数)' : urged === false ? '不落实漏报次数' : `MIN(不落实漏报次数,IF(${urged},1,4))`;
  const all = [cmp('辅助交办日', '<='), cmp('辅助销号日', '>')];
  const any = [cmp('辅助不落实起', '<='), allOf([cmp('辅助逾期起', '<='), cmp('辅助落实完成日', '>')]), `${missed}>=${need}`];
  if (all.includes(false) || any.every((t) => t === false)) return false;
  return {
    all: all.filter((t): t is string => t !== true),
    any: any.includes(true) ? true : any.filter((t): t is string => t !== false),
  };
}

/**
 * after − before as a number (SUMIFS adds numbers only, never TRUE). The two are taken at the same
 * date but for one step's own comparisons, so they share their AND part (交办 ≤ y < 销号 is a step's
 * own only at 交办 and 销号, where one side is false) and most of their OR: with c the common
 * tests, after − before = AND(all, NOT OR(c)) × (OR(after's others) − OR(before's others)).
 */
function change(after: Shape, before: Shape): string {
  const plus = (t: Test) => (t === false ? '0' : t === true ? '1' : `${asTerm(t)}*1`);
  const minus = (t: Test) => (t === false ? '0' : t === true ? '-1' : `-${asTerm(t)}`);
  const whole = (p: Shape): Test => (p === false ? false : p.any === true ? (p.all.length > 0 ? and(p.all) : true) : and([...p.all, or(p.any)]));
  if (before === false || after === false) return before === false ? plus(whole(after)) : minus(whole(before));
  if (after.all.join() !== before.all.join()) throw new Error('a step changes 交办 ≤ y < 销号 on both sides');
  if (after.any === true && before.any === true) return '0';
  const common = after.any === true || before.any === true ? [] : after.any.filter((t) => (before.any as string[]).includes(t));
  const scope = [...after.all, ...(common.length > 0 ? [none(common)] : [])];
  const only = (t: Test) => (t === true ? (scope.length > 0 ? and(scope) : true) : and([...scope, t as string]));
  // OR(gained) − OR(lost) within scope; true is a known 1, [] a known 0
  const gained: Test = after.any === true ? true : after.any.length > common.length ? or(after.any.filter((t) => !common.includes(t))) : false;
  const lost: Test = before.any === true ? true : before.any.length > common.length ? or(before.any.filter((t) => !common.includes(t))) : false;
  if (lost === false) return plus(gained === false ? false : only(gained));
  if (gained === false) return minus(only(lost));
  if (gained === true) return plus(and([...scope, none([lost as string])]));
  if (lost === true) return minus(and([...scope, none([gained])]));
  const diff = `(${asTerm(gained)}-${asTerm(lost)})`;
  return scope.length > 0 ? `${asTerm(and(scope))}*${diff}` : diff;
}

/**
 * The 11 step columns, without comparing a step's date with the others'. P(x) − P(x − 1) at a
 * date x is split over the steps, in NONIMPL_STEPS order: step k holds P with steps < k taken at x,
 * steps > k at x − 1, minus the same with its own comparisons at x − 1 instead of x. A step's
 * comparisons give the same at x and x − 1 unless x is its date (integer dates: h ≤ x vs h ≤ x − 1
 * differ only for h = x; h < x vs h < x − 1 only for h + 1 = x, a +1 step), so the steps of one
 * date telescope to P(x) − P(x − 1) — the date counts once — and the others add 0. Each step is
 * evaluated at its own date, where its own comparisons are known (h ≤ h, not h > h; h < h + 1 for
 * a +1 step; the reverse at x − 1), so each column holds only what can change there. x − 1 of a
 * +1 step is its helper itself. Dates carry no parentheses: they only ever stand beside a
 * comparison, which binds looser than + and −. No guard for an item never 交办: its 交办 is NEVER,
 * and P needs 交办 ≤ y < 销号 ≤ NEVER, so every change is 0 anyway.
 */
function nonImplementationSteps(): Record<NonImplStep, string> {
  const order = new Map<string, number>(NONIMPL_STEPS.map((s, i) => [s.column, i]));
  const out = {} as Record<NonImplStep, string>;
  NONIMPL_STEPS.forEach((step, k) => {
    const h = H1(step.column);
    const x = step.plus1 ? `${h}+1` : h;
    const xBefore = step.plus1 ? h : `${h}-1`;
    const taken =
      (own: boolean): Compare =>
      (helper, op) => {
        const j = order.get(helper)!;
        if (j !== k) return `${H1(helper)}${op}${j < k ? x : xBefore}`;
        // its own comparisons h op y, known from e = y − h: 0 at x, −1 at x − 1 (1 and 0 for a +1 step)
        const e = (own ? 0 : -1) + (step.plus1 ? 1 : 0);
        return op === '<=' ? e >= 0 : op === '>' ? e < 0 : e > 0;
      };
    out[step.header] = change(onList(taken(true)), onList(taken(false)));
  });
  return out;
}

const UNIVERSITY = str('校党委、行政交办');
const CENTRE = str('中心党总支、中心交办');
const OTHER = str('台账其他任务');

export const ledgerFormulas = {
  第一责任人: `IF(${LEVEL}=${UNIVERSITY},中心主任&"",IF(${LEVEL}=${CENTRE},${person('分管副职')},IF(${LEVEL}=${OTHER},${person('科长')},"")))`,
  分管责任人: `IF(${LEVEL}=${UNIVERSITY},${person('分管副职')},"")`,
  直接责任人: `IF(OR(${LEVEL}=${UNIVERSITY},${LEVEL}=${CENTRE}),${person('科长')},IF(${LEVEL}=${OTHER},${person('分管副职')},""))`,

  /** 办结时限 = 延期完成时限, else 完成时限, else 交办日期 + 7/30 (计时方式). */
  办结时限:
    `IF(${A}="","",IF(ISNUMBER(${A}),` +
    `IF(ISNUMBER(${EXT}),${EXT},IF(ISNUMBER(${L('完成时限')}),${L('完成时限')},` +
    `IFERROR(IF(计时方式="自然日",${A}+${finalDays},IF(${KIND}="重大复杂",${onAssignedRow('重大复杂办结日')},${onAssignedRow('一般事项办结日')})+0),` +
    `${str(OUT_OF_CALENDAR)}))),${str(BAD_ASSIGNED)}))`,
  /** MIN(交办日期 + 1, 办结时限); the 办结时限 text ("" / 超出日历 / 交办日期有误) when it is not a date. */
  '1天应报日': `IF(ISNUMBER(${DL}),IFERROR(MIN(${dueAfter('研究部署应报日', '研究部署反馈天数')},${DL}),${str(OUT_OF_CALENDAR)}),${DL})`,
  '3天应报日': `IF(ISNUMBER(${DL}),IFERROR(MIN(${dueAfter('初步落实应报日', '初步落实反馈天数')},${DL}),${str(OUT_OF_CALENDAR)}),${DL})`,
  /** 落实反馈日, else 申请办结日. */
  落实完成日: `IF(ISNUMBER(${L('落实反馈日')}),${L('落实反馈日')},IF(ISNUMBER(${L('申请办结日')}),${L('申请办结日')},""))`,

  /**
   * 辅助逾期应办日 is a number exactly when the three due dates are: then closed → 按期/逾期办结;
   * past it (the extension, or the earliest open node) → 逾期; extended → 延期; an open node due
   * within its 临近 days → 临近 (it is not past: 今天 ≤ the earliest open due date, so due − 今天 ≥ 0).
   */
  预警状态:
    `IF(${A}="",IF(${L('编号')}="","","未交办"),` +
    `IF(ISNUMBER(${OVERDUE_DUE}),` +
    `IF(ISNUMBER(${X}),IF(AND(ISNUMBER(${RF}),${RF}<=${DL}),"按期办结","逾期办结"),` +
    `IF(今天>${OVERDUE_DUE},"逾期",IF(ISNUMBER(${EXT}),"延期",` +
    `IF(OR(AND(${R1}="",${D1}-今天<=研究部署临近天数),` +
    `AND(${R3}="",${D3}-今天<=初步落实临近天数),` +
    `AND(${RF}="",${DL}-今天<=IF(${KIND}="重大复杂",重大复杂临近天数,一般事项临近天数))),"临近","正常")))),` +
    `IF(ISNUMBER(${DL}),${str(OUT_OF_CALENDAR)},${DL})))`,

  /**
   * 未交办 (编号, no 交办日期): 0, as 预警状态 says 未交办 (docs/rules.md); an empty row: empty.
   * Otherwise overdueDays(辅助逾期应办日, 辅助逾期截止日): the helpers pick the one pair of dates.
   */
  逾期天数:
    `IF(${A}="",IF(${L('编号')}="","",0),IF(ISNUMBER(${OVERDUE_DUE}),` +
    `IFERROR(${overdueDays(OVERDUE_DUE, OVERDUE_END)},${str(OUT_OF_CALENDAR)}),IF(ISNUMBER(${DL}),${str(OUT_OF_CALENDAR)},${DL})))`,

  // Numeric helpers for the 月度考核 formulas: dates, or NEVER (9999-12-31) when absent, and
  // per-row flags and threshold dates, so that 考核明细 counts with COUNTIFS over them and its one
  // SUMPRODUCT (不落实) compares columns only, with no lookups and no arithmetic per item.
  辅助交办日: orNever(A),
  辅助销号日: orNever(X),
  辅助办结时限: orNever(DL),
  辅助落实完成日: orNever(RF),
  辅助1天应报日: orNever(D1),
  辅助3天应报日: orNever(D3),
  辅助1天反馈日: orNever(R1),
  辅助3天反馈日: orNever(R3),
  /** 1 when the node's report came on or before its due date (反馈实效 按时). */
  辅助1天按时: `IF(${H1('辅助1天反馈日')}<=${H1('辅助1天应报日')},1,0)`,
  辅助3天按时: `IF(${H1('辅助3天反馈日')}<=${H1('辅助3天应报日')},1,0)`,
  辅助办结按时: `IF(${H1('辅助落实完成日')}<=${H1('辅助办结时限')},1,0)`,
  /** 不落实 rule a holds at D ≥ this date (and D < 落实完成日): overdue more than 不落实逾期天数. */
  辅助逾期起: `IF(${H1('辅助办结时限')}<${NEVER},MAX(${H1('辅助办结时限')}+1,${overdueFrom(H1('辅助办结时限'), '(不落实逾期天数+1)')}),${NEVER})`,
  /** 不落实 rule d holds at D ≥ this date while a node is missed: 催办 at least 催办后仍逾期天数 ago. */
  辅助催办起: `IF(ISNUMBER(${L('最近催办日')}),MAX(${L('最近催办日')},${overdueFrom(L('最近催办日'), '催办后仍逾期天数')}),${NEVER})`,
  /** 不落实 rules c and e hold at D ≥ this date: 0 when 退回次数 reaches the setting, else the earlier 认定日. */
  辅助不落实起:
    // (not N(): Gnumeric gives #NUM! for N() of an empty cell reached through INDEX)
    `IF(IF(ISNUMBER(${L('退回次数')}),${L('退回次数')},0)>=不落实退回次数,0,MIN(${orNever(L('敷衍推诿认定日'))},${orNever(L('弄虚作假认定日'))}))`,
  ...nonImplementationSteps(),
  评价得分率:
    `IF(${L('评价等级')}="优秀",得分率优秀,IF(${L('评价等级')}="良好",得分率良好,` +
    `IF(${L('评价等级')}="合格",得分率合格,IF(${L('评价等级')}="不合格",得分率不合格,""))))`,

  // Helpers of the 台账 columns themselves, appended after 佐证材料 (so 初始化台账 adds them to an
  // older ledger without moving a column).
  /** The 日历 row of 交办日期, or 1 (日历's header row: text, so reading a date there is #VALUE!) when 日历 does not hold it. */
  辅助日历行: `IFERROR(IF(INDEX(${calCol('日期')},${calRow(A)})=${A},${A}-${CAL_FIRST}+2,1),1)`,
  /**
   * The due date 逾期天数 counts from, once the three due dates are dates ("" before): closed or
   * extended, 办结时限 (= 延期完成时限 when extended); open, the earliest due date of an open node
   * (overdueDays(due, 今天) shrinks as due grows, so the largest overdue of the open nodes is the
   * earliest one's); NEVER when no node is open (never overdue).
   */
  辅助逾期应办日:
    `IF(AND(ISNUMBER(${D1}),ISNUMBER(${D3})),IF(OR(ISNUMBER(${X}),ISNUMBER(${EXT})),${DL},` +
    `MIN(IF(${R1}="",${D1},${NEVER}),IF(${R3}="",${D3},${NEVER}),IF(${RF}="",${DL},${NEVER}))),"")`,
  /** The date 逾期天数 counts to: closed, 落实完成日 (else 销号日期); otherwise 今天. */
  辅助逾期截止日: `IF(ISNUMBER(${X}),IF(ISNUMBER(${RF}),${RF},${X}),今天)`,
} as const;

export type LedgerFormulaColumn = keyof typeof ledgerFormulas;

/** 反馈记录 科室: the 承办科室 of the item with this 编号. */
export const recordSectionFormula = `IF(${thisRow(RECORDS, '编号')}="","",IFERROR(INDEX(${LC('承办科室')},MATCH(${thisRow(RECORDS, '编号')},${LC('编号')},0))&"",${str(UNKNOWN_ITEM)}))`;

/**
 * 日历 工作日序号 = previous row's 工作日序号 + this row's 工作日 (the running count of docs/rules.md).
 * `{prev}` is the row above (the header row for the first date: N(header) = 0). A running sum is
 * linear; SUMIFS over all earlier dates would not depend on row order but costs O(n²).
 */
export const calendarIndexFormula = 'N($C{prev})+$B{r}';

/**
 * 日历 下一工作日: the first working day after this row's date, from the row below (`{next}`), so
 * the column is filled bottom-up in linear time; "" when 日历 has none (its last rows). Typing a
 * new year below the table extends it: the old last row now sees the new rows.
 */
export const calendarNextWorkdayFormula = 'IF($A{next}="","",IF($B{next}=1,$A{next},$E{next}))';

/**
 * 日历 第N个工作日: row r holds the (r−1)-th working day of 日历 (the inverse of 工作日序号, for
 * "the n-th working day after a date" in constant time): the first working day on row 2, then the
 * next working day after the row above's; "" once 日历 has no more.
 */
export const calendarNthWorkdayFormula =
  `IF(ISNUMBER($F{prev}),IFERROR(INDEX($E$1:$E$${CALENDAR_ROWS + 1},$F{prev}-$A$2+2)+0,""),` + 'IF($F{prev}="","",IFERROR(IF($B$2=1,$A$2,$E$2+0),"")))';

// ---------------------------------------------------------------------------------------------
// 月度考核: the scores of one section in one month (docs/rules.md "月度考核")
// ---------------------------------------------------------------------------------------------

export const MONTHLY_COUNTS = [
  '承办事项数',
  '应报节点数',
  '按时反馈数',
  '在办事项数',
  '未逾期在办数',
  '已评价办结数',
  '评价得分率合计',
  '应办结数',
  '按期办结数',
  '不落实件数',
  '本月退回次数',
  '漏报次数',
  '弄虚作假件数',
] as const;
export const MONTHLY_SCORES = ['任务总量', '反馈实效', '落实进度', '落实效果', '办结情况', '扣分', '总分', '排名'] as const;
export type MonthlyCount = (typeof MONTHLY_COUNTS)[number];
export type MonthlyScore = (typeof MONTHLY_SCORES)[number];

/** Where a monthly formula finds its inputs (cell references or structured references). */
export interface MonthlyRefs {
  /** 科室 of the row */
  section: string;
  /** first day of the month */
  start: string;
  /** last day of the month */
  end: string;
  /** MIN(end, 今天) */
  asOf: string;
  /** 日历 index of asOf (number, or the text 超出日历) */
  asOfIndex: string;
  /** another column of the same row */
  own: (header: MonthlyCount | MonthlyScore) => string;
  /** the largest 承办事项数 among the sections of the same month */
  maxCarried: string;
  /** the rank of this row's 总分 among the sections of the same month (given the 总分 reference) */
  rank: (total: string) => string;
  /** what a count shows in a row without a section or for a month after 今天: '0' or '""' */
  emptyCount: string;
}

const SEC = LC('承办科室');
const H = (name: string) => LC(name);

export function monthlyFormulas(r: MonthlyRefs): Record<MonthlyCount | MonthlyScore, string> {
  const valid = `AND(${r.section}<>"",ISNUMBER(${r.start}),${r.start}<=今天)`;
  const count = (f: string) => `IF(${valid},${f},${r.emptyCount})`;
  const score = (f: string) => `IF(${valid},${f},"")`;
  const s = r.section;
  const ms = r.start;
  const me = r.end;
  const asOf = r.asOf;
  const crit = (op: string, v: string) => `"${op}"&${v}`;
  /**
   * COUNTIFS / SUMIFS over s's items, the section test last. Every engine gives the same count
   * in any order, but Gnumeric tests the criteria of a row in the order written, stops at the
   * first that fails, and matches a text criterion through a regular expression: with the
   * section first it ran a regular expression on every row for every count (10,000 items, two
   * interleaved runs each: 54–57 s CPU to open, recalculate and save, 50 s with the section last,
   * 47–48 s with 不落实件数's "<>0" below; docs/rules.md "Workbook formulas").
   */
  const countOf = (...tests: string[]) => `COUNTIFS(${[...tests, SEC, s].join(',')})`;
  const sumOf = (summed: string, ...tests: string[]) => `SUMIFS(${[summed, ...tests, SEC, s].join(',')})`;

  /** nodes of s's items falling in M: ms ≤ due ≤ me and due < 今天 (and, with `onTime`, reported by then) */
  const nodeDue = (due: string, onTime?: string) =>
    countOf(H(due), crit('>=', ms), H(due), crit('<=', me), H(due), crit('<', '今天'), ...(onTime ? [H(onTime), '1'] : []));

  // 不落实典型事项 at D = asOf (docs/rules.md): the sum of the per-row changes of every step on or
  // before D (see NONIMPL_STEPS); a step "应报日 + 1 ≤ D" is "应报日 < D".
  const D = asOf;
  // "<>0" first: most rows change nothing at a given step, so Gnumeric leaves them after one test
  const nonImpl = NONIMPL_STEPS.map((step) => sumOf(H(step.header), H(step.header), '"<>0"', H(step.column), crit(step.plus1 ? '<' : '<=', D))).join('+');

  const o = r.own;
  const ratio = (w: string, num: string, den: string) => `ROUND(IF(${den}=0,${w},${w}*${num}/${den}),2)`;

  return {
    // 交办 by asOf and not 销号 before the month (辅助销号日 is a date or NEVER, never blank)
    承办事项数: count(countOf(H('辅助交办日'), crit('<=', asOf), H('辅助销号日'), crit('>=', ms))),
    应报节点数: count(`${nodeDue('辅助1天应报日')}+${nodeDue('辅助3天应报日')}+${o('应办结数')}`),
    按时反馈数: count(`${nodeDue('辅助1天应报日', '辅助1天按时')}+${nodeDue('辅助3天应报日', '辅助3天按时')}+${o('按期办结数')}`),
    在办事项数: count(countOf(H('辅助交办日'), crit('<=', asOf), H('辅助落实完成日'), crit('>', asOf))),
    未逾期在办数: count(countOf(H('辅助交办日'), crit('<=', asOf), H('辅助落实完成日'), crit('>', asOf), H('辅助办结时限'), crit('>=', asOf))),
    已评价办结数: count(countOf(H('辅助销号日'), crit('>=', ms), H('辅助销号日'), crit('<=', me), H('评价得分率'), '">=0"')),
    评价得分率合计: count(sumOf(H('评价得分率'), H('辅助销号日'), crit('>=', ms), H('辅助销号日'), crit('<=', me))),
    应办结数: count(nodeDue('辅助办结时限')),
    按期办结数: count(nodeDue('辅助办结时限', '辅助办结按时')),
    不落实件数: `IF(AND(${valid},逾期天数计法="工作日",ISNUMBER(${r.asOfIndex})=FALSE),${str(OUT_OF_CALENDAR)},${count(nonImpl)})`,
    // the dates first, the two text tests last (see countOf)
    本月退回次数: count(
      `COUNTIFS(${col(RECORDS, '日期')},${crit('>=', ms)},${col(RECORDS, '日期')},${crit('<=', asOf)},${col(RECORDS, '类型')},"退回",${col(RECORDS, '科室')},${s})`,
    ),
    漏报次数: count(`${o('应报节点数')}-${o('按时反馈数')}`),
    弄虚作假件数: count(countOf(LC('弄虚作假认定日'), crit('>=', ms), LC('弄虚作假认定日'), crit('<=', asOf))),

    任务总量: score(ratio('权重任务总量', o('承办事项数'), r.maxCarried)),
    反馈实效: score(ratio('权重反馈实效', o('按时反馈数'), o('应报节点数'))),
    落实进度: score(ratio('权重落实进度', o('未逾期在办数'), o('在办事项数'))),
    落实效果: score(`ROUND(IF(${o('已评价办结数')}=0,权重落实效果,权重落实效果*(${o('评价得分率合计')}/${o('已评价办结数')})/100),2)`),
    办结情况: score(ratio('权重办结情况', o('按期办结数'), o('应办结数'))),
    扣分: score(
      `IF(ISNUMBER(${o('不落实件数')}),${o('不落实件数')}*扣分不落实+${o('本月退回次数')}*扣分退回+${o('漏报次数')}*扣分漏报+${o('弄虚作假件数')}*扣分弄虚作假,${str(OUT_OF_CALENDAR)})`,
    ),
    // 扣分上限: the points taken off never exceed the cap, so sections with many items keep apart.
    总分: score(
      `IF(ISNUMBER(${o('扣分')}),MAX(0,ROUND(${o('任务总量')}+${o('反馈实效')}+${o('落实进度')}+${o('落实效果')}+${o('办结情况')}-MIN(${o('扣分')},扣分上限),2)),${str(OUT_OF_CALENDAR)})`,
    ),
    排名: `IF(ISNUMBER(${o('总分')}),${r.rank(o('总分'))},"")`,
  };
}

/** Function names a workbook formula may use (TODAY only in 设置 今天). */
export const ALLOWED_FUNCTIONS = [
  'IF',
  'AND',
  'OR',
  'IFERROR',
  'INDEX',
  'MATCH',
  'COUNTIFS',
  'SUMIFS',
  'SUMPRODUCT',
  'DATE',
  'YEAR',
  'MONTH',
  'DAY',
  'EOMONTH',
  'EDATE',
  'MAX',
  'MIN',
  'ROUND',
  'RANK',
  'TEXT',
  'ISNUMBER',
  'LEN',
  'N',
  'NA',
  'ROW',
] as const;

/** Names of the functions called in a formula (identifiers followed by '('), outside strings. */
export function functionsIn(formula: string): string[] {
  const noStrings = formula.replace(/"(?:[^"]|"")*"/g, '""');
  const out: string[] = [];
  for (const m of noStrings.matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\s*\(/g)) out.push(m[1].toUpperCase());
  return out;
}

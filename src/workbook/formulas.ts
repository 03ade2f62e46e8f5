/**
 * Formula text of the ledger workbook, built from small pieces so that every rule of
 * docs/rules.md is written once. Everything here returns formula text WITHOUT the leading '='.
 *
 * Portability rules (see shared/notes/workbook-formulas.md):
 * - only IF, AND, OR, IFERROR, INDEX, MATCH(…,0), COUNTIFS, SUMIFS, SUMPRODUCT, DATE, YEAR,
 *   MONTH, DAY, EOMONTH, EDATE, MAX, MIN, ROUND, RANK, TEXT, ISNUMBER, LEN, N (TODAY only as
 *   the default of 设置 今天);
 * - table columns in the long structured-reference form `台账[[#This Row],[交办日期]]`, the only
 *   form LibreOffice computes;
 * - working days from the 日历 table (WORKDAY knows no 调休);
 * - settings through workbook-scoped defined names (Chinese names work in Excel and LibreOffice).
 */
import { workbook as t } from '../i18n/workbook';

/** 9999-12-31: stands for "no date" in the numeric helper columns (never happens, never ≤ a date). */
export const NEVER = 2958465;

export const OUT_OF_CALENDAR = t.value.outOfCalendar;
export const BAD_ASSIGNED = t.value.badAssigned;
export const UNKNOWN_ITEM = t.value.unknownItem;

/** Text constant in a formula. */
export const str = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** `表[[#This Row],[列]]` */
export const thisRow = (table: string, column: string) => `${table}[[#This Row],[${column}]]`;
/** `表[列]` (the data body of a column) */
export const col = (table: string, column: string) => `${table}[${column}]`;

export const LEDGER = '台账';
export const RECORDS = '反馈记录';
export const PEOPLE = '科室人员';
export const CALENDAR = '日历';
export const DETAIL = '考核明细';

/** A cell of the current 台账 row. */
export const L = (column: string) => thisRow(LEDGER, column);
/** A whole 台账 column. */
export const LC = (column: string) => col(LEDGER, column);

const CAL_DATE = col(CALENDAR, '日期');
const CAL_FLAG = col(CALENDAR, '工作日');
const CAL_INDEX = col(CALENDAR, '工作日序号');

/** 日历 C of date d: working days up to and including d (`wdIndex`). #N/A outside the calendar. */
export const wdIndex = (d: string) => `INDEX(${CAL_INDEX},MATCH(${d},${CAL_DATE},0))`;
/** 日历 B of date d (1 working day, 0 not). */
export const isWorkday = (d: string) => `INDEX(${CAL_FLAG},MATCH(${d},${CAL_DATE},0))`;
/** The date whose working-day index is k (the k-th working day). */
const dateOfIndex = (k: string) => `INDEX(${CAL_DATE},MATCH(${k},${CAL_INDEX},0))`;

/**
 * addDays(start, n, 计时方式) of docs/rules.md, start is day 0:
 * 自然日 start+n; 工作日 the n-th working day after start; 自然日顺延 start+n, moved to the next
 * working day when it is not one. #N/A when a date falls outside 日历 (callers wrap IFERROR).
 */
export function addDays(start: string, n: string): string {
  const d = `(${start}+${n})`;
  return (
    `IF(计时方式="自然日",${d},` +
    `IF(计时方式="工作日",IF(${n}<=0,${start},${dateOfIndex(`${wdIndex(start)}+${n}`)}),` +
    `${dateOfIndex(`${wdIndex(d)}+1-${isWorkday(d)}`)}))`
  );
}

/** overdueDays(due, d) of docs/rules.md (设置 逾期天数计法): days after `due` up to and including d. */
export function overdueDays(due: string, d: string): string {
  return `IF(${d}<=${due},0,IF(逾期天数计法="工作日",${wdIndex(d)}-${wdIndex(due)},${d}-${due}))`;
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

const finalDays = `IF(${KIND}="重大复杂",重大复杂办结天数,一般事项办结天数)`;

/** 科室人员 field of this row's 承办科室 ("" when the section is not listed). */
const person = (field: '科长' | '分管副职') =>
  `IFERROR(INDEX(${col(PEOPLE, field)},MATCH(${L('承办科室')},${col(PEOPLE, '科室')},0))&"","")`;

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
    `IFERROR(${addDays(A, finalDays)},${str(OUT_OF_CALENDAR)}))),${str(BAD_ASSIGNED)}))`,
  /** MIN(交办日期 + 1, 办结时限); the 办结时限 text ("" / 超出日历 / 交办日期有误) when it is not a date. */
  '1天应报日': `IF(ISNUMBER(${DL}),IFERROR(MIN(${addDays(A, '研究部署反馈天数')},${DL}),${str(OUT_OF_CALENDAR)}),${DL})`,
  '3天应报日': `IF(ISNUMBER(${DL}),IFERROR(MIN(${addDays(A, '初步落实反馈天数')},${DL}),${str(OUT_OF_CALENDAR)}),${DL})`,
  /** 落实反馈日, else 申请办结日. */
  落实完成日: `IF(ISNUMBER(${L('落实反馈日')}),${L('落实反馈日')},IF(ISNUMBER(${L('申请办结日')}),${L('申请办结日')},""))`,

  预警状态:
    `IF(${A}="",IF(${L('编号')}="","","未交办"),` +
    `IF(AND(ISNUMBER(${D1}),ISNUMBER(${D3}),ISNUMBER(${DL})),` +
    `IF(ISNUMBER(${X}),IF(AND(ISNUMBER(${RF}),${RF}<=${DL}),"按期办结","逾期办结"),` +
    `IF(ISNUMBER(${EXT}),IF(今天>${EXT},"逾期","延期"),` +
    `IF(OR(AND(${R1}="",今天>${D1}),AND(${R3}="",今天>${D3}),AND(${RF}="",今天>${DL})),"逾期",` +
    `IF(OR(AND(${R1}="",${D1}-今天>=0,${D1}-今天<=研究部署临近天数),` +
    `AND(${R3}="",${D3}-今天>=0,${D3}-今天<=初步落实临近天数),` +
    `AND(${RF}="",${DL}-今天>=0,${DL}-今天<=IF(${KIND}="重大复杂",重大复杂临近天数,一般事项临近天数))),"临近","正常")))),` +
    `IF(ISNUMBER(${DL}),${str(OUT_OF_CALENDAR)},${DL})))`,

  /**
   * Closed: days 落实完成日 (or 销号日期) is after 办结时限. Extended: days after 延期完成时限.
   * Open: the largest overdue of the open nodes = overdue from the earliest overdue node.
   */
  逾期天数:
    `IF(${A}="","",IF(AND(ISNUMBER(${D1}),ISNUMBER(${D3}),ISNUMBER(${DL})),IFERROR(` +
    `IF(ISNUMBER(${X}),IF(AND(ISNUMBER(${RF}),${RF}<=${DL}),0,${overdueDays(DL, `IF(ISNUMBER(${RF}),${RF},${X})`)}),` +
    `IF(ISNUMBER(${EXT}),${overdueDays(EXT, '今天')},` +
    `MAX(IF(${R1}="",${overdueDays(D1, '今天')},0),IF(${R3}="",${overdueDays(D3, '今天')},0),IF(${RF}="",${overdueDays(DL, '今天')},0)))),` +
    `${str(OUT_OF_CALENDAR)}),IF(ISNUMBER(${DL}),${str(OUT_OF_CALENDAR)},${DL})))`,

  // Numeric helpers for the 月度考核 formulas: dates, or NEVER (9999-12-31) when absent.
  辅助交办日: orNever(A),
  辅助销号日: orNever(X),
  辅助办结时限: orNever(DL),
  辅助时限序号: `IFERROR(${wdIndex(DL)},0)`,
  辅助落实完成日: orNever(RF),
  辅助1天应报日: orNever(D1),
  辅助3天应报日: orNever(D3),
  辅助1天反馈日: orNever(R1),
  辅助3天反馈日: orNever(R3),
  辅助催办日: orNever(L('最近催办日')),
  辅助催办序号: `IFERROR(${wdIndex(L('最近催办日'))},0)`,
  辅助认定日: `MIN(${orNever(L('敷衍推诿认定日'))},${orNever(L('弄虚作假认定日'))})`,
  辅助退回次数: `N(${L('退回次数')})`,
  评价得分率:
    `IF(${L('评价等级')}="优秀",得分率优秀,IF(${L('评价等级')}="良好",得分率良好,` +
    `IF(${L('评价等级')}="合格",得分率合格,IF(${L('评价等级')}="不合格",得分率不合格,""))))`,
} as const;

export type LedgerFormulaColumn = keyof typeof ledgerFormulas;

/** 反馈记录 科室: the 承办科室 of the item with this 编号. */
export const recordSectionFormula =
  `IF(${thisRow(RECORDS, '编号')}="","",IFERROR(INDEX(${LC('承办科室')},MATCH(${thisRow(RECORDS, '编号')},${LC('编号')},0))&"",${str(UNKNOWN_ITEM)}))`;

/**
 * 日历 工作日序号 = previous row's 工作日序号 + this row's 工作日 (the running count of docs/rules.md).
 * `{prev}` is the row above (the header row for the first date: N(header) = 0). A running sum is
 * linear; SUMIFS over all earlier dates would not depend on row order but costs O(n²).
 */
export const calendarIndexFormula = `N(C{prev})+${thisRow(CALENDAR, '工作日')}`;

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

  /** nodes of s's items falling in M: ms ≤ due ≤ me and due < 今天 */
  const nodeDue = (due: string) =>
    `COUNTIFS(${SEC},${s},${H(due)},${crit('>=', ms)},${H(due)},${crit('<=', me)},${H(due)},${crit('<', '今天')})`;
  const nodeOnTime = (due: string, rep: string) =>
    `SUMPRODUCT((${SEC}=${s})*(${H(due)}>=${ms})*(${H(due)}<=${me})*(${H(due)}<今天)*(${H(rep)}<=${H(due)}))`;

  // 不落实典型事项 at D = asOf (docs/rules.md), over the numeric helper columns.
  const D = asOf;
  const WD = `N(${r.asOfIndex})`;
  const k = `(逾期天数计法="工作日")`;
  const od = (due: string, dueIdx: string) => `(${k}*(${WD}-${H(dueIdx)})+(1-${k})*(${D}-${H(due)}))`;
  const missed =
    `((${H('辅助1天应报日')}<${D})*(${H('辅助1天反馈日')}>${D})` +
    `+(${H('辅助3天应报日')}<${D})*(${H('辅助3天反馈日')}>${D})` +
    `+(${H('辅助办结时限')}<${D})*(${H('辅助落实完成日')}>${D}))`;
  const ruleA = `(${H('辅助办结时限')}<${D})*(${H('辅助落实完成日')}>${D})*(${od('辅助办结时限', '辅助时限序号')}>不落实逾期天数)`;
  const ruleB = `(${missed}>=不落实漏报次数)`;
  const ruleC = `(${H('辅助退回次数')}>=不落实退回次数)`;
  const ruleD = `(${H('辅助催办日')}<=${D})*(${missed}>=1)*(${od('辅助催办日', '辅助催办序号')}>=催办后仍逾期天数)`;
  const ruleE = `(${H('辅助认定日')}<=${D})`;
  const nonImpl =
    `SUMPRODUCT((${SEC}=${s})*(${H('辅助交办日')}<=${D})*(${H('辅助销号日')}>${D})` +
    `*((${ruleA}+${ruleB}+${ruleC}+${ruleD}+${ruleE})>0))`;

  const o = r.own;
  const ratio = (w: string, num: string, den: string) => `ROUND(IF(${den}=0,${w},${w}*${num}/${den}),2)`;

  return {
    承办事项数: count(
      `COUNTIFS(${SEC},${s},${H('辅助交办日')},${crit('<=', asOf)})` +
        `-COUNTIFS(${SEC},${s},${H('辅助交办日')},${crit('<=', asOf)},${H('辅助销号日')},${crit('<', ms)})`,
    ),
    应报节点数: count(`${nodeDue('辅助1天应报日')}+${nodeDue('辅助3天应报日')}+${nodeDue('辅助办结时限')}`),
    按时反馈数: count(
      `${nodeOnTime('辅助1天应报日', '辅助1天反馈日')}+${nodeOnTime('辅助3天应报日', '辅助3天反馈日')}+${nodeOnTime('辅助办结时限', '辅助落实完成日')}`,
    ),
    在办事项数: count(`COUNTIFS(${SEC},${s},${H('辅助交办日')},${crit('<=', asOf)},${H('辅助落实完成日')},${crit('>', asOf)})`),
    未逾期在办数: count(
      `COUNTIFS(${SEC},${s},${H('辅助交办日')},${crit('<=', asOf)},${H('辅助落实完成日')},${crit('>', asOf)},${H('辅助办结时限')},${crit('>=', asOf)})`,
    ),
    已评价办结数: count(
      `COUNTIFS(${SEC},${s},${H('辅助销号日')},${crit('>=', ms)},${H('辅助销号日')},${crit('<=', me)},${H('评价得分率')},">=0")`,
    ),
    评价得分率合计: count(
      `SUMIFS(${H('评价得分率')},${SEC},${s},${H('辅助销号日')},${crit('>=', ms)},${H('辅助销号日')},${crit('<=', me)})`,
    ),
    应办结数: count(nodeDue('辅助办结时限')),
    按期办结数: count(nodeOnTime('辅助办结时限', '辅助落实完成日')),
    不落实件数: `IF(AND(${valid},逾期天数计法="工作日",ISNUMBER(${r.asOfIndex})=FALSE),${str(OUT_OF_CALENDAR)},${count(nonImpl)})`,
    本月退回次数: count(
      `COUNTIFS(${col(RECORDS, '科室')},${s},${col(RECORDS, '类型')},"退回",${col(RECORDS, '日期')},${crit('>=', ms)},${col(RECORDS, '日期')},${crit('<=', asOf)})`,
    ),
    漏报次数: count(`${o('应报节点数')}-${o('按时反馈数')}`),
    弄虚作假件数: count(
      `COUNTIFS(${SEC},${s},${LC('弄虚作假认定日')},${crit('>=', ms)},${LC('弄虚作假认定日')},${crit('<=', asOf)})`,
    ),

    任务总量: score(ratio('权重任务总量', o('承办事项数'), r.maxCarried)),
    反馈实效: score(ratio('权重反馈实效', o('按时反馈数'), o('应报节点数'))),
    落实进度: score(ratio('权重落实进度', o('未逾期在办数'), o('在办事项数'))),
    落实效果: score(`ROUND(IF(${o('已评价办结数')}=0,权重落实效果,权重落实效果*(${o('评价得分率合计')}/${o('已评价办结数')})/100),2)`),
    办结情况: score(ratio('权重办结情况', o('按期办结数'), o('应办结数'))),
    扣分: score(
      `IF(ISNUMBER(${o('不落实件数')}),${o('不落实件数')}*扣分不落实+${o('本月退回次数')}*扣分退回+${o('漏报次数')}*扣分漏报+${o('弄虚作假件数')}*扣分弄虚作假,${str(OUT_OF_CALENDAR)})`,
    ),
    总分: score(
      `IF(ISNUMBER(${o('扣分')}),MAX(0,ROUND(${o('任务总量')}+${o('反馈实效')}+${o('落实进度')}+${o('落实效果')}+${o('办结情况')}-${o('扣分')},2)),${str(OUT_OF_CALENDAR)})`,
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
] as const;

/** Names of the functions called in a formula (identifiers followed by '('), outside strings. */
export function functionsIn(formula: string): string[] {
  const noStrings = formula.replace(/"(?:[^"]|"")*"/g, '""');
  const out: string[] = [];
  for (const m of noStrings.matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\s*\(/g)) out.push(m[1].toUpperCase());
  return out;
}

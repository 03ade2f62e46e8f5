/**
 * 月度考核: a block for one month (B2) and the long table 考核明细 (月份 × 科室).
 */
import { workbook as t } from '../../i18n/workbook';
import { DETAIL, MONTHLY_COUNTS, MONTHLY_SCORES, PEOPLE, col, monthlyFormulas, str, thisRow, wdIndex, type MonthlyCount, type MonthlyScore } from '../formulas';
import { dateValidation, input } from './columns';
import { DATE_FORMAT, LAST_ROW, MONTH_FORMAT, columnLetter, type BlockSpec, type CellSpec, type ColumnSpec, type SheetSpec } from './types';
import { SHEET } from '../sheetNames';

const msg = t.input;

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
const blockLetter = (h: MonthlyCount | MonthlyScore) => columnLetter(BLOCK_FIRST_VALUE_COL + MONTHLY_HEADERS.indexOf(h));

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
    ...MONTHLY_HEADERS.map((h): ColumnSpec => ({
      header: h,
      kind: 'formula',
      width: monthlyWidth(h),
      numFmt: monthlyNumFmt(h),
      locked: true,
      formula: blockFormulas[h],
      align: 'center',
    })),
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
  ...MONTHLY_HEADERS.map((h): ColumnSpec => ({
    header: h,
    kind: 'formula',
    width: monthlyWidth(h),
    numFmt: monthlyNumFmt(h),
    locked: true,
    formula: detailFormulas[h],
    align: 'center',
  })),
  ...DETAIL_HELPERS,
];

const m = t.monthly;
const startRef = MONTHLY.startCell;
export const monthlySheet: SheetSpec = {
  name: SHEET.scores,
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
    ...m.explanation.map((line, i): CellSpec => ({
      address: `A${MONTHLY_EXPLANATION_ROW + 1 + i}`,
      value: `${i + 1}. ${line}`,
      style: 'note',
      mergeTo: `W${MONTHLY_EXPLANATION_ROW + 1 + i}`,
    })),
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

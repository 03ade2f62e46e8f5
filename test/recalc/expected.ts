/**
 * What the domain core says every computed cell must show, and the comparison of a recalculated
 * workbook (read back with exceljs) against it. No tolerance: dates equal as dates, text equal as
 * text, numbers equal after rounding to 2 decimals.
 */
import type ExcelJS from 'exceljs';
import type { WorkCalendar } from '../../src/domain/calendar';
import { itemClock } from '../../src/domain/clock';
import { monthlyScores, type SectionScore } from '../../src/domain/scoring';
import { responsibleFor } from '../../src/domain/responsibility';
import type { Settings } from '../../src/domain/settings';
import { itemStatus } from '../../src/domain/status';
import type { FeedbackRecord, IsoDate, LedgerItem, SectionPeople } from '../../src/domain/types';
import { MONTHLY_COUNTS, MONTHLY_SCORES, type MonthlyCount, type MonthlyScore } from '../../src/workbook/formulas';
import { toIso, readSheetTable, plainCell } from '../../src/workbook/readback';
import { DETAIL_HEADER_ROW, MONTHLY, MONTHLY_BLOCK_ROWS, BLOCK_FIRST_VALUE_COL, columnLetter } from '../../src/workbook/schema';

export type Expected = string | number;

/** The computed 台账 columns of one item, as the domain core sees them. */
export function expectedLedgerRow(
  item: LedgerItem,
  today: IsoDate,
  settings: Settings,
  cal: WorkCalendar,
  people: readonly SectionPeople[],
): Record<string, Expected> {
  const clock = itemClock(item, settings, cal);
  const st = itemStatus(item, today, settings, cal);
  const who = responsibleFor(
    item.level,
    people.find((p) => p.section === item.section),
    settings.director,
  );
  return {
    第一责任人: who.first,
    分管责任人: who.inCharge,
    直接责任人: who.direct,
    '1天应报日': clock?.due1 ?? '',
    '3天应报日': clock?.due3 ?? '',
    办结时限: clock?.deadline ?? '',
    落实完成日: item.reportFinalOn ?? item.appliedOn ?? '',
    预警状态: st.status,
    逾期天数: st.overdueDays,
  };
}

export const DATE_COLUMNS = new Set(['1天应报日', '3天应报日', '办结时限', '落实完成日']);

/** A cell value read back, normalised for comparison: dates → IsoDate, blanks → '', numbers kept. */
export function normalise(v: unknown, asDate: boolean): Expected | { error: string } | null {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'object' && v !== null && 'error' in v) return { error: String((v as { error: unknown }).error) };
  if (asDate && (v instanceof Date || typeof v === 'number')) return toIso(v) ?? `?${String(v)}`;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'number' || typeof v === 'string') return v;
  return `?${JSON.stringify(v)}`;
}

export function same(actual: unknown, expected: Expected): boolean {
  if (typeof expected === 'number') {
    return typeof actual === 'number' && Math.round(actual * 100) === Math.round(expected * 100);
  }
  return actual === expected;
}

export interface Mismatch {
  where: string;
  column: string;
  expected: Expected;
  actual: unknown;
}

/** Compare every computed 台账 cell of the recalculated workbook with the domain core. */
export function compareLedger(
  wb: ExcelJS.Workbook,
  items: readonly LedgerItem[],
  today: IsoDate,
  settings: Settings,
  cal: WorkCalendar,
  people: readonly SectionPeople[],
  skip: (item: LedgerItem) => boolean = () => false,
): { mismatches: Mismatch[]; compared: number; statuses: Record<string, number> } {
  const table = readSheetTable(wb.getWorksheet('台账')!);
  const byId = new Map(table.rows.map((r) => [String(r.values['编号']), r]));
  const mismatches: Mismatch[] = [];
  const statuses: Record<string, number> = {};
  let compared = 0;
  for (const item of items) {
    if (skip(item)) continue;
    const row = byId.get(item.id);
    if (!row) {
      mismatches.push({ where: item.id, column: '编号', expected: item.id, actual: 'missing row' });
      continue;
    }
    const exp = expectedLedgerRow(item, today, settings, cal, people);
    statuses[String(exp.预警状态)] = (statuses[String(exp.预警状态)] ?? 0) + 1;
    for (const [column, e] of Object.entries(exp)) {
      const a = normalise(row.values[column], DATE_COLUMNS.has(column));
      compared++;
      if (!same(a, e)) mismatches.push({ where: `${item.id} (row ${row.row})`, column, expected: e, actual: a });
    }
  }
  return { mismatches, compared, statuses };
}

const COUNT_FIELD: Record<MonthlyCount, keyof SectionScore['counts']> = {
  承办事项数: 'carried',
  应报节点数: 'nodesDue',
  按时反馈数: 'nodesOnTime',
  在办事项数: 'open',
  未逾期在办数: 'openOk',
  已评价办结数: 'graded',
  评价得分率合计: 'gradeRateSum',
  应办结数: 'deadlinesDue',
  按期办结数: 'deadlinesOnTime',
  不落实件数: 'nonImplementation',
  本月退回次数: 'returned',
  漏报次数: 'missed',
  弄虚作假件数: 'falsified',
};
const SCORE_FIELD: Record<MonthlyScore, keyof SectionScore> = {
  任务总量: 'volume',
  反馈实效: 'feedback',
  落实进度: 'progress',
  落实效果: 'effect',
  办结情况: 'closure',
  扣分: 'deductions',
  总分: 'total',
  排名: 'rank',
};

/** Expected monthly cells of one section (future month: counts 0, scores ''). */
export function expectedMonthly(score: SectionScore | undefined): Record<string, Expected> {
  const out: Record<string, Expected> = {};
  for (const h of MONTHLY_COUNTS) out[h] = score ? score.counts[COUNT_FIELD[h]] : 0;
  for (const h of MONTHLY_SCORES) out[h] = score ? (score[SCORE_FIELD[h]] as number) : '';
  return out;
}

export interface MonthlyInput {
  items: LedgerItem[];
  records: FeedbackRecord[];
  sections: string[];
  today: IsoDate;
  settings: Settings;
  cal: WorkCalendar;
}

function scoresFor(input: MonthlyInput, month: string, cache: Map<string, SectionScore[]>): SectionScore[] {
  let s = cache.get(month);
  if (!s) {
    s = monthlyScores({ ...input, month });
    cache.set(month, s);
  }
  return s;
}

/** Compare the 当月 block and every 考核明细 row with monthlyScores. */
export function compareMonthly(wb: ExcelJS.Workbook, input: MonthlyInput): { mismatches: Mismatch[]; compared: number; months: string[]; scoredRows: number } {
  const ws = wb.getWorksheet('月度考核')!;
  const cache = new Map<string, SectionScore[]>();
  const mismatches: Mismatch[] = [];
  let compared = 0;
  let scoredRows = 0;

  const check = (where: string, section: string, month: string, actual: (h: string) => unknown) => {
    const scores = scoresFor(input, month, cache);
    const score = scores.find((x) => x.section === section);
    if (scores.length > 0 && !score) {
      mismatches.push({ where, column: '科室', expected: 'a section of 科室人员', actual: section });
      return;
    }
    if (score) scoredRows++;
    for (const [column, e] of Object.entries(expectedMonthly(score))) {
      const a = normalise(actual(column), false);
      compared++;
      if (!same(a, e)) mismatches.push({ where: `${where} ${month} ${section}`, column, expected: e, actual: a });
    }
  };

  // 当月 block
  const blockMonth = toIso(plainCell(ws.getCell(MONTHLY.monthCell)));
  if (!blockMonth) mismatches.push({ where: '月度考核!B2', column: '考核月份', expected: 'a date', actual: plainCell(ws.getCell('B2')) });
  const headers = [...MONTHLY_COUNTS, ...MONTHLY_SCORES] as string[];
  for (let k = 0; k < MONTHLY_BLOCK_ROWS && blockMonth; k++) {
    const r = MONTHLY.firstRow + k;
    const section = plainCell(ws.getCell(r, 2));
    const expectedSection = input.sections[k] ?? '';
    compared++;
    if ((section ?? '') !== expectedSection) {
      mismatches.push({ where: `月度考核 row ${r}`, column: '科室', expected: expectedSection, actual: section });
      continue;
    }
    if (!expectedSection) continue;
    check(`月度考核 row ${r}`, expectedSection, blockMonth.slice(0, 7), (h) =>
      plainCell(ws.getCell(`${columnLetter(BLOCK_FIRST_VALUE_COL + headers.indexOf(h))}${r}`)),
    );
  }

  // 考核明细
  const detail = readSheetTable(ws, DETAIL_HEADER_ROW);
  const months = new Set<string>();
  for (const row of detail.rows) {
    const m = toIso(row.values['月份']);
    const section = String(row.values['科室'] ?? '');
    if (!m || !section) continue;
    months.add(m.slice(0, 7));
    check(`考核明细 row ${row.row}`, section, m.slice(0, 7), (h) => row.values[h]);
  }
  return { mismatches, compared, months: [...months].sort(), scoredRows };
}

/** Every formula cell whose result is an error value, or still the deliberately wrong cache. */
export function formulaProblems(wb: ExcelJS.Workbook, wrongCache: string): { errors: string[]; stale: string[]; formulas: number } {
  const errors: string[] = [];
  const stale: string[] = [];
  let formulas = 0;
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((c) => {
        const v = c.value as unknown;
        if (!v || typeof v !== 'object' || !('formula' in (v as object) || 'sharedFormula' in (v as object))) return;
        formulas++;
        const r = (c as unknown as { result: unknown }).result;
        if (r && typeof r === 'object' && 'error' in (r as object)) errors.push(`${ws.name}!${c.address} ${(r as { error: string }).error}`);
        if (r === wrongCache) stale.push(`${ws.name}!${c.address}`);
      }),
    ),
  );
  return { errors, stale, formulas };
}

export function describe20(ms: Mismatch[]): string {
  return ms
    .slice(0, 20)
    .map((m) => `${m.where} [${m.column}] expected ${JSON.stringify(m.expected)} got ${JSON.stringify(m.actual)}`)
    .join('\n');
}

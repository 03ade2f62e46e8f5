/**
 * 月度考核 (docs/rules.md "月度考核"). A small hand-built ledger for March 2026 with every figure
 * worked out by hand (default settings, 自然日顺延, 逾期天数 in 工作日), Excel ROUND / RANK, and
 * properties on random ledgers.
 */
import fc from 'fast-check';
import { createCalendar } from './calendar';
import { addCalendarDays, fromDayNumber, toDayNumber } from './dates';
import {
  carriedCount,
  closureDimension,
  deductionsFor,
  effectDimension,
  excelRank,
  feedbackDimension,
  monthWindow,
  monthlyScores,
  progressDimension,
  roundHalfAwayFromZero,
  totalScore,
  volumeScore,
  type MonthWindow,
} from './scoring';
import { defaultSettings } from './settings';
import { makeItem, makeRecord } from './testing/itemFactory';
import { marchLedger, marchRecords, SECTION_A as A, SECTION_B as B, SECTION_C as C } from './testing/fixtures';
import { GRADES, type LedgerItem } from './types';

const cal = createCalendar();
const S = defaultSettings();

describe('roundHalfAwayFromZero = Excel ROUND', () => {
  test.each<[number, number, number]>([
    [1.005, 2, 1.01],
    [2.675, 2, 2.68],
    [-2.675, 2, -2.68],
    [1.004999, 2, 1],
    [0.125, 2, 0.13],
    [-0.125, 2, -0.13],
    [0.5, 0, 1],
    [-0.5, 0, -1],
    [1.5, 0, 2],
    [2.5, 0, 3],
    [1e-7, 2, 0],
    [-1e-7, 2, 0],
    [125 / 9, 2, 13.89],
    [100 / 3, 2, 33.33],
    [200 / 3, 2, 66.67],
    [1234.5678, 2, 1234.57],
    [4.35, 1, 4.4],
    [8.345, 2, 8.35],
    [1.255, 2, 1.26],
    [10.075, 2, 10.08],
    [69.72 - 17, 2, 52.72],
    [0.1 + 0.2, 2, 0.3],
    [1234.5, -1, 1230],
    [1235, -1, 1240],
    [0, 2, 0],
  ])('ROUND(%p, %p) = %p', (x, d, e) => {
    expect(roundHalfAwayFromZero(x, d)).toBe(e);
  });

  test('never returns -0; passes NaN through', () => {
    expect(Object.is(roundHalfAwayFromZero(-0.001, 2), 0)).toBe(true);
    expect(roundHalfAwayFromZero(NaN, 2)).toBeNaN();
  });

  test('property: within half a unit and at most 2 decimals', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => {
        const r = roundHalfAwayFromZero(x, 2);
        return Math.abs(r - x) <= 0.005 + 1e-9 && Number.isInteger(Math.round(r * 100)) && Math.abs(r * 100 - Math.round(r * 100)) < 1e-6;
      }),
    );
  });

  test('Excel RANK: descending, ties share', () => {
    const list = [90, 52.72, 12.5, 90];
    expect(list.map((x) => excelRank(x, list))).toEqual([1, 3, 4, 1]);
  });
});

describe('monthWindow', () => {
  test.each<[string, string, MonthWindow | null]>([
    ['2026-03', '2026-04-10', { month: '2026-03', ms: '2026-03-01', me: '2026-03-31', asOf: '2026-03-31', today: '2026-04-10' }],
    ['2026-03', '2026-03-20', { month: '2026-03', ms: '2026-03-01', me: '2026-03-31', asOf: '2026-03-20', today: '2026-03-20' }],
    ['2026-03', '2026-03-01', { month: '2026-03', ms: '2026-03-01', me: '2026-03-31', asOf: '2026-03-01', today: '2026-03-01' }],
    ['2026-02', '2026-04-10', { month: '2026-02', ms: '2026-02-01', me: '2026-02-28', asOf: '2026-02-28', today: '2026-04-10' }],
    ['2026-04', '2026-03-31', null],
  ])('%s at %s', (m, today, e) => {
    expect(monthWindow(m, today)).toEqual(e);
  });

  test('malformed month throws', () => {
    expect(() => monthWindow('2026-3', '2026-04-01')).toThrow(RangeError);
    expect(() => monthWindow('2026-13', '2026-04-01')).toThrow(RangeError);
  });
});

describe('March 2026, by hand', () => {
  const w = monthWindow('2026-03', '2026-04-10')!;
  const own = (s: string) => marchLedger.filter((i) => i.section === s);

  test('dimension pieces of 工程管理科', () => {
    expect(carriedCount(own(A), w)).toBe(4);
    expect(feedbackDimension(own(A), w, S, cal)).toEqual({ score: 13.89, noDue: false, due: 9, onTime: 5 });
    expect(progressDimension(own(A), w, S, cal)).toEqual({ score: 12.5, noDue: false, open: 2, ok: 1 });
    expect(effectDimension(own(A), w, S)).toEqual({ score: 20, noDue: false, graded: 1, gradeRateSum: 100 });
    expect(closureDimension(own(A), w, S, cal)).toEqual({ score: 13.33, noDue: false, due: 3, onTime: 2 });
    expect(deductionsFor(A, marchLedger, marchRecords, w, 4, S, cal)).toEqual({ nonImplementation: 1, returned: 2, missed: 4, falsified: 0, points: 17 });
    expect(volumeScore(4, 4, S)).toBe(10);
    expect(volumeScore(2, 4, S)).toBe(5);
    expect(volumeScore(0, 0, S)).toBe(10);
    expect(totalScore([10, 13.89, 12.5, 20, 13.33], 17)).toBe(52.72);
    expect(totalScore([1, 2], 10)).toBe(0);
  });

  test('the month table', () => {
    const rows = monthlyScores({
      items: marchLedger,
      records: marchRecords,
      sections: [A, B, C, '保卫科'],
      month: '2026-03',
      today: '2026-04-10',
      settings: S,
      cal,
    });
    expect(rows).toEqual([
      {
        section: A,
        month: '2026-03',
        volume: 10,
        feedback: 13.89,
        progress: 12.5,
        effect: 20,
        closure: 13.33,
        noDue: { feedback: false, progress: false, effect: false, closure: false },
        counts: {
          carried: 4,
          nodesDue: 9,
          nodesOnTime: 5,
          open: 2,
          openOk: 1,
          graded: 1,
          gradeRateSum: 100,
          deadlinesDue: 3,
          deadlinesOnTime: 2,
          nonImplementation: 1,
          returned: 2,
          missed: 4,
          falsified: 0,
        },
        deductions: 17,
        total: 52.72,
        rank: 3,
      },
      {
        section: B,
        month: '2026-03',
        volume: 5,
        feedback: 12.5,
        progress: 0,
        effect: 14,
        closure: 0,
        noDue: { feedback: false, progress: false, effect: false, closure: false },
        counts: {
          carried: 2,
          nodesDue: 4,
          nodesOnTime: 2,
          open: 1,
          openOk: 0,
          graded: 1,
          gradeRateSum: 70,
          deadlinesDue: 2,
          deadlinesOnTime: 0,
          nonImplementation: 1,
          returned: 0,
          missed: 2,
          falsified: 1,
        },
        deductions: 19,
        total: 12.5,
        rank: 4,
      },
      ...[C, '保卫科'].map((section) => ({
        section,
        month: '2026-03',
        volume: 0,
        feedback: 25,
        progress: 25,
        effect: 20,
        closure: 20,
        noDue: { feedback: true, progress: true, effect: true, closure: true },
        counts: {
          carried: 0,
          nodesDue: 0,
          nodesOnTime: 0,
          open: 0,
          openOk: 0,
          graded: 0,
          gradeRateSum: 0,
          deadlinesDue: 0,
          deadlinesOnTime: 0,
          nonImplementation: 0,
          returned: 0,
          missed: 0,
          falsified: 0,
        },
        deductions: 0,
        total: 90,
        rank: 1,
      })),
    ]);
  });

  test('mid-month: only nodes whose day is over count; asOf = today', () => {
    // today 2026-03-20: A's nodes due 03-03, 03-05, 03-09 (A1), 03-17, 03-19 (A2) count; 03-23 … not yet.
    const [a] = monthlyScores({ items: marchLedger, records: marchRecords, sections: [A], month: '2026-03', today: '2026-03-20', settings: S, cal });
    expect(a.counts).toEqual({
      carried: 3, // A1, A2, A3 (A4 not yet 交办)
      nodesDue: 5,
      nodesOnTime: 3,
      open: 1, // A2 only: A3's 落实 on 03-20 = asOf is done
      openOk: 1, // A2's deadline 03-23 ≥ 03-20
      graded: 1,
      gradeRateSum: 100,
      deadlinesDue: 1,
      deadlinesOnTime: 1,
      // A2 at 03-20: missed 1 (3天), but rule c reads 退回次数 as it stands (2), not as of 03-20
      nonImplementation: 1,
      returned: 1,
      missed: 2,
      falsified: 0,
    });
  });

  test('months after today: no scores', () => {
    expect(monthlyScores({ items: marchLedger, records: marchRecords, sections: [A, B], month: '2026-05', today: '2026-04-10', settings: S, cal })).toEqual([]);
  });

  test('weights, grade rates and deductions are settings', () => {
    const s = {
      ...S,
      weights: { volume: 20, feedback: 20, progress: 20, effect: 20, closure: 20 },
      gradeRates: { ...S.gradeRates, 合格: 60 },
      deductions: { nonImplementation: 1, returned: 1, missedReport: 1, falsified: 1 },
    };
    const [, b] = monthlyScores({ items: marchLedger, records: marchRecords, sections: [A, B], month: '2026-03', today: '2026-04-10', settings: s, cal });
    expect([b.volume, b.feedback, b.progress, b.effect, b.closure, b.deductions, b.total]).toEqual([10, 10, 0, 12, 0, 4, 28]);
  });

  test('扣分上限: at most the cap is taken off the five dimensions; the 扣分 column keeps the full points', () => {
    expect(totalScore([10, 20, 20, 15, 15], 45, 30)).toBe(50);
    expect(totalScore([10, 20, 20, 15, 15], 12, 30)).toBe(68);
    expect(totalScore([5, 5, 5, 5, 5], 45, 30)).toBe(0);
    expect(totalScore([10, 20, 20, 15, 15], 45)).toBe(35);
    const [, uncapped] = monthlyScores({
      items: marchLedger,
      records: marchRecords,
      sections: [A, B],
      month: '2026-03',
      today: '2026-04-10',
      settings: { ...S, deductionCap: 1000 },
      cal,
    });
    const [, capped] = monthlyScores({
      items: marchLedger,
      records: marchRecords,
      sections: [A, B],
      month: '2026-03',
      today: '2026-04-10',
      settings: { ...S, deductionCap: 5 },
      cal,
    });
    expect(capped.deductions).toBe(uncapped.deductions);
    expect(uncapped.deductions).toBeGreaterThan(5);
    const sum = capped.volume + capped.feedback + capped.progress + capped.effect + capped.closure;
    expect(capped.total).toBe(Math.max(0, roundHalfAwayFromZero(sum - 5, 2)));
    expect(capped.total).toBeGreaterThan(uncapped.total);
  });

  test('literal reading: a 销号 item without 落实反馈日 or 申请办结日 still counts as open in 落实进度', () => {
    const item = makeItem({ section: C, assignedOn: '2026-02-02', report1On: '2026-02-03', report3On: '2026-02-05', closedOn: '2026-02-06' });
    // deadline 02-09 < asOf 03-31 → not ok
    expect(progressDimension([item], w, S, cal)).toEqual({ score: 0, noDue: false, open: 1, ok: 0 });
  });
});

describe('properties (random ledgers, default weights)', () => {
  const sections = [A, B, C, '空科室'];
  const day = (min: string, max: string) => fc.integer({ min: toDayNumber(min), max: toDayNumber(max) }).map(fromDayNumber);
  const off = fc.option(fc.integer({ min: 0, max: 50 }), { nil: null });
  const itemArb = fc
    .record({
      section: fc.constantFrom(A, B, C),
      assignedOn: fc.option(day('2025-12-01', '2026-05-31'), { nil: null }),
      kind: fc.constantFrom<LedgerItem['kind']>('一般', '重大复杂'),
      r1: off,
      r3: off,
      rF: off,
      closed: off,
      grade: fc.option(fc.constantFrom(...GRADES), { nil: null }),
      explicit: off,
      returns: fc.integer({ min: 0, max: 4 }),
      urged: off,
      perf: off,
      fals: off,
    })
    .map((r): LedgerItem => {
      const at = (o: number | null) => (o === null || !r.assignedOn ? null : addCalendarDays(r.assignedOn, o));
      return makeItem({
        section: r.section,
        assignedOn: r.assignedOn,
        kind: r.kind,
        report1On: at(r.r1),
        report3On: at(r.r3),
        reportFinalOn: at(r.rF),
        closedOn: at(r.closed),
        grade: r.closed === null ? null : r.grade,
        explicitDeadline: at(r.explicit),
        returnCount: r.returns,
        lastUrgedOn: at(r.urged),
        perfunctoryOn: at(r.perf),
        falsifiedOn: at(r.fals),
      });
    });
  const ledgerArb = fc.array(itemArb, { maxLength: 25 }).map((items) => items.map((i, k) => ({ ...i, id: `X${k}` })));
  const recordsArb = (n: number) =>
    fc
      .array(fc.record({ k: fc.integer({ min: 0, max: Math.max(0, n - 1) }), date: day('2026-01-01', '2026-06-30') }), { maxLength: 10 })
      .map((rs) => rs.map((r) => makeRecord({ itemId: `X${r.k}`, type: '退回', date: r.date })));
  const monthArb = fc.constantFrom('2026-01', '2026-02', '2026-03', '2026-04', '2026-05');
  const todayArb = day('2026-01-01', '2026-07-31');

  test('totals in 0..100, total = max(0, round(sum − min(deductions, cap))), dims within 0..weight, empty sections full', () => {
    fc.assert(
      fc.property(
        ledgerArb.chain((items) => fc.tuple(fc.constant(items), recordsArb(items.length))),
        monthArb,
        todayArb,
        ([items, records], month, today) => {
          const rows = monthlyScores({ items, records, sections, month, today, settings: S, cal });
          if (`${month}-01` > today) return rows.length === 0;
          const W = S.weights;
          return rows.every((r) => {
            const dims: [number, number][] = [
              [r.volume, W.volume],
              [r.feedback, W.feedback],
              [r.progress, W.progress],
              [r.effect, W.effect],
              [r.closure, W.closure],
            ];
            const sum = dims.reduce((a, [v]) => a + v, 0);
            const empty = r.section === '空科室';
            return (
              r.total >= 0 &&
              r.total <= 100 &&
              r.total === Math.max(0, roundHalfAwayFromZero(sum - Math.min(r.deductions, S.deductionCap), 2)) &&
              (sum < S.deductionCap || r.total >= roundHalfAwayFromZero(sum - S.deductionCap, 2)) &&
              dims.every(([v, max]) => v >= 0 && v <= max && roundHalfAwayFromZero(v, 2) === v) &&
              r.counts.missed === r.counts.nodesDue - r.counts.nodesOnTime &&
              r.rank === 1 + rows.filter((o) => o.total > r.total).length &&
              (!empty ||
                (r.feedback === W.feedback &&
                  r.progress === W.progress &&
                  r.effect === W.effect &&
                  r.closure === W.closure &&
                  r.noDue.feedback &&
                  r.noDue.progress &&
                  r.noDue.effect &&
                  r.noDue.closure &&
                  r.deductions === 0))
            );
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});

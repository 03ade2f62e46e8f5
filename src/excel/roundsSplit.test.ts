/**
 * A round whose writes do not fit one request (Excel on the web: 5 MB) goes in several syncs of at
 * most the write budget, and ends exactly as the one-sync round does; a round that stops part-way
 * (a failed sync, or a sync that applied only its first operations) never loses or doubles a row
 * the clerk typed. A small write budget stands in for the 5 MB of a 50,000-item ledger
 * (`npm run bench -- --profile web --no-recalc 50000` runs the real size).
 */
import { generateSample } from '../workbook/sample';
import type { ExcelDouble } from './double';
import { generateRound, monthPeriod, parseBaseline, previousIssues, type RoundOptions } from './rounds';
import { packSteps, type WriteStep } from './roundWrites';
import { instrumented } from './testing/instrumented';
import { roundFixture } from './testing/roundsFixture';

const TODAY = '2026-11-20';
const PW = 'pw13710';
const actor = { role: '督办员' as const, name: '陈志刚' };
const now = new Date(`${TODAY}T10:00:00`);
const sample = generateSample({ count: 90, seed: 7, today: TODAY });
const SHEETS = ['问题清单', '不落实清单', '督查报告', '督查报告 2026-11', '操作日志'];

const opts = (opId: string, extra: Partial<RoundOptions> = {}): RoundOptions => ({ period: monthPeriod('2026-11'), asOf: TODAY, actor, opId, now, ...extra });

/** Sheet contents (操作日志 without its wall-clock column). */
function contents(xl: ExcelDouble): string {
  return JSON.stringify(
    SHEETS.filter((n) => xl.workbook.sheetNames().includes(n)).map((n) => {
      const s = xl.workbook.sheet(n);
      const used = s.usedRange();
      return used ? s.getValues(used).map((r) => (n === '操作日志' ? r.slice(1) : r)) : [];
    }),
  );
}

/**
 * A ledger after a first round (as of 11-10), on which the clerk then typed: a hand row in each
 * list, a 整改期限 and 备注 on a generated 问题清单 row, an overridden 问责建议. Sheets protected.
 */
async function secondRoundFixture(): Promise<ExcelDouble> {
  const xl = roundFixture(sample.items, sample.records, { today: TODAY, protect: true, password: PW });
  for (const name of ['台账', '反馈记录', '操作日志', '督查报告']) xl.workbook.sheet(name).protect({}, PW);
  const first = await generateRound(xl.run, opts('op-first', { asOf: '2026-11-10' }));
  if (!first.ok) throw new Error(first.error.message);
  const issues = xl.workbook.sheet('问题清单');
  const nonImpl = xl.workbook.sheet('不落实清单');
  issues.unprotect();
  nonImpl.unprotect();
  issues.setValues('F2:F2', [['2026-12-31']]);
  issues.setValues('I2:I2', [['科室已书面说明']]);
  nonImpl.setValues('E2:E2', [['约谈']]);
  issues.protect({}, PW);
  nonImpl.protect({}, PW);
  xl.coauthor.appendTableRow('问题清单', ['', '', '手工补充：东门道闸故障', '综合科', '李明', '', '', '', '']);
  xl.coauthor.appendTableRow('不落实清单', ['', '', '综合科', '手工线索：会议纪要未按期印发', '约谈', '', '', '']);
  xl.stats.reset();
  return xl;
}

describe('a round too large for one request', () => {
  let clean: { state: string; syncs: number };

  beforeAll(async () => {
    const xl = await secondRoundFixture();
    const out = await generateRound(xl.run, opts('op-second'));
    if (!out.ok) throw new Error(out.error.message);
    clean = { state: contents(xl), syncs: out.value.syncs };
  }, 60_000);

  it('writes in several syncs and ends as the one-sync round does', async () => {
    const xl = await secondRoundFixture();
    const out = await generateRound(xl.run, opts('op-second', { writeBudget: 20_000 }));
    if (!out.ok) throw new Error(out.error.message);
    expect(clean.syncs).toBe(2);
    // the re-read of the lists, then at least three write syncs
    expect(out.value.syncs).toBeGreaterThanOrEqual(clean.syncs + 3);
    expect(contents(xl)).toBe(clean.state);
    const rows = xl.workbook
      .sheet('问题清单')
      .getValues('A1:I200')
      .filter((r) => r.some((v) => v !== ''));
    expect(rows.filter((r) => r[2] === '手工补充：东门道闸故障')).toHaveLength(1);
  });

  it.each([
    ['in one write sync', undefined],
    ['in write syncs of 20 KB', 20_000],
  ])(
    'after a failure at every sync, or part-way through it, ends as the clean round (nothing lost or doubled): %s',
    async (_name, writeBudget) => {
      const probe = await secondRoundFixture();
      const { run, ops } = instrumented(probe);
      const out = await generateRound(run, opts('op-second', { writeBudget }));
      expect(out.ok).toBe(true);
      const faults: { at: number; kind: 'request' | 'partial'; k: number }[] = [];
      ops.forEach((n, i) => {
        faults.push({ at: i + 1, kind: 'request', k: 0 });
        for (const k of new Set([1, Math.floor(n / 2), n - 1])) if (k > 0 && k < n) faults.push({ at: i + 1, kind: 'partial', k });
      });
      for (const fault of faults) {
        const xl = await secondRoundFixture();
        // rollForward retries once at once; a user's 重试 later if that failed too
        const r = await generateRound(instrumented(xl, fault).run, opts('op-second', { writeBudget }));
        if (!r.ok) {
          const again = await generateRound(xl.run, opts('op-second', { writeBudget }));
          expect({ fault, ok: again.ok || again.error.code === 'already-done' }).toEqual({ fault, ok: true });
        }
        const state = contents(xl);
        if (state !== clean.state && process.env.DEBUG_SPLIT) {
          const a = JSON.parse(state) as unknown[][][];
          const b = JSON.parse(clean.state) as unknown[][][];
          a.forEach((sheet, i) =>
            sheet.forEach(
              (row, j) =>
                JSON.stringify(row) !== JSON.stringify(b[i]?.[j]) &&
                console.log(i, j, JSON.stringify(row).slice(0, 160), '≠', JSON.stringify(b[i]?.[j]).slice(0, 160)),
            ),
          );
        }
        expect({ fault, state }).toEqual({ fault, state: clean.state });
        expect({ fault, unprotected: ['问题清单', '不落实清单', '督查报告', '操作日志'].filter((n) => !xl.workbook.sheet(n).protection.protected) }).toEqual({
          fault,
          unprotected: [],
        });
      }
    },
    300_000,
  );
});

describe('what a stopped round leaves behind, read back', () => {
  const headers = ['序号', '编号', '事项内容', '整改责任科室', '责任人', '整改期限', '预警状态', '手工', '备注'];
  const hand = ['', '', '手工补充：东门道闸故障', '综合科', '李明', '', '', '', ''];

  it('drops a hand row that repeats an earlier one word for word (序号 and 手工 aside)', () => {
    const body = [
      [1, 'DB-1', '甲', '综合科', '', '', '逾期', '', ''],
      hand,
      [2, 'DB-1', '甲', '综合科', '', '', '逾期', '', ''],
      [3, '', ...hand.slice(2, 7), '是', ''],
    ];
    const rows = previousIssues({ headers, body }, new Set(['DB-1']), parseBaseline([]));
    expect(rows.filter((r) => r.manual).map((r) => r.content)).toEqual(['手工补充：东门道闸故障']);
  });

  it('keeps two hand rows that differ in any cell', () => {
    const other = [...hand];
    other[4] = '王芳';
    const rows = previousIssues({ headers, body: [hand, other] }, new Set(), parseBaseline([]));
    expect(rows.filter((r) => r.manual)).toHaveLength(2);
  });

  it('reads the 编号 a stopped round was writing (待写入) as generated, not as hand rows', () => {
    const body = [[1, 'DB-9', '乙', '综合科', '', '', '逾期', '', '']];
    expect(previousIssues({ headers, body }, new Set(), parseBaseline([]))[0].manual).toBe(true);
    expect(previousIssues({ headers, body }, new Set(), parseBaseline([['待写入', 'DB-9', 'op-x']]))[0].manual).toBe(false);
  });
});

describe('packSteps', () => {
  const step = (bytes: number): WriteStep => ({ sheets: [], bytes, queue: () => undefined });

  it('groups steps in order into syncs of at most the budget', () => {
    const groups = packSteps([step(40), step(50), step(30), step(90), step(10)], 100);
    expect(groups.map((g) => g.map((s) => s.bytes))).toEqual([[40, 50], [30], [90, 10]]);
    for (const g of groups) expect(g.reduce((n, s) => n + s.bytes, 0)).toBeLessThanOrEqual(100);
  });
});

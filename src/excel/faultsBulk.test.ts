/**
 * Fault injection for the bulk writers (督查轮次, 冻结综评, 刷新看板) under the web profile, on a
 * ledger whose sheets are protected with a password: a failure at every sync (nothing applied) and
 * part-way through every write sync (the operations before it applied, as a mid-batch API error
 * does) leaves no sheet unprotected that was protected, and a retry under the same operation id
 * ends with exactly what a clean run writes.
 */
import { generateSample } from '../workbook/sample';
import { instrumented } from './testing/instrumented';
import type { ExcelRun } from './run';
import { refreshDashboard } from './dashboard';
import type { ExcelDouble } from './double';
import { generateRound, monthPeriod } from './rounds';
import { freezeMonth } from './scoresArchive';
import { roundFixture } from './testing/roundsFixture';

const TODAY = '2026-11-20';
const PW = 'pw13710';
const sample = generateSample({ count: 60, seed: 3, today: TODAY });
const actor = { role: '督办员' as const, name: '陈志刚' };
const now = new Date(`${TODAY}T10:00:00`);

interface Bulk {
  name: string;
  /** sheets whose content the action writes (compared with a clean run) */
  sheets: string[];
  perform: (run: ExcelRun, opId: string) => Promise<{ ok: boolean; error?: { code: string } }>;
}

const BULK: Bulk[] = [
  {
    name: 'generateRound',
    sheets: ['问题清单', '不落实清单', '督查报告', '操作日志'],
    perform: (run, opId) => generateRound(run, { period: monthPeriod('2026-11'), asOf: TODAY, actor, opId, now }),
  },
  {
    name: 'freezeMonth',
    sheets: ['考核存档', '月度考核', '操作日志'],
    perform: (run, opId) => freezeMonth(run, '2026-10', { asOf: TODAY, actor, opId, now }),
  },
  {
    name: 'freezeMonth (creating 考核存档)',
    sheets: ['考核存档', '月度考核', '操作日志'],
    perform: (run, opId) => freezeMonth(run, '2026-10', { asOf: TODAY, actor, opId, now }),
  },
  {
    name: 'refreshDashboard',
    sheets: ['督查看板'],
    perform: (run) => refreshDashboard(run, { asOf: TODAY }),
  },
];

/** The ledger with every sheet the actions write protected by password (the dashboard's after a first refresh). */
async function fixture(b: Bulk): Promise<ExcelDouble> {
  const xl = roundFixture(sample.items, sample.records, { today: TODAY, protect: true, password: PW });
  for (const name of ['台账', '反馈记录', '操作日志', '督查报告']) xl.workbook.sheet(name).protect({}, PW);
  if (b.name === 'refreshDashboard') {
    await refreshDashboard(xl.run, { asOf: TODAY });
    xl.workbook.sheet('督查看板').protect({}, PW);
  }
  if (b.name === 'freezeMonth') {
    // an archive that exists, protected with the password, so the write appends to it
    await freezeMonth(xl.run, '2026-09', { asOf: TODAY, actor, opId: 'op-earlier', now });
  }
  xl.stats.reset();
  return xl;
}

const protectedSheets = (xl: ExcelDouble) => xl.workbook.sheetNames().filter((n) => xl.workbook.sheet(n).protection.protected);
const contents = (xl: ExcelDouble, sheets: string[]) =>
  JSON.stringify(
    sheets
      .filter((n) => xl.workbook.sheetNames().includes(n))
      .map((n) => {
        const s = xl.workbook.sheet(n);
        const used = s.usedRange();
        // 操作日志's time column holds the wall clock of the write; everything else must match
        return used ? s.getValues(used).map((r) => (n === '操作日志' ? r.slice(1) : r)) : [];
      }),
  );

describe.each(BULK.map((b) => [b.name, b] as const))('%s under faults (web profile, password-protected sheets)', (_name, b) => {
  let clean: { state: string; ops: number[]; protectedAfter: string[] };

  beforeAll(async () => {
    const xl = await fixture(b);
    const { run, ops } = instrumented(xl);
    const r = await b.perform(run, 'op-bulk');
    expect(r.ok).toBe(true);
    clean = { state: contents(xl, b.sheets), ops, protectedAfter: protectedSheets(xl) };
  }, 60_000);

  test('a failure at every sync, and part-way through every sync: nothing left unprotected; a retry completes it', async () => {
    const faults: { at: number; kind: 'request' | 'partial'; k: number }[] = [];
    clean.ops.forEach((n, i) => {
      faults.push({ at: i + 1, kind: 'request', k: 0 });
      // part-way: after the first operation, in the middle, before the last
      for (const k of new Set([1, Math.floor(n / 2), n - 1])) if (k > 0 && k < n) faults.push({ at: i + 1, kind: 'partial', k });
    });
    expect(faults.length).toBeGreaterThan(clean.ops.length);
    for (const fault of faults) {
      const xl = await fixture(b);
      const before = protectedSheets(xl);
      const { run } = instrumented(xl, fault);
      const r = await b.perform(run, 'op-bulk');
      // whatever happened, every sheet that was protected still is
      expect({ fault, unprotected: before.filter((n) => !xl.workbook.sheet(n).protection.protected) }).toEqual({ fault, unprotected: [] });
      if (!r.ok) {
        // the user's 重试: the same operation
        const again = await b.perform(xl.run, 'op-bulk');
        expect({ fault, ok: again.ok || again.error?.code === 'already-done' }).toEqual({ fault, ok: true });
      }
      expect({ fault, state: contents(xl, b.sheets) }).toEqual({ fault, state: clean.state });
      expect(protectedSheets(xl)).toEqual(clean.protectedAfter);
    }
  }, 300_000);
});

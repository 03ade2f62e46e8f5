/**
 * 初始化台账 under faults (web profile): a write sync that fails (nothing applied) or stops part-way
 * (the operations before the failing one applied) is rolled forward once, and the workbook ends as a
 * clean run leaves it, every sheet protected with the password.
 */
import { createExcelDouble, definedNames, mergedAreas, type ExcelDouble } from './double';
import { initialiseLedger } from './initialise';
import { instrumented, type SyncFault } from './testing/instrumented';

const TODAY = '2026-11-20';
const PW = 'pw13710';

const blank = () => createExcelDouble({ sheets: ['Sheet1'], workbookName: '督办台账.xlsx' });

function state(xl: ExcelDouble): string {
  const wb = xl.workbook;
  return JSON.stringify({
    sheets: wb.sheetNames().map((name) => {
      const s = wb.sheet(name);
      // table and conditional-format ids are the workbook's running counts: rebuilt ones have later ids
      const grid = s.snapshotGrid(120, 40) as { tables?: { id?: string }[]; conditionalFormats?: { id?: string }[] };
      for (const x of [...(grid.tables ?? []), ...(grid.conditionalFormats ?? [])]) delete x.id;
      return { name, grid, protection: s.protection, merges: mergedAreas(s) };
    }),
    tables: wb.tables.map((t) => t.name),
    names: definedNames(wb),
  });
}

describe('初始化台账 of a blank workbook under faults', () => {
  let clean: { state: string; ops: number[] };

  beforeAll(async () => {
    const xl = blank();
    const { run, ops } = instrumented(xl);
    const r = await initialiseLedger(run, { today: TODAY, password: PW });
    expect(r.ok).toBe(true);
    clean = { state: state(xl), ops };
  }, 60_000);

  test('a failed or half-applied write sync is rolled forward to the clean result', async () => {
    expect(clean.ops).toHaveLength(3);
    const n = clean.ops[2];
    const faults: SyncFault[] = [{ at: 3, kind: 'request' }, ...[1, Math.floor(n / 2), n - 1].map((k) => ({ at: 3, kind: 'partial' as const, k }))];
    for (const fault of faults) {
      const xl = blank();
      const r = await initialiseLedger(instrumented(xl, fault).run, { today: TODAY, password: PW });
      expect({ fault, ok: r.ok }).toEqual({ fault, ok: true });
      const now = state(xl);
      expect({ fault, state: now }).toEqual({ fault, state: clean.state });
    }
  }, 120_000);

  test('a failed read is reported, nothing written, and not retried', async () => {
    const xl = blank();
    const { run, syncs } = instrumented(xl, { at: 1, kind: 'request' });
    const r = await initialiseLedger(run, { today: TODAY, password: PW });
    expect(r.ok).toBe(false);
    expect(syncs()).toBe(1);
    expect(xl.workbook.sheetNames()).toEqual(['Sheet1']);
  });
});

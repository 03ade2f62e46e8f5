/**
 * Fault injection on the real gateway (ledgerGateway.ts) over the Excel double.
 *
 * For every user action we run it once cleanly (the reference workbook), then again on a fresh
 * ledger with the double failing:
 * 1. `request` failures at each sync in turn (the sync applies nothing): afterwards every table is
 *    either exactly as before or exactly as after the clean run, and a retry with the same opId
 *    gives exactly the clean workbook (all tables' values and formulas, 操作日志 included).
 * 2. `partial` failures at each operation index k of the WRITE sync (the first k queued operations
 *    apply, then the sync fails, as a mid-batch API error does): the same two promises, plus
 *    "the sheets protected before are protected after".
 * Where the gateway cannot keep a promise under partial failures, the test is `test.failing` and
 * names the action; KNOWN below is the list the lead uses to decide the write ordering.
 */
import { newOperationId } from '../domain/itemNumber';
import type { Result } from '../domain/result';
import { makeItem, makeRecord } from '../domain/testing/itemFactory';
import type { FeedbackRecord, LedgerItem } from '../domain/types';
import type { Action, Actor } from '../domain/workflow';
import type { ExcelDouble } from './double';
import { createLedgerService } from './ledgerGateway';
import type { ActionContext, LedgerService, StoredRecord } from './ledgerService';
import type { ExcelRun } from './run';
import { ledgerFixture } from './testing/ledgerFixture';

const SECTION = '工程管理科';
const clerk: Actor = { role: '督办员', name: '陈志刚' };
const section: Actor = { role: '科室', name: '周海涛', section: SECTION };
const leader: Actor = { role: '分管领导', name: '王振宇' };
const CLOCK = () => new Date('2026-03-20T09:30:00');

function ctx(actor: Actor, on = '2026-03-20'): ActionContext {
  const now = new Date(`${on}T10:15:30`);
  return { actor, on, now, opId: newOperationId(now, () => 0.5) + '-fault' };
}

interface Scenario {
  name: string;
  items: LedgerItem[];
  records?: FeedbackRecord[];
  perform: (svc: LedgerService, c: ActionContext) => Promise<Result<unknown>>;
  actor: Actor;
  /** round trips of a clean run (default 2: read, write) */
  syncs?: number;
}

const other = makeItem({ id: 'DB-2026-0002', content: '其他科室的事项', section: '物业管理科' });
const working = (o: Partial<LedgerItem> = {}) => [makeItem({ id: 'DB-2026-0001', ...o }), other];
const act = (a: Action) => (svc: LedgerService, c: ActionContext) => svc.act('DB-2026-0001', a, c);
const unsigned = makeRecord({ itemId: 'DB-2026-0001', type: '1天反馈', date: '2026-03-03', content: '已部署' });

const SCENARIOS: Scenario[] = [
  {
    name: 'register',
    items: working(),
    actor: clerk,
    perform: (svc, c) => svc.register({ source: '其他', level: '台账其他任务', content: '新登记的事项', section: SECTION, kind: '一般' }, c),
  },
  { name: '反馈', items: working(), actor: section, perform: act({ type: '反馈', node: '1天反馈', content: '已召开专题会' }) },
  {
    name: '审签',
    items: working(),
    records: [unsigned],
    actor: leader,
    perform: act({ type: '审签', record: { ...unsigned, opId: 'op-rec-0' } as StoredRecord }),
  },
  { name: '申请办结', items: working(), actor: section, perform: act({ type: '申请办结', content: '已完成', evidence: '验收单.pdf' }) },
  { name: '初核', items: working({ state: '申请办结', appliedOn: '2026-03-09' }), actor: clerk, perform: act({ type: '初核' }) },
  { name: '退回', items: working({ state: '申请办结', appliedOn: '2026-03-09' }), actor: clerk, perform: act({ type: '退回', reason: '缺少验收单' }) },
  {
    name: '审定',
    items: working({ state: '已初核', appliedOn: '2026-03-09', checkedOn: '2026-03-10' }),
    actor: leader,
    perform: act({ type: '审定', grade: '良好' }),
  },
  { name: '催办', items: working(), actor: clerk, perform: act({ type: '催办', content: '请加快' }) },
  { name: '延期方案', items: working(), actor: leader, perform: act({ type: '延期方案', deadline: '2026-04-30', nodes: '4月15日完成招标' }) },
  {
    name: '重新立项',
    items: working({
      state: '已销号',
      report1On: '2026-03-03',
      report3On: '2026-03-05',
      reportFinalOn: '2026-03-09',
      appliedOn: '2026-03-09',
      checkedOn: '2026-03-10',
      approvedOn: '2026-03-12',
      closedOn: '2026-03-12',
      grade: '良好',
    }),
    actor: clerk,
    perform: act({ type: '重新立项', content: '校领导批示：加装防臭阀' }),
  },
  {
    name: 'urgeOverdue',
    // read; the rows to patch, as they stand; write
    syncs: 3,
    items: [makeItem({ id: 'DB-2026-0001' }), makeItem({ id: 'DB-2026-0003', content: '第二件逾期事项' }), other],
    actor: clerk,
    perform: (svc, c) => svc.urgeOverdue(SECTION, '请于本周内报送', c),
  },
];

/**
 * Promises under partial failures: values — never half-written; retry — a retry with the same
 * opId converges to the clean workbook; protection — no sheet is left unprotected.
 */
// Actions that cannot yet keep a promise under partial failures (test.failing). Empty since the
// gateway rolls a failed write forward under the same operation id (ledgerGateway.ts rollForward):
// every step is keyed by the id and skipped when already done; the item row is one operation.
const KNOWN: Record<'values' | 'retry' | 'protection', Set<string>> = {
  values: new Set<string>(),
  retry: new Set<string>(),
  protection: new Set<string>(),
};

// ------------------------------------------------------------------------------------------
// harness
// ------------------------------------------------------------------------------------------

const fixture = (s: Scenario) => ledgerFixture({ items: s.items, records: s.records, protect: true });

/** Every table's values and formulas (操作日志 时间 included: the clock is fixed). */
function state(xl: ExcelDouble): string {
  const tables = xl.workbook
    .sheetNames()
    .flatMap((n) => xl.workbook.sheet(n).listTables())
    .map((t) => ({ name: t.name, address: t.address, values: t.values, formulas: t.formulas }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return JSON.stringify(tables);
}

function protectedSheets(xl: ExcelDouble): string[] {
  return xl.workbook.sheetNames().filter((n) => xl.workbook.sheet(n).protection.protected);
}

interface Trace {
  /** sync calls that carried operations, 1-based */
  syncs: number;
  /** operations applied by each sync (index 0 = sync 1) */
  opsPerSync: number[];
}

/** Wrap `xl.run`: count syncs and their operations; before sync `failAt`, arm a fault. */
function instrumented(xl: ExcelDouble, fault?: { at: number; kind: 'request' | 'partial'; k?: number }): { run: ExcelRun; trace: Trace } {
  const trace: Trace = { syncs: 0, opsPerSync: [] };
  const run: ExcelRun = (batch) =>
    xl.run(async (context) => {
      const sync = context.sync.bind(context);
      (context as { sync: () => Promise<void> }).sync = async () => {
        const n = ++trace.syncs;
        if (fault && n === fault.at) xl.failNextSync(fault.kind, fault.k ?? 0);
        const before = xl.stats.operations;
        try {
          await sync();
        } finally {
          trace.opsPerSync.push(xl.stats.operations - before);
        }
      };
      return batch(context);
    });
  return { run, trace };
}

interface Reference {
  before: string;
  clean: string;
  protectedBefore: string[];
  trace: Trace;
}

const references = new Map<string, Reference>();
async function reference(s: Scenario): Promise<Reference> {
  const cached = references.get(s.name);
  if (cached) return cached;
  const xl = fixture(s);
  const before = state(xl);
  const protectedBefore = protectedSheets(xl);
  const { run, trace } = instrumented(xl);
  const r = await s.perform(createLedgerService(run, { clock: CLOCK }), ctx(s.actor));
  if (!r.ok) throw new Error(`${s.name}: the clean run failed: ${JSON.stringify(r)}`);
  const ref = { before, clean: state(xl), protectedBefore, trace };
  expect(ref.clean).not.toBe(ref.before);
  expect(protectedSheets(xl)).toEqual(protectedBefore);
  references.set(s.name, ref);
  return ref;
}

interface Outcome {
  label: string;
  /** after the failure: 'before' | 'clean' | 'HALF' */
  after: 'before' | 'clean' | 'HALF';
  /** the failed call's result said ok */
  reportedOk: boolean;
  retry: 'clean' | 'DIFFERENT';
  protectionKept: boolean;
  /** for diagnosis */
  diff?: string;
}

/** Differences between two state() strings, table by table, row by row (first few). */
function diff(a: string, b: string): string {
  const ta = JSON.parse(a) as { name: string; values: unknown[][] }[];
  const tb = JSON.parse(b) as { name: string; values: unknown[][] }[];
  const out: string[] = [];
  for (const t of ta) {
    const u = tb.find((x) => x.name === t.name);
    if (!u) continue;
    const n = Math.max(t.values.length, u.values.length);
    for (let i = 0; i < n && out.length < 6; i += 1) {
      if (JSON.stringify(t.values[i]) !== JSON.stringify(u.values[i])) out.push(`${t.name}#${i + 1}`);
    }
  }
  return out.join(' ');
}

async function faulted(s: Scenario, ref: Reference, fault: { at: number; kind: 'request' | 'partial'; k?: number }): Promise<Outcome> {
  const xl = fixture(s);
  const c = ctx(s.actor);
  const { run } = instrumented(xl, fault);
  let reportedOk = false;
  try {
    const r = await s.perform(createLedgerService(run, { clock: CLOCK }), c);
    reportedOk = r.ok;
  } catch {
    reportedOk = false;
  }
  const now = state(xl);
  const after = now === ref.before ? 'before' : now === ref.clean ? 'clean' : 'HALF';
  const protectionKept = JSON.stringify(protectedSheets(xl)) === JSON.stringify(ref.protectedBefore);
  const halfDiff = after === 'HALF' ? diff(ref.before, now) : undefined;
  // the retry: same action, same opId, a healthy connection
  await s.perform(createLedgerService(xl.run, { clock: CLOCK }), c);
  const retried = state(xl);
  return {
    label: `${fault.kind}@sync${fault.at}${fault.k !== undefined ? `/op${fault.k}` : ''}`,
    after,
    reportedOk,
    retry: retried === ref.clean ? 'clean' : 'DIFFERENT',
    protectionKept: protectionKept && JSON.stringify(protectedSheets(xl)) === JSON.stringify(ref.protectedBefore),
    diff: halfDiff ?? (retried === ref.clean ? undefined : `retry: ${diff(ref.clean, retried)}`),
  };
}

const partialOutcomes = new Map<string, Outcome[]>();
async function partials(s: Scenario): Promise<Outcome[]> {
  const cached = partialOutcomes.get(s.name);
  if (cached) return cached;
  const ref = await reference(s);
  const writeSync = ref.trace.syncs; // the last sync of the clean run is the write
  const ops = ref.trace.opsPerSync[writeSync - 1];
  const out: Outcome[] = [];
  for (let k = 0; k <= ops; k += 1) out.push(await faulted(s, ref, { at: writeSync, kind: 'partial', k }));
  partialOutcomes.set(s.name, out);
  return out;
}

const t = (known: boolean) => (known ? test.failing : test);

// ------------------------------------------------------------------------------------------
// request failures: nothing applied
// ------------------------------------------------------------------------------------------

describe.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', (_name, s) => {
  test('clean run: the action costs its syncs (2, urgeOverdue 3), each carrying operations', async () => {
    const ref = await reference(s);
    expect(ref.trace.syncs).toBe(s.syncs ?? 2);
    expect(ref.trace.opsPerSync.every((n) => n > 0)).toBe(true);
  });

  test('request failure at each sync: unchanged and reported, or rolled forward and ok; retry with the same opId = clean run', async () => {
    const ref = await reference(s);
    const outcomes: Outcome[] = [];
    for (let at = 1; at <= ref.trace.syncs; at += 1) outcomes.push(await faulted(s, ref, { at, kind: 'request' }));
    // Either nothing happened and the call says so, or the gateway rolled the write forward and
    // the call says ok; never half-written, and a retry lands on the clean workbook.
    expect(outcomes).toEqual(
      outcomes.map((o) => ({ label: o.label, after: o.reportedOk ? 'clean' : 'before', reportedOk: o.reportedOk, retry: 'clean', protectionKept: true })),
    );
  });

  t(KNOWN.values.has(s.name))('partial failure at each operation of the write sync: never half-written', async () => {
    const out = await partials(s);
    const half = out.filter((o) => o.after === 'HALF').map((o) => `${o.label} ${o.diff}`);
    expect(half).toEqual([]);
  });

  t(KNOWN.retry.has(s.name))('partial failure at each operation of the write sync: the retry gives the clean workbook', async () => {
    const out = await partials(s);
    expect(out.filter((o) => o.retry !== 'clean').map((o) => `${o.label} ${o.diff}`)).toEqual([]);
  });

  t(KNOWN.protection.has(s.name))('partial failure at each operation of the write sync: sheets stay protected', async () => {
    const out = await partials(s);
    expect(out.filter((o) => !o.protectionKept).map((o) => o.label)).toEqual([]);
  });

  test('a failure reported as a failure: the call never says ok when the write did not complete', async () => {
    const out = await partials(s);
    expect(out.filter((o) => o.reportedOk && o.after !== 'clean').map((o) => o.label)).toEqual([]);
  });
});

// ------------------------------------------------------------------------------------------
// the consequences, one named test each (these failed before the gateway rolled writes forward)
// ------------------------------------------------------------------------------------------

describe('named consequences of partial writes', () => {
  const scenario = (name: string) => SCENARIOS.find((x) => x.name === name)!;
  const rows = (xl: ExcelDouble, table: string) => {
    const tb = xl.workbook.table(table);
    return tb.values.filter((r) => r.some((v) => v !== '')).map((r) => Object.fromEntries(tb.columns.map((h, i) => [h, r[i]])));
  };
  async function failThenRetry(name: string, k: number) {
    const s = scenario(name);
    const xl = fixture(s);
    const c = ctx(s.actor);
    await s.perform(createLedgerService(instrumented(xl, { at: 2, kind: 'partial', k }).run, { clock: CLOCK }), c);
    const afterFailure = { ledger: rows(xl, '台账'), log: rows(xl, '操作日志'), protectedSheets: protectedSheets(xl) };
    await s.perform(createLedgerService(xl.run, { clock: CLOCK }), c);
    return { xl, afterFailure };
  }

  test('register: a write failing part-way is rolled forward — one row and one 立项 line, also after a retry', async () => {
    const { xl, afterFailure } = await failThenRetry('register', 2);
    expect(afterFailure.ledger.filter((r) => r['事项内容'] === '新登记的事项')).toHaveLength(1);
    expect(afterFailure.log.map((r) => r['动作'])).toEqual(['立项']);
    // after the retry: still one row and one 立项 line for it
    expect(rows(xl, '操作日志').map((r) => r['动作'])).toEqual(['立项']);
  });

  test('催办: a write failing part-way and a retry count the reminder once (催办次数 1, one 催办 record)', async () => {
    const { xl } = await failThenRetry('催办', 6);
    const item = rows(xl, '台账').find((r) => r['编号'] === 'DB-2026-0001')!;
    expect(item['催办次数']).toBe(1);
    expect(rows(xl, '反馈记录').filter((r) => r['类型'] === '催办')).toHaveLength(1);
  });

  test('protection: a write failing between unprotect and protect leaves 台账 protected after the roll-forward and after a retry', async () => {
    const { xl, afterFailure } = await failThenRetry('催办', 2);
    expect(afterFailure.protectedSheets).toContain('台账');
    expect(protectedSheets(xl)).toContain('台账');
  });
});

afterAll(() => {
  // The table for the report: per action, which operation indexes of the write sync end half-written.
  const lines = [...partialOutcomes].map(([name, outs]) => {
    const half = outs.filter((o) => o.after === 'HALF').map((o) => o.label.replace(/.*\/op/, ''));
    const badRetry = outs.filter((o) => o.retry !== 'clean').map((o) => o.label.replace(/.*\/op/, ''));
    const unprot = outs.filter((o) => !o.protectionKept).map((o) => o.label.replace(/.*\/op/, ''));
    return `${name}: ops=${outs.length - 1} half-written@[${half.join(',')}] retry-differs@[${badRetry.join(',')}] unprotected@[${unprot.join(',')}]`;
  });
  if (process.env.FAULTS_REPORT) process.stdout.write(`${lines.join('\n')}\n`);
});

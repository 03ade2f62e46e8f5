/**
 * The contract of LedgerService as the task pane sees it, run against both implementations: the
 * real service (createLedgerService) over the in-memory Excel double, and FakeLedgerService, which
 * backs the page tests. Both start from the same ledger (the seeded sample of workbook/sample.ts)
 * and get the same calls; the assertions are on what the pane relies on — 编号, states, statuses,
 * counts, outcomes of a replayed operation id and the codes of refusals — never on round trips or
 * timings. Where the two disagree the real service is the truth and the fake is corrected.
 */
import { createCalendar } from '../../domain/calendar';
import { nextItemNumber } from '../../domain/itemNumber';
import { monthlyScores } from '../../domain/scoring';
import { defaultSettings, type Settings } from '../../domain/settings';
import { itemStatus } from '../../domain/status';
import type { IsoDate, LedgerItem, SectionPeople, SourceCategory } from '../../domain/types';
import type { Actor } from '../../domain/workflow';
import type { Result } from '../../domain/result';
import { dashboardData } from '../../excel/dashboard';
import { createLedgerService } from '../../excel/ledgerGateway';
import type { ActionContext, LedgerService, LedgerSnapshot, StoredRecord } from '../../excel/ledgerService';
import { roundFixture } from '../../excel/testing/roundsFixture';
import { generateSample } from '../../workbook/sample';
import { DEFAULT_DIRECTOR, DEFAULT_SECTIONS } from '../../workbook/sections';
import { FakeLedgerService } from './fakeLedgerService';

const TODAY: IsoDate = '2026-03-16';
const WORKBOOK = '13710督办台账.xlsx';
const SECTION = '工程管理科';
const clerk: Actor = { role: '督办员', name: '陈志刚' };
const director: Actor = { role: '中心主任', name: DEFAULT_DIRECTOR };
const sectionActor: Actor = { role: '科室', name: '周海涛', section: SECTION };
const otherSection: Actor = { role: '科室', name: '赵明', section: '综合科' };
const leader: Actor = { role: '分管领导', name: '王振宇' };

const settings: Settings = { ...defaultSettings(), director: DEFAULT_DIRECTOR };
const people: SectionPeople[] = DEFAULT_SECTIONS.map(({ section, chief, deputy }) => ({ section, chief, deputy }));
const sample = generateSample({ count: 30, seed: 13710, today: TODAY, sections: DEFAULT_SECTIONS, settings });
/** the 反馈记录 rows as stored: ledgerFixture keys them op-rec-0, op-rec-1, … */
const storedRecords: StoredRecord[] = sample.records.map((r, k) => ({ ...r, opId: `op-rec-${k}` }));

function makeReal(): LedgerService {
  const xl = roundFixture(sample.items, sample.records, { today: TODAY });
  return createLedgerService(xl.run, { clock: () => new Date(`${TODAY}T09:00:00`) });
}

function makeFake(): LedgerService {
  return new FakeLedgerService({ items: sample.items, records: storedRecords, people, settings, today: TODAY, workbookName: WORKBOOK });
}

let seq = 0;
function ctx(actor: Actor, opId = `op-contract-${++seq}`, on: IsoDate = TODAY): ActionContext {
  return { actor, on, opId, now: new Date(`${on}T10:00:00`) };
}

async function must<T>(p: Promise<Result<T>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

async function codeOf(p: Promise<Result<unknown>>): Promise<string> {
  const r = await p;
  return r.ok ? 'ok' : r.error.code;
}

/** The status counts the 总览 page shows, from a snapshot. */
function statusCounts(snap: Pick<LedgerSnapshot, 'items' | 'today' | 'settings' | 'calendar'>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of snap.items) {
    const { status } = itemStatus(item, snap.today, snap.settings, snap.calendar);
    counts[status] = (counts[status] ?? 0) + 1;
  }
  return counts;
}

const byId = (snap: LedgerSnapshot, id: string): LedgerItem => {
  const item = snap.items.find((i) => i.id === id);
  if (!item) throw new Error(`no ${id} in the snapshot`);
  return item;
};

const EVIDENCE = 'https://pan.example.com/s/13710-contract';

const NEW_INPUT = { source: '其他', level: '台账其他任务', content: '契约测试：更换实验楼门禁', section: SECTION, kind: '一般' } as const;

describe.each([
  ['real service over the Excel double', makeReal],
  ['FakeLedgerService', makeFake],
])('LedgerService contract: %s', (_name, make) => {
  let svc: LedgerService;
  beforeEach(() => {
    svc = make();
  });

  test('snapshot: the starting ledger as it was written, with its statuses and counts', async () => {
    const snap = await svc.snapshot();
    expect(snap).toMatchObject({ workbookName: WORKBOOK, initialised: true, today: TODAY, rowErrors: [] });
    expect(snap.people).toEqual(people);
    expect(snap.settings.director).toBe(DEFAULT_DIRECTOR);
    expect(snap.items).toEqual(sample.items);
    expect(snap.records).toEqual(storedRecords);
    expect(statusCounts(snap)).toEqual(statusCounts({ items: sample.items, today: TODAY, settings, calendar: createCalendar() }));
  });

  test('register: the next number, 待审批; a replayed opId keeps that number and adds nothing', async () => {
    const expected = nextItemNumber(
      sample.items.map((i) => i.id),
      2026,
    );
    const op = ctx(clerk);
    const made = await must(svc.register(NEW_INPUT, op));
    expect(made.renumbered).toBe(false);
    expect(made.item).toMatchObject({ id: expected, state: '待审批', registeredOn: TODAY, section: SECTION, content: NEW_INPUT.content });
    const again = await must(svc.register(NEW_INPUT, op));
    expect(again.item.id).toBe(expected);
    const snap = await svc.snapshot();
    expect(snap.items).toHaveLength(sample.items.length + 1);
    expect(byId(snap, expected)).toEqual(made.item);
  });

  test('register refusals: wrong role, bad input, a 承办科室 not in 科室人员', async () => {
    expect(await codeOf(svc.register(NEW_INPUT, ctx(sectionActor)))).toBe('wrong-role');
    expect(await codeOf(svc.register({ ...NEW_INPUT, source: '无此来源' as string as SourceCategory }, ctx(clerk)))).toBe('bad-enum');
    expect(await codeOf(svc.register({ ...NEW_INPUT, section: '' }, ctx(clerk)))).toBe('missing-field');
    expect(await codeOf(svc.register({ ...NEW_INPUT, section: '不存在的科' }, ctx(clerk)))).toBe('row-invalid');
    expect((await svc.snapshot()).items).toHaveLength(sample.items.length);
  });

  test('act: 交办 → 1天反馈 → 审签 → 申请办结 → 初核 → 审定 → 重新立项, each replay of its opId idempotent', async () => {
    const { item } = await must(svc.register(NEW_INPUT, ctx(clerk)));
    const id = item.id;
    const steps: [Actor, Parameters<LedgerService['act']>[1], string][] = [
      [director, { type: '审批同意', assignedOn: TODAY }, '已交办'],
      [sectionActor, { type: '反馈', node: '1天反馈', content: '已召开专题会研究部署' }, '办理中'],
    ];
    for (const [actor, action, state] of steps) {
      const op = ctx(actor);
      const first = await must(svc.act(id, action, op));
      expect(first.item.state).toBe(state);
      const before = await svc.snapshot();
      const again = await must(svc.act(id, action, op));
      expect(again.item).toEqual(first.item);
      const after = await svc.snapshot();
      expect(after.items).toEqual(before.items);
      expect(after.records).toEqual(before.records);
    }
    let snap = await svc.snapshot();
    // a report counts (1天反馈日) only once signed
    expect(byId(snap, id)).toMatchObject({ state: '办理中', assignedOn: TODAY, report1On: null });
    const mine = snap.records.filter((r) => r.itemId === id);
    expect(mine).toEqual([expect.objectContaining({ type: '1天反馈', date: TODAY, signedOn: null })]);

    // 审签 of the stored report: the record row is signed in place, not appended
    const sign = ctx(leader);
    await must(svc.act(id, { type: '审签', record: mine[0] }, sign));
    await must(svc.act(id, { type: '审签', record: mine[0] }, sign));
    snap = await svc.snapshot();
    expect(snap.records.filter((r) => r.itemId === id)).toEqual([
      expect.objectContaining({ type: '1天反馈', signer: leader.name, signedOn: TODAY, opId: mine[0].opId }),
    ]);
    expect(byId(snap, id).report1On).toBe(TODAY);
    // a report without its 操作ID cannot be found to sign; one whose 操作ID is gone neither
    const { opId: _key, ...unkeyed } = mine[0];
    expect(await codeOf(svc.act(id, { type: '审签', record: unkeyed }, ctx(leader)))).toBe('record-not-found');
    expect(await codeOf(svc.act(id, { type: '审签', record: { ...mine[0], opId: 'op-gone' } as StoredRecord }, ctx(leader)))).not.toBe('ok');
    // another pane's list can be older than the report: one signed since, or sent back since, is not acted on again
    expect(await codeOf(svc.act(id, { type: '审签', record: mine[0] }, ctx({ ...leader, name: '李振华' })))).toBe('report-signed');
    await must(svc.act(id, { type: '反馈', node: '3天反馈', content: '已排查' }, ctx(sectionActor)));
    const report3 = (await svc.snapshot()).records.find((r) => r.itemId === id && r.type === '3天反馈')!;
    await must(svc.act(id, { type: '审签退回', record: report3, comment: '请补充完成时间' }, ctx(leader)));
    expect(await codeOf(svc.act(id, { type: '审签', record: report3 }, ctx(leader)))).toBe('report-returned');
    expect(await codeOf(svc.act(id, { type: '审签退回', record: report3, comment: '再退一次' }, ctx(leader)))).toBe('report-returned');

    for (const [actor, action, state] of [
      [sectionActor, { type: '申请办结', content: '已完成', evidence: EVIDENCE }, '申请办结'],
      [clerk, { type: '初核' }, '已初核'],
      [leader, { type: '审定', grade: '良好' }, '已销号'],
    ] as [Actor, Parameters<LedgerService['act']>[1], string][]) {
      const op = ctx(actor);
      expect((await must(svc.act(id, action, op))).item.state).toBe(state);
      expect((await must(svc.act(id, action, op))).item.state).toBe(state);
    }
    snap = await svc.snapshot();
    // 佐证材料 went in with 申请办结 and reads back from the ledger, through 初核 and 审定
    expect(byId(snap, id)).toMatchObject({ state: '已销号', grade: '良好', closedOn: TODAY, evidence: EVIDENCE, progress: '已完成' });

    // 重新立项: a new item under the next number, once
    const reopen = ctx(clerk);
    const reopened = await must(svc.act(id, { type: '重新立项', content: '复查门禁运行情况' }, reopen));
    const newId = nextItemNumber([...sample.items.map((i) => i.id), id], 2026);
    expect(reopened.newItem).toMatchObject({ id: newId, state: '待审批', linkedId: id });
    expect(await codeOf(svc.act(id, { type: '重新立项', content: '复查门禁运行情况' }, reopen))).toBe('ok');
    snap = await svc.snapshot();
    expect(snap.items.filter((i) => i.linkedId === id).map((i) => i.id)).toEqual([newId]);
    expect(snap.items).toHaveLength(sample.items.length + 2);
  });

  test('act refusals: wrong role, wrong state, other section, bad input, unknown 编号', async () => {
    const { item } = await must(svc.register(NEW_INPUT, ctx(clerk)));
    expect(await codeOf(svc.act(item.id, { type: '审批同意', assignedOn: TODAY }, ctx(clerk)))).toBe('wrong-role');
    expect(await codeOf(svc.act(item.id, { type: '初核' }, ctx(clerk)))).toBe('wrong-state');
    await must(svc.act(item.id, { type: '审批同意', assignedOn: TODAY }, ctx(director)));
    expect(await codeOf(svc.act(item.id, { type: '反馈', node: '1天反馈', content: '部署' }, ctx(otherSection)))).toBe('other-section');
    expect(await codeOf(svc.act(item.id, { type: '审定', grade: '良好' }, ctx(leader)))).toBe('wrong-state');
    expect(await codeOf(svc.act(item.id, { type: '申请办结', evidence: EVIDENCE }, ctx(sectionActor)))).toBe('wrong-state');
    await must(svc.act(item.id, { type: '开始办理' }, ctx(sectionActor)));
    // no 佐证材料, or one Excel would read as a formula: refused, nothing written
    expect(await codeOf(svc.act(item.id, { type: '申请办结', evidence: ' ' }, ctx(sectionActor)))).toBe('missing-evidence');
    expect(await codeOf(svc.act(item.id, { type: '申请办结', evidence: '=HYPERLINK("x")' }, ctx(sectionActor)))).toBe('formula-like');
    expect(byId(await svc.snapshot(), item.id)).toMatchObject({ state: '办理中', evidence: '' });
    await must(svc.act(item.id, { type: '申请办结', evidence: '门禁验收单.pdf' }, ctx(sectionActor)));
    expect(await codeOf(svc.act(item.id, { type: '初核' }, ctx(sectionActor)))).toBe('wrong-role');
    expect(await codeOf(svc.act(item.id, { type: '退回', reason: '  ' }, ctx(clerk)))).toBe('missing-reason');
    expect(await codeOf(svc.act('DB-2026-9999', { type: '催办' }, ctx(clerk)))).toBe('item-not-found');
    const snap = await svc.snapshot();
    expect(byId(snap, item.id)).toMatchObject({ state: '申请办结', evidence: '门禁验收单.pdf' });
  });

  test('佐证材料: 申请办结 writes it, the snapshot reads it back, 退回 keeps it, applying again replaces it', async () => {
    const { item } = await must(svc.register(NEW_INPUT, ctx(clerk)));
    await must(svc.act(item.id, { type: '审批同意', assignedOn: TODAY }, ctx(director)));
    await must(svc.act(item.id, { type: '开始办理' }, ctx(sectionActor)));
    const apply = ctx(sectionActor);
    const applied = await must(svc.act(item.id, { type: '申请办结', evidence: EVIDENCE }, apply));
    expect(applied.item.evidence).toBe(EVIDENCE);
    expect((await must(svc.act(item.id, { type: '申请办结', evidence: EVIDENCE }, apply))).item.evidence).toBe(EVIDENCE);
    expect(byId(await svc.snapshot(), item.id)).toMatchObject({ state: '申请办结', appliedOn: TODAY, evidence: EVIDENCE });
    await must(svc.act(item.id, { type: '退回', reason: '缺少整改前后照片' }, ctx(clerk)));
    expect(byId(await svc.snapshot(), item.id)).toMatchObject({ state: '办理中', appliedOn: null, returnCount: 1, evidence: EVIDENCE });
    await must(svc.act(item.id, { type: '申请办结', evidence: `${EVIDENCE}、整改前后照片.zip` }, ctx(sectionActor)));
    expect(byId(await svc.snapshot(), item.id).evidence).toBe(`${EVIDENCE}、整改前后照片.zip`);
  });

  test('urgeOverdue: the overdue open items of the section, once per opId', async () => {
    const overdue = sample.items
      .filter((i) => i.section === '综合科' && !i.closedOn && itemStatus(i, TODAY, settings, createCalendar()).status === '逾期')
      .map((i) => i.id);
    expect(overdue.length).toBeGreaterThan(1);
    const op = ctx(clerk);
    expect((await must(svc.urgeOverdue('综合科', '电话催办', op))).itemIds).toEqual(overdue);
    expect((await must(svc.urgeOverdue('综合科', '电话催办', op))).itemIds).toEqual(overdue);
    const snap = await svc.snapshot();
    for (const id of overdue) {
      const was = sample.items.find((i) => i.id === id)!;
      expect(byId(snap, id)).toMatchObject({ urgeCount: was.urgeCount + 1, lastUrgedOn: TODAY });
    }
    expect(snap.records.filter((r) => r.type === '催办' && r.date === TODAY).map((r) => r.itemId)).toEqual(overdue);
    expect((await must(svc.urgeOverdue('财务科', '', ctx(clerk)))).itemIds).toEqual([]);
  });

  test('an opId is replayed per item: the same opId on another item is applied there', async () => {
    const [a, b] = sample.items.filter((i) => i.state === '办理中');
    const op = ctx(clerk);
    await must(svc.act(a.id, { type: '催办' }, op));
    await must(svc.act(b.id, { type: '催办' }, op));
    await must(svc.act(a.id, { type: '催办' }, op));
    const snap = await svc.snapshot();
    expect(byId(snap, a.id).urgeCount).toBe(a.urgeCount + 1);
    expect(byId(snap, b.id).urgeCount).toBe(b.urgeCount + 1);
  });

  test('import: preview, apply (replayed once), undo restores the ledger', async () => {
    const target = sample.items.find((i) => i.state === '办理中')!;
    const head = ['编号', '来源类别', '交办层级', '事项内容', '承办科室', '事项类型', '交办日期', '办理状态', '最近进展'];
    const row = (cells: string[]) => cells.join('\t');
    const text = [
      head.join('\t'),
      row([target.id, target.source, target.level, target.content, target.section, target.kind, target.assignedOn ?? '', target.state, '契约测试：进展更新']),
      row(['', '其他', '台账其他任务', '契约测试：新增事项甲', SECTION, '一般', '2026-03-10', '办理中', '']),
      row(['DB-2026-0500', '其他', '台账其他任务', '契约测试：新增事项乙', SECTION, '一般', '2026-03-10', '办理中', '']),
      row(['DB-2026-0501', '其他', '台账其他任务', '契约测试：错误科室', '不存在的科', '一般', '2026-03-10', '办理中', '']),
    ].join('\n');
    const preview = await must(svc.previewImport(text));
    expect(preview.update.map((u) => [u.pastedRow, u.id])).toEqual([[2, target.id]]);
    expect(preview.update[0].changes).toEqual([{ header: '最近进展', before: target.progress, after: '契约测试：进展更新' }]);
    expect(preview.add.map((a) => [a.pastedRow, a.item.id, a.toNumber])).toEqual([
      [3, '', true],
      [4, 'DB-2026-0500', false],
    ]);
    expect(preview.errorRows).toEqual([5]);
    expect((await svc.snapshot()).items).toEqual(sample.items);

    const importOp = ctx(clerk);
    const applied = await must(svc.applyImport(preview, importOp));
    expect(applied.opId).toBe(importOp.opId);
    expect(applied.updated).toEqual([{ pastedRow: 2, id: target.id }]);
    // the row without 编号 is numbered at apply, after the ledger's numbers
    expect(applied.added).toEqual([
      {
        pastedRow: 3,
        id: nextItemNumber(
          sample.items.map((i) => i.id),
          2026,
        ),
      },
      { pastedRow: 4, id: 'DB-2026-0500' },
    ]);
    expect(applied.skipped).toEqual([]);
    const addedIds = applied.added.map((a) => a.id);
    let snap = await svc.snapshot();
    expect(snap.items).toHaveLength(sample.items.length + 2);
    expect(byId(snap, target.id).progress).toBe('契约测试：进展更新');

    const replay = await must(svc.applyImport(preview, importOp));
    expect(replay.updated.map((u) => u.id)).toEqual([target.id]);
    expect(replay.added.map((a) => a.id)).toEqual(addedIds);
    expect((await svc.snapshot()).items).toEqual(snap.items);

    const undoOp = ctx(clerk);
    const undone = await must(svc.undoImport(importOp.opId, undoOp));
    expect(undone.restored).toEqual([target.id]);
    expect([...undone.removed].sort()).toEqual([...addedIds].sort());
    expect(undone.skipped).toEqual([]);
    snap = await svc.snapshot();
    expect(snap.items).toEqual(sample.items);

    // undoing again (same opId or a new one) finds every row as it was before the import
    for (const op of [undoOp, ctx(clerk)]) {
      const again = await must(svc.undoImport(importOp.opId, op));
      expect(again).toMatchObject({ removed: [], restored: [], skipped: [] });
      expect([...again.already].sort()).toEqual([target.id, ...addedIds].sort());
    }
    expect((await svc.snapshot()).items).toEqual(sample.items);
    expect(await codeOf(svc.undoImport('op-never-imported', ctx(clerk)))).toBe('nothing-to-undo');
  });

  test('generateRound: the report and both lists; a replayed opId is already-done; a bad period refused', async () => {
    const period = { from: '2026-02-01', to: TODAY };
    const op = ctx(clerk);
    const round = await must(svc.generateRound(period, op));
    expect(round.issueRows).toHaveLength(round.report.issueList.length);
    expect(round.nonImplementationRows).toHaveLength(round.report.nonImplementationList.length);
    expect(round.report.issueList.length).toBeGreaterThan(0);
    expect(round.report.issueList.map((r) => r.itemId)).toEqual(
      expect.arrayContaining(sample.items.filter((i) => !i.closedOn && itemStatus(i, TODAY, settings, createCalendar()).status === '逾期').map((i) => i.id)),
    );
    expect(round.rowErrors).toEqual([]);
    const again = await svc.generateRound(period, op);
    expect(!again.ok && again.error.code).toBe('already-done');
    expect(await codeOf(svc.generateRound({ from: TODAY, to: '2026-02-01' }, ctx(clerk)))).toBe('bad-period');
  });

  test('freezeMonth: the month’s scores as versions; a replayed opId is already-done; bad and future months refused', async () => {
    const month = '2026-02';
    const expected = monthlyScores({
      items: sample.items,
      records: sample.records,
      sections: people.map((p) => p.section),
      month,
      today: TODAY,
      settings,
      cal: createCalendar(),
    });
    const op = ctx(clerk);
    const first = await must(svc.freezeMonth(month, op));
    expect(first).toMatchObject({ month, version: 1, created: true, rowErrors: [] });
    expect(first.scores).toEqual(expected);
    const replay = await svc.freezeMonth(month, op);
    expect(!replay.ok && replay.error.code).toBe('already-done');
    const second = await must(svc.freezeMonth(month, ctx(clerk)));
    expect(second).toMatchObject({ month, version: 2, created: false });
    expect(await codeOf(svc.freezeMonth('2026-13', ctx(clerk)))).toBe('bad-month');
    expect(await codeOf(svc.freezeMonth('2026-05', ctx(clerk)))).toBe('future-month');
  });

  test('reads for the lists, scores and documents pages: dashboard figures and the document source', async () => {
    const dash = await must(svc.refreshDashboard(TODAY));
    expect(dash.rowErrors).toEqual([]);
    expect(dash.figures).toEqual(dashboardData({ items: sample.items, sections: people.map((p) => p.section), settings, cal: createCalendar() }, TODAY));
    const source = await must(svc.documentSource());
    expect(source.items).toEqual(sample.items);
    // documents need only the 退回 records
    expect(source.records).toEqual(storedRecords.filter((r) => r.type === '退回'));
    expect(source.sections).toEqual(people.map((p) => p.section));
    expect(source.people).toEqual(people);
    expect(source.rowErrors).toEqual([]);
  });
});

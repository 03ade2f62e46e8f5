import { makeItem } from '../../domain/testing/itemFactory';
import type { ActionContext } from '../../excel/ledgerService';
import { FakeLedgerService } from './fakeLedgerService';

const ctx = (o: Partial<ActionContext> = {}): ActionContext => ({
  actor: { role: '督办员', name: '督办' },
  on: '2026-03-16',
  opId: 'op-1',
  now: new Date(0),
  ...o,
});

describe('FakeLedgerService', () => {
  it('numbers registrations with the domain and applies the real rules', async () => {
    const fake = new FakeLedgerService({ items: [makeItem({ id: 'DB-2026-0041' })] });
    const input = { source: '其他' as const, level: '台账其他任务' as const, content: '新事项', section: '工程管理科', kind: '一般' as const };
    const made = await fake.register(input, ctx());
    expect(made.ok && made.value.item).toMatchObject({ id: 'DB-2026-0042', state: '待审批' });
    const refused = await fake.register(input, ctx({ opId: 'op-2', actor: { role: '科室', name: '张', section: '工程管理科' } }));
    expect(refused.ok).toBe(false);
    const wrong = await fake.act('DB-2026-0042', { type: '初核' }, ctx({ opId: 'op-3' }));
    expect(!wrong.ok && wrong.error.code).toBe('wrong-state');
  });

  it('replays a repeated opId instead of applying twice', async () => {
    const fake = new FakeLedgerService({ items: [makeItem()] });
    const first = await fake.act('DB-2026-0001', { type: '催办' }, ctx());
    const again = await fake.act('DB-2026-0001', { type: '催办' }, ctx());
    expect(again).toEqual(first);
    expect(fake.item('DB-2026-0001')?.urgeCount).toBe(1);
    expect(fake.records).toHaveLength(1);
    expect(fake.records[0].opId).toBe('op-1');
  });

  it('fails before or after writing, as asked', async () => {
    const fake = new FakeLedgerService({ items: [makeItem()] });
    fake.failNext('断开');
    await expect(fake.act('DB-2026-0001', { type: '催办' }, ctx())).rejects.toThrow('断开');
    expect(fake.item('DB-2026-0001')?.urgeCount).toBe(0);
    fake.failNext({ message: '超时', when: 'after' });
    await expect(fake.act('DB-2026-0001', { type: '催办' }, ctx())).rejects.toThrow('超时');
    expect(fake.item('DB-2026-0001')?.urgeCount).toBe(1);
    await fake.snapshot(); // snapshot is not a write: not affected by a write failure
  });

  it('signs the stored record it is given and urges a section’s overdue items', async () => {
    const fake = new FakeLedgerService({
      today: '2026-03-16',
      items: [makeItem({ id: 'A', assignedOn: '2026-03-02' }), makeItem({ id: 'B', assignedOn: '2026-03-16', registeredOn: '2026-03-16' })],
    });
    const section = { role: '科室' as const, name: '张', section: '工程管理科' };
    await fake.act('A', { type: '反馈', node: '1天反馈', content: '部署' }, ctx({ actor: section, opId: 'op-r' }));
    const [record] = (await fake.snapshot()).records;
    const signed = await fake.act('A', { type: '审签', record }, ctx({ actor: { role: '分管领导', name: '李' }, opId: 'op-s' }));
    expect(signed.ok).toBe(true);
    expect(fake.records).toEqual([expect.objectContaining({ opId: 'op-r', signer: '李', signedOn: '2026-03-16' })]);
    const urged = await fake.urgeOverdue('工程管理科', '', ctx({ opId: 'op-u' }));
    expect(urged.ok && urged.value.itemIds).toEqual(['A']);
  });

  it('tells selection subscribers and unsubscribes them', async () => {
    const fake = new FakeLedgerService();
    const seen: (string | null)[] = [];
    const off = await fake.onSelectItem((id) => seen.push(id));
    fake.emitSelect('A');
    off();
    fake.emitSelect('B');
    expect(seen).toEqual(['A']);
  });

  it('generateRound runs the domain report; a bad period is refused; a repeated opId is already-done', async () => {
    const fake = new FakeLedgerService({ items: [makeItem({ id: 'A' }), makeItem({ id: 'B', assignedOn: '2026-03-12' })] });
    const round = await fake.generateRound({ from: '2026-03-01', to: '2026-03-31' }, ctx());
    expect(round.ok).toBe(true);
    if (!round.ok) return;
    expect(round.value.archiveSheet).toBe('督查报告 2026-03');
    expect(round.value.report.totals.items).toBe(2);
    expect(round.value.issueRows.map((r) => r.itemId)).toEqual(round.value.report.issueList.map((r) => r.itemId));
    const again = await fake.generateRound({ from: '2026-03-01', to: '2026-03-31' }, ctx());
    expect(!again.ok && again.error.code).toBe('already-done');
    expect(fake.rounds).toHaveLength(1);
    const bad = await fake.generateRound({ from: '2026-03-31', to: '2026-03-01' }, ctx({ opId: 'op-2' }));
    expect(!bad.ok && bad.error.code).toBe('bad-period');
  });

  it('freezeMonth archives monthlyScores with versions; future and malformed months are refused', async () => {
    const fake = new FakeLedgerService({ items: [makeItem()] });
    const first = await fake.freezeMonth('2026-03', ctx());
    const second = await fake.freezeMonth('2026-03', ctx({ opId: 'op-2' }));
    expect(first.ok && first.value.version).toBe(1);
    expect(second.ok && second.value.version).toBe(2);
    expect(first.ok && first.value.scores.map((s) => s.section)).toEqual(fake.people.map((p) => p.section));
    expect(fake.archive.map((f) => [f.month, f.version])).toEqual([
      ['2026-03', 1],
      ['2026-03', 2],
    ]);
    const future = await fake.freezeMonth('2026-04', ctx({ opId: 'op-3' }));
    expect(!future.ok && future.error.code).toBe('future-month');
    const bad = await fake.freezeMonth('2026-13', ctx({ opId: 'op-4' }));
    expect(!bad.ok && bad.error.code).toBe('bad-month');
  });

  it('audit reports row errors and duplicate 编号, or the report a test sets; selectCell records', async () => {
    const fake = new FakeLedgerService({ items: [makeItem({ id: 'A' }), makeItem({ id: 'A' })] });
    const report = await fake.audit();
    expect(report.problems.map((p) => [p.code, p.address])).toEqual([
      ['duplicate-id', 'A5'],
      ['duplicate-id', 'A6'],
    ]);
    expect(report.bySheet.map((g) => [g.sheet, g.count, g.rows.map((r) => r.row)])).toEqual([['台账', 2, [5, 6]]]);
    fake.auditReport = { ...report, summary: '固定' };
    expect((await fake.audit()).summary).toBe('固定');
    await fake.selectCell('台账', 'S5:S9');
    expect(fake.selectedCells).toEqual(['台账!S5:S9']);
  });
});

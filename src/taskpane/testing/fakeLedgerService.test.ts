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
});

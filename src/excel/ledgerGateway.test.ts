import { createCalendar } from '../domain/calendar';
import { readSlices } from './testing/readSlices';
import { newOperationId } from '../domain/itemNumber';
import { defaultSettings } from '../domain/settings';
import { itemStatus } from '../domain/status';
import type { Actor } from '../domain/workflow';
import { makeItem } from '../domain/testing/itemFactory';
import { createLedgerService } from './ledgerGateway';
import type { ActionContext, LedgerService, StoredRecord } from './ledgerService';
import { ledgerFixture } from './testing/ledgerFixture';
import type { ExcelDouble } from './double';

const SECTION = '工程管理科';
const clerk: Actor = { role: '督办员', name: '陈志刚' };
const director: Actor = { role: '中心主任', name: '杨光明' };
const section: Actor = { role: '科室', name: '周海涛', section: SECTION };
const leader: Actor = { role: '分管领导', name: '王振宇' };

let seq = 0;
function ctx(actor: Actor, on: string): ActionContext {
  const now = new Date(`${on}T09:30:00`);
  seq += 1;
  return { actor, on, now, opId: newOperationId(now, () => (seq % 36) / 36 + 0.001) + `-${seq}` };
}

function tableRows(xl: ExcelDouble, name: string): Record<string, unknown>[] {
  const t = xl.workbook.table(name);
  const headers = t.columns;
  return t.values.filter((r) => r.some((v) => v !== '')).map((r) => Object.fromEntries(headers.map((h, i) => [String(h), r[i]])));
}

async function must<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('LedgerService over the Excel double: the whole 13710 workflow', () => {
  test('register → 1/3/7 reports (one late) → apply → 初核 → 退回 → apply → 初核 → 审定 → 重新立项', async () => {
    const xl = ledgerFixture({ protect: true });
    const svc: LedgerService = createLedgerService(xl.run, { clock: () => new Date('2026-03-02T09:00:00') });

    // 立项 + 审批同意 (交办 the same day)
    const reg = await must(
      svc.register(
        {
          source: '后勤中心各类会议决议',
          level: '中心党总支、中心交办',
          content: '维修二食堂排水管道',
          requirement: '7日内完成',
          section: SECTION,
          kind: '一般',
        },
        ctx(clerk, '2026-03-02'),
      ),
    );
    expect(reg.item.id).toBe('DB-2026-0001');
    const id = reg.item.id;
    await must(svc.act(id, { type: '审批同意', assignedOn: '2026-03-02' }, ctx(director, '2026-03-02')));

    // reports: 1天 on time, 3天 late (due 03-05, reported 03-06), 落实 on time; each signed by the 分管领导
    const sign = async (on: string) => {
      const snap = await svc.snapshot();
      const rec = snap.records.find((r) => r.itemId === id && !r.signedOn) as StoredRecord;
      expect(rec).toBeDefined();
      await must(svc.act(id, { type: '审签', record: rec }, ctx(leader, on)));
    };
    await must(svc.act(id, { type: '反馈', node: '1天反馈', content: '已召开专题会研究部署' }, ctx(section, '2026-03-03')));
    await sign('2026-03-03');
    await must(svc.act(id, { type: '反馈', node: '3天反馈', content: '已完成管道勘察' }, ctx(section, '2026-03-06')));
    await sign('2026-03-06');
    await must(svc.act(id, { type: '反馈', node: '落实反馈', content: '管道已更换' }, ctx(section, '2026-03-09')));
    await sign('2026-03-09');

    await must(svc.act(id, { type: '申请办结', evidence: '验收照片.zip' }, ctx(section, '2026-03-09')));
    await must(svc.act(id, { type: '初核' }, ctx(clerk, '2026-03-10')));
    await must(svc.act(id, { type: '退回', reason: '缺少验收单' }, ctx(leader, '2026-03-10')));
    await must(svc.act(id, { type: '申请办结', evidence: '验收照片.zip、验收单.pdf' }, ctx(section, '2026-03-11')));
    await must(svc.act(id, { type: '初核' }, ctx(clerk, '2026-03-11')));
    await must(svc.act(id, { type: '审定', grade: '良好' }, ctx(leader, '2026-03-12')));
    const again = await must(svc.act(id, { type: '重新立项', content: '校领导批示：排水管道加装防臭阀' }, ctx(clerk, '2026-03-20')));
    expect(again.newItem?.id).toBe('DB-2026-0002');

    // the ledger as the workbook holds it
    const snap = await svc.snapshot();
    expect(snap.rowErrors).toEqual([]);
    const closed = snap.items.find((i) => i.id === id)!;
    expect(closed).toMatchObject({
      state: '已销号',
      assignedOn: '2026-03-02',
      report1On: '2026-03-03',
      report3On: '2026-03-06',
      reportFinalOn: '2026-03-09',
      appliedOn: '2026-03-11',
      checkedOn: '2026-03-11',
      approvedOn: '2026-03-12',
      closedOn: '2026-03-12',
      grade: '良好',
      returnCount: 1,
      evidence: '验收照片.zip、验收单.pdf',
    });
    const linked = snap.items.find((i) => i.id === 'DB-2026-0002')!;
    expect(linked).toMatchObject({ state: '待审批', linkedId: id, section: SECTION, content: '校领导批示：排水管道加装防臭阀' });

    // status from the domain core: the final report was on time (deadline 03-09) → 按期办结
    const st = itemStatus(closed, '2026-03-20', defaultSettings(), createCalendar());
    expect(st.status).toBe('按期办结');
    expect(st.nodes.find((n) => n.key === '3')?.state).toBe('逾期已报');

    // 反馈记录: three signed reports and one 退回 with its reason
    const recs = tableRows(xl, '反馈记录');
    expect(recs.map((r) => r['类型'])).toEqual(['1天反馈', '3天反馈', '落实反馈', '退回']);
    expect(recs.slice(0, 3).every((r) => r['审签人'] === '王振宇' && typeof r['审签日期'] === 'number')).toBe(true);
    expect(String(recs[3]['内容'])).toContain('缺少验收单');

    // 操作日志: one line per action, each with its own 操作ID
    const log = tableRows(xl, '操作日志');
    expect(log.map((r) => r['动作'])).toEqual([
      '立项',
      '审批同意',
      '反馈',
      '审签',
      '反馈',
      '审签',
      '反馈',
      '审签',
      '申请办结',
      '初核',
      '退回',
      '申请办结',
      '初核',
      '审定',
      '重新立项',
      '重新立项',
    ]);
    expect(new Set(log.map((r) => r['操作ID'])).size).toBe(log.length - 1); // 重新立项 writes two lines under one operation
    // new tables start with an empty placeholder row: the first rows written went into it
    for (const name of ['台账', '反馈记录', '操作日志']) {
      expect(xl.workbook.table(name).values.every((r) => r.some((v) => v !== ''))).toBe(true);
    }
    // the sheets were re-protected after every write
    expect(xl.workbook.sheet('台账').protection.protected).toBe(true);
    expect(xl.workbook.sheet('反馈记录').protection.protected).toBe(true);
  });
});

describe('round trips', () => {
  const seed = (n: number) => Array.from({ length: n }, (_, k) => makeItem({ id: `DB-2026-${String(k + 1).padStart(4, '0')}`, section: SECTION }));

  test.each([100, 10000])(
    'act, register and snapshot: fixed round trips plus slices, with %i rows',
    async (n) => {
      const xl = ledgerFixture({ items: seed(n), protect: true });
      const svc = createLedgerService(xl.run);
      xl.stats.reset();
      await must(svc.act('DB-2026-0050', { type: '催办', content: '请加快进度' }, ctx(clerk, '2026-03-20')));
      const actSyncs = xl.stats.roundTrips;
      xl.stats.reset();
      await must(svc.register({ source: '其他', level: '台账其他任务', content: '新事项', section: SECTION, kind: '一般' }, ctx(clerk, '2026-03-20')));
      const registerSyncs = xl.stats.roundTrips;
      xl.stats.reset();
      await svc.snapshot();
      // fixed round trips, plus one per slice of a table too large for the action's first sync
      const snapshotSlices = readSlices(xl, ['台账'], ['反馈记录'], ['科室人员'], ['日历']);
      const registerSlices = readSlices(
        xl,
        ['台账', ['编号', '操作ID'], 'keys'],
        ['科室人员'],
        ['操作日志', ['操作ID', '编号'], 'keys'],
        ['反馈记录', ['操作ID', '编号'], 'keys'],
      );
      if (n === 100) expect(snapshotSlices + registerSlices).toBe(0);
      else expect(snapshotSlices).toBeGreaterThan(0);
      expect({ act: actSyncs, register: registerSyncs, snapshot: xl.stats.roundTrips }).toEqual({
        act: 2,
        register: 2 + registerSlices,
        snapshot: 1 + snapshotSlices,
      });
      expect(xl.stats.rowsAddCalls).toBe(0);
    },
    60_000,
  );
});

describe('co-authoring', () => {
  test('a co-author sorting and inserting rows between read and write: the right row is patched', async () => {
    const items = ['0001', '0002', '0003', '0004'].map((s, k) => makeItem({ id: `DB-2026-${s}`, content: `事项${k + 1}` }));
    const xl = ledgerFixture({ items });
    const run: typeof xl.run = (batch) =>
      xl.run(async (context) => {
        const sync = context.sync.bind(context);
        let n = 0;
        (context as { sync: () => Promise<void> }).sync = async () => {
          await sync();
          if (++n === 1) {
            xl.coauthor.sortTable('台账', '事项内容', false);
            xl.coauthor.insertRows('台账', 2, 2);
          }
        };
        return batch(context);
      });
    const svc = createLedgerService(run);
    await must(svc.act('DB-2026-0001', { type: '催办', content: '请加快' }, ctx(clerk, '2026-03-20')));
    // 0001 was the first row when read; after the sort (descending) it is the last
    expect(
      xl.workbook
        .table('台账')
        .values.map((r) => r[0])
        .filter(Boolean),
    ).toEqual(['DB-2026-0004', 'DB-2026-0003', 'DB-2026-0002', 'DB-2026-0001']);
    const snap = await createLedgerService(xl.run).snapshot();
    const byId = Object.fromEntries(snap.items.map((i) => [i.id, i]));
    expect(byId['DB-2026-0001'].urgeCount).toBe(1);
    expect(byId['DB-2026-0001'].content).toBe('事项1');
    for (const other of ['DB-2026-0002', 'DB-2026-0003', 'DB-2026-0004']) expect(byId[other].urgeCount).toBe(0);
  });

  test('two registrations at the same moment: no number is reused, no row overwritten', async () => {
    const xl = ledgerFixture({ items: [makeItem({ id: 'DB-2026-0007' })] });
    // The co-author's registration lands between our read of the numbers and our write.
    let intruded = false;
    const run: typeof xl.run = (batch) =>
      xl.run(async (context) => {
        const sync = context.sync.bind(context);
        let n = 0;
        (context as { sync: () => Promise<void> }).sync = async () => {
          await sync();
          if (++n === 1 && !intruded) {
            intruded = true;
            const headers = xl.workbook.table('台账').columns;
            const row = headers.map((h) =>
              h === '编号' ? 'DB-2026-0008' : h === '操作ID' ? 'op-00000000T000000-aaaa' : h === '事项内容' ? '同事登记的事项' : '',
            );
            xl.coauthor.appendTableRow('台账', row);
          }
        };
        return batch(context);
      });
    const svc = createLedgerService(run);
    xl.stats.reset();
    const r = await must(
      svc.register({ source: '其他', level: '台账其他任务', content: '我登记的事项', section: SECTION, kind: '一般' }, ctx(clerk, '2026-03-20')),
    );
    expect(r.renumbered).toBe(true);
    expect(r.item.id).toBe('DB-2026-0009');
    expect(xl.stats.roundTrips).toBe(3);
    const rows = tableRows(xl, '台账');
    const ids = rows.map((x) => x['编号']);
    expect(new Set(ids).size).toBe(ids.length);
    expect(rows.find((x) => x['编号'] === 'DB-2026-0008')?.['事项内容']).toBe('同事登记的事项');
    expect(rows.find((x) => x['编号'] === 'DB-2026-0009')?.['事项内容']).toBe('我登记的事项');
  });
});

describe('failures keep the ledger whole', () => {
  test('an unknown 编号 gives a located zh-CN message and writes nothing', async () => {
    const xl = ledgerFixture({ items: [makeItem()] });
    const svc = createLedgerService(xl.run);
    const r = await svc.act('DB-2026-9999', { type: '催办' }, ctx(clerk, '2026-03-20'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('DB-2026-9999');
    expect(tableRows(xl, '操作日志')).toEqual([]);
  });

  test('a network failure on the write leaves the ledger unchanged; the retry with the same opId completes once', async () => {
    const xl = ledgerFixture({ items: [makeItem()] });
    const svc = createLedgerService(xl.run);
    const c = ctx(clerk, '2026-03-20');
    const before = JSON.stringify(tableRows(xl, '台账'));
    // fail the second sync (the write) of the action
    const run: typeof xl.run = (batch) =>
      xl.run(async (context) => {
        const sync = context.sync.bind(context);
        let n = 0;
        (context as { sync: () => Promise<void> }).sync = async () => {
          if (++n === 2) xl.failNextSync('request');
          await sync();
        };
        return batch(context);
      });
    const failed = await createLedgerService(run).act('DB-2026-0001', { type: '催办', content: '请加快' }, c);
    expect(failed.ok).toBe(false);
    expect(JSON.stringify(tableRows(xl, '台账'))).toBe(before);
    await must(svc.act('DB-2026-0001', { type: '催办', content: '请加快' }, c));
    const again = await must(svc.act('DB-2026-0001', { type: '催办', content: '请加快' }, c));
    expect(again.item.urgeCount).toBe(1); // same opId: already done, reported as done, not written twice
    const snap = await svc.snapshot();
    expect(snap.items[0].urgeCount).toBe(1);
    expect(tableRows(xl, '操作日志')).toHaveLength(1);
  });
});

describe('selection', () => {
  test('selecting a 台账 row reports its 编号; a cell off the table reports null; selectItem selects the row', async () => {
    const items = ['0001', '0002'].map((s) => makeItem({ id: `DB-2026-${s}` }));
    const xl = ledgerFixture({ items });
    const svc = createLedgerService(xl.run);
    const seen: (string | null)[] = [];
    const off = await svc.onSelectItem((id) => seen.push(id));
    await xl.events.select('台账', 'E3');
    await xl.events.select('台账', 'B2:D2');
    await xl.events.select('台账', 'A900');
    await xl.events.flush();
    expect(seen).toEqual(['DB-2026-0002', 'DB-2026-0001', null]);
    off();
    await xl.events.flush();
    await svc.selectItem('DB-2026-0002');
    const address = await xl.run(async (context) => {
      const r = context.workbook.getSelectedRange().load('address');
      await context.sync();
      return r.address;
    });
    expect(address).toMatch(/^台账!A3:/);
  });
});

describe('register retries', () => {
  test('a failure after the row landed: the retry keeps the row and its number, writes nothing twice', async () => {
    const xl = ledgerFixture({ items: [makeItem({ id: 'DB-2026-0003' })] });
    const c = ctx(clerk, '2026-03-20');
    // the write lands, then the connection drops before the answer: simulate by failing the sync
    // after the write (the verification read) — the double applies the write, then fails the request.
    const run: typeof xl.run = (batch) =>
      xl.run(async (context) => {
        const sync = context.sync.bind(context);
        let n = 0;
        (context as { sync: () => Promise<void> }).sync = async () => {
          await sync();
          if (++n === 2) throw Object.assign(new Error('网络中断'), { code: 'GeneralException' });
        };
        return batch(context);
      });
    const input = { source: '其他' as const, level: '台账其他任务' as const, content: '重试登记的事项', section: SECTION, kind: '一般' as const };
    const failed = await createLedgerService(run).register(input, c);
    expect(failed.ok).toBe(false);
    const retried = await must(createLedgerService(xl.run).register(input, c));
    expect(retried.item.id).toBe('DB-2026-0004');
    const rows = tableRows(xl, '台账').filter((r) => r['事项内容'] === '重试登记的事项');
    expect(rows).toHaveLength(1);
    expect(tableRows(xl, '操作日志')).toHaveLength(1);
  });
});

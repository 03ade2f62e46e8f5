/**
 * 办理 retried: the answer a retry gives, and what it writes. A retry of 重新立项 that had landed
 * names the new item again; a retry that another action has overtaken since is complete (it
 * writes nothing); 审签 of a report whose row is gone says so.
 */
import { isoToSerial } from '../../domain/parseDate';
import { newOperationId } from '../../domain/itemNumber';
import type { Actor } from '../../domain/workflow';
import type { ExcelDouble } from '../double';
import { createLedgerService } from '../ledgerGateway';
import type { ActionContext, LedgerService, StoredRecord } from '../ledgerService';
import { ledgerFixture } from '../testing/ledgerFixture';

const SECTION = '工程管理科';
const clerk: Actor = { role: '督办员', name: '陈志刚' };
const director: Actor = { role: '中心主任', name: '杨光明' };
const section: Actor = { role: '科室', name: '周海涛', section: SECTION };
const leader: Actor = { role: '分管领导', name: '王振宇' };

let seq = 0;
function ctx(actor: Actor, on: string, opId?: string): ActionContext {
  const now = new Date(`${on}T09:30:00`);
  seq += 1;
  return { actor, on, now, opId: opId ?? `${newOperationId(now, () => 0.5)}-${seq}` };
}

async function must<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const rowsOf = (xl: ExcelDouble, name: string) => xl.workbook.table(name).values.filter((r) => r.some((v) => v !== ''));

async function assigned(): Promise<{ xl: ExcelDouble; svc: LedgerService; id: string }> {
  const xl = ledgerFixture({ protect: true });
  const svc = createLedgerService(xl.run, { clock: () => new Date('2026-03-02T09:00:00') });
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
  await must(svc.act(reg.item.id, { type: '审批同意', assignedOn: '2026-03-02' }, ctx(director, '2026-03-02')));
  return { xl, svc, id: reg.item.id };
}

test('a retried 重新立项 that had landed names the new item again and appends nothing', async () => {
  const { xl, svc, id } = await assigned();
  await must(svc.act(id, { type: '反馈', node: '1天反馈', content: '已召开专题会研究部署' }, ctx(section, '2026-03-03')));
  await must(svc.act(id, { type: '申请办结', evidence: '排水管道验收单.pdf' }, ctx(section, '2026-03-05')));
  await must(svc.act(id, { type: '初核' }, ctx(clerk, '2026-03-06')));
  await must(svc.act(id, { type: '审定', grade: '良好' }, ctx(leader, '2026-03-06')));
  const reopen = ctx(clerk, '2026-03-20', 'op-reopen');
  const first = await must(svc.act(id, { type: '重新立项', content: '校领导批示：排水管道加装防臭阀' }, reopen));
  const rows = rowsOf(xl, '台账').length;
  const again = await must(svc.act(id, { type: '重新立项', content: '校领导批示：排水管道加装防臭阀' }, reopen));
  expect(first.newItem?.id).toMatch(/^DB-2026-/);
  expect(again.newItem).toEqual(first.newItem);
  expect(rowsOf(xl, '台账')).toHaveLength(rows);
});

test('a retry that a later action has overtaken writes nothing', async () => {
  const { xl, svc, id } = await assigned();
  const report = ctx(section, '2026-03-03', 'op-report');
  await must(svc.act(id, { type: '反馈', node: '1天反馈', content: '已研究部署' }, report));
  await must(svc.act(id, { type: '催办', content: '请按时反馈3天进展' }, ctx(clerk, '2026-03-06')));
  const records = rowsOf(xl, '反馈记录').length;
  const log = rowsOf(xl, '操作日志').length;
  const again = await must(svc.act(id, { type: '反馈', node: '1天反馈', content: '已研究部署' }, report));
  expect(again.records).toEqual([]);
  expect(rowsOf(xl, '反馈记录')).toHaveLength(records);
  expect(rowsOf(xl, '操作日志')).toHaveLength(log);
});

test('审签 of a report whose 反馈记录 row is gone is refused as such, not as a missing item', async () => {
  const { svc, id } = await assigned();
  await must(svc.act(id, { type: '反馈', node: '1天反馈', content: '已研究部署' }, ctx(section, '2026-03-03')));
  const rec = (await svc.snapshot()).records.find((r) => r.itemId === id) as StoredRecord;
  const r = await svc.act(id, { type: '审签', record: { ...rec, opId: 'op-gone' } as StoredRecord }, ctx(leader, '2026-03-04'));
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error.code).toBe('record-not-found');
});

test('操作日志 dates a line with the day of the action (设置 今天), at the wall-clock time of day', async () => {
  const { xl, svc, id } = await assigned();
  // the clerk works on 2026-03-04 by the ledger (设置 今天 fixed), while the machine says December
  const late: ActionContext = { actor: clerk, on: '2026-03-04', now: new Date('2026-12-02T15:45:00'), opId: 'op-dated' };
  await must(svc.act(id, { type: '催办', content: '请按时反馈' }, late));
  const table = xl.workbook.table('操作日志');
  const at = table.columns.indexOf('时间');
  const line = table.values.find((r) => r[table.columns.indexOf('操作ID')] === 'op-dated')!;
  const serial = Number(line[at]);
  expect(Math.floor(serial)).toBe(isoToSerial('2026-03-04'));
  expect(Math.round((serial % 1) * 24 * 60)).toBe(15 * 60 + 45);
});

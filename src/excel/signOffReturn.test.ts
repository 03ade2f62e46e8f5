/**
 * 审签退回 over the Excel double through the service's generic act path: one 反馈记录 row of 类型
 * 审签退回 (the report's row untouched), one 操作日志 line, the 台账 row unchanged but for its 操作ID;
 * a retry with the same operation id writes nothing twice; the snapshot reads the row back.
 */
import { newOperationId } from '../domain/itemNumber';
import { returnedReports } from '../domain/signOffReturn';
import type { Actor } from '../domain/workflow';
import type { ExcelDouble } from './double';
import { createLedgerService } from './ledgerGateway';
import type { ActionContext, StoredRecord } from './ledgerService';
import { ledgerFixture } from './testing/ledgerFixture';

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

function rows(xl: ExcelDouble, name: string): Record<string, unknown>[] {
  const t = xl.workbook.table(name);
  return t.values.filter((r) => r.some((v) => v !== '')).map((r) => Object.fromEntries(t.columns.map((h, i) => [String(h), r[i]])));
}

async function must<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

test('审签退回 writes one record and one log line; a retry writes nothing more', async () => {
  const xl = ledgerFixture({ protect: true });
  const svc = createLedgerService(xl.run, { clock: () => new Date('2026-03-02T09:00:00') });
  const { item } = await must(
    svc.register(
      { source: '后勤中心各类会议决议', level: '中心党总支、中心交办', content: '维修二食堂排水管道', section: SECTION, kind: '一般' },
      ctx(clerk, '2026-03-02'),
    ),
  );
  await must(svc.act(item.id, { type: '审批同意', assignedOn: '2026-03-02' }, ctx(director, '2026-03-02')));
  await must(svc.act(item.id, { type: '反馈', node: '1天反馈', content: '已研究部署' }, ctx(section, '2026-03-03')));
  const report = (await svc.snapshot()).records.find((r) => r.itemId === item.id) as StoredRecord;
  const ledgerBefore = rows(xl, '台账')[0];

  const c = ctx(leader, '2026-03-04');
  await must(svc.act(item.id, { type: '审签退回', record: report, comment: '请补充责任人' }, c));
  await must(svc.act(item.id, { type: '审签退回', record: report, comment: '请补充责任人' }, c));

  const records = rows(xl, '反馈记录');
  expect(records.map((r) => [r['类型'], r['内容'], r['审签人'], r['审签日期']])).toEqual([
    ['1天反馈', '已研究部署', '', ''],
    ['审签退回', '1天反馈（2026-03-03）退回：请补充责任人', '王振宇', ''],
  ]);
  const log = rows(xl, '操作日志').filter((r) => r['动作'] === '审签退回');
  expect(log).toHaveLength(1);
  expect(log[0]).toMatchObject({
    操作人: '王振宇',
    角色: '分管领导',
    编号: item.id,
    科室: SECTION,
    变更后: '审签退回：1天反馈（2026-03-03）退回：请补充责任人',
  });
  const ledgerAfter = rows(xl, '台账')[0];
  expect({ ...ledgerAfter, 操作ID: '' }).toEqual({ ...ledgerBefore, 操作ID: '' });

  const snap = await svc.snapshot();
  expect(snap.rowErrors).toEqual([]);
  expect([...returnedReports(snap.records)].map((r) => r.opId)).toEqual([report.opId]);
  expect(snap.items[0].report1On).toBeNull();
});

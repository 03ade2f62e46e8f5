/**
 * 导入 remembers the clerk's column choices and accepted 科室 names in 设置 (导入列映射, 科室别名):
 * written with the apply (same write sync, 设置 unprotected and protected again like 台账), read
 * back by the next preview, the request's choices over the remembered ones.
 */
import { makeItem } from '../domain/testing/itemFactory';
import type { Actor } from '../domain/workflow';
import { settingRow } from '../workbook/schema';
import type { ExcelDouble } from './double';
import { applyImport, IMPORT_SYNCS, previewImport, rememberWrites } from './importApply';
import type { ActionContext } from './ledgerService';
import { instrumented } from './testing/instrumented';
import { ledgerFixture } from './testing/ledgerFixture';

const clerk: Actor = { role: '督办员', name: '陈志刚' };
const ctx = (opId: string): ActionContext => ({ actor: clerk, on: '2026-03-20', now: new Date('2026-03-23T10:15:30'), opId });
const line = (cells: string[]) => cells.join('\t');
const BLOCK = [
  line(['序号', '工作任务', '责任单位', '完成日期', '来源', '联系人']),
  line(['1', '更换二食堂路灯', '公寓管理科', '2026-04-30', '其他', '张三 13800000000']),
].join('\n');
const OPTIONS = { defaults: { 交办层级: '台账其他任务', 事项类型: '一般' } };

function protectedLedger(): ExcelDouble {
  const xl = ledgerFixture({ items: [makeItem({ id: 'DB-2026-0001' })], protect: true, today: '2026-03-20' });
  xl.workbook.sheet('设置').protect({}, undefined);
  return xl;
}
const setting = (xl: ExcelDouble, name: '导入列映射' | '科室别名') => xl.workbook.sheet('设置').getValues(`B${settingRow(name)}`)[0][0];

async function preview(xl: ExcelDouble, request = {}) {
  const r = await previewImport(xl.run, BLOCK, { ...OPTIONS, ...request });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

test('the choices are written to 设置 with the import, in its write sync, 设置 protected again', async () => {
  const xl = protectedLedger();
  const p = await preview(xl, {
    columnTargets: { 责任单位: '承办科室', 完成日期: '完成时限', 联系人: '并入备注' },
    sectionAliases: { 公寓管理科: '学生公寓管理科' },
  });
  expect(p.errors).toEqual([]);
  expect(p.add[0].item).toMatchObject({ section: '学生公寓管理科', explicitDeadline: '2026-04-30', note: '联系人：张三 13800000000' });
  expect(p.remember).toEqual({ columnTargets: '责任单位=承办科室；完成日期=完成时限；联系人=并入备注', sectionAliases: '公寓管理科=学生公寓管理科' });

  const { run, syncs } = instrumented(xl);
  const r = await applyImport(run, p, ctx('op-remember'));
  if (!r.ok) throw new Error(r.error.message);
  expect(syncs()).toBe(IMPORT_SYNCS - 1); // no updates: read, write
  expect(setting(xl, '导入列映射')).toBe('责任单位=承办科室；完成日期=完成时限；联系人=并入备注');
  expect(setting(xl, '科室别名')).toBe('公寓管理科=学生公寓管理科');
  expect(xl.workbook.sheet('设置').protection.protected).toBe(true);
  expect(xl.workbook.sheet('台账').protection.protected).toBe(true);
});

test('the next preview uses what 设置 remembers; a new choice of the request wins', async () => {
  const xl = protectedLedger();
  const s = xl.workbook.sheet('设置');
  s.setValues(`B${settingRow('导入列映射')}`, [['完成日期=完成时限；联系人=并入备注']]);
  s.setValues(`B${settingRow('科室别名')}`, [['公寓管理科=学生公寓管理科']]);
  const p = await preview(xl);
  expect(p.errors).toEqual([]);
  expect(p.add[0].item).toMatchObject({ section: '学生公寓管理科', explicitDeadline: '2026-04-30', note: '联系人：张三 13800000000' });
  expect(p.mapping.map((m) => [m.pasted, m.target, m.kind])).toEqual([
    ['序号', null, 'serial'],
    ['工作任务', '事项内容', 'synonym'],
    ['责任单位', '承办科室', 'synonym'],
    ['完成日期', '完成时限', 'chosen'],
    ['来源', '来源类别', 'synonym'],
    ['联系人', null, 'note'],
  ]);
  const q = await preview(xl, { columnTargets: { 联系人: '不导入' } });
  expect(q.add[0].item.note).toBe('');
  expect(q.remember?.columnTargets).toBe('完成日期=完成时限；联系人=不导入');
});

test('nothing changed: 设置 is not written; a ledger without the rows gets them below its last row', () => {
  const used = {
    values: [
      ['名称', '值'],
      ['今天', 46000],
      ['导入列映射', 'a=b'],
    ],
  };
  expect(rememberWrites(used, { columnTargets: 'a=b', sectionAliases: '' })).toEqual([]);
  expect(rememberWrites(used, { columnTargets: 'a=c', sectionAliases: 'x=y' })).toEqual([
    { row: 3, name: '导入列映射', value: 'a=c', isNew: false },
    { row: 4, name: '科室别名', value: 'x=y', isNew: true },
  ]);
  expect(rememberWrites(null, { columnTargets: 'a=c', sectionAliases: '' })).toEqual([]);
});

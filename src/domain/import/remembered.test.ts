import { IMPORT_TARGETS, parsePastedBlock } from './block';
import { INTO_NOTE, LEAVE_OUT, mapHeaders } from './headers';
import { formatRemembered, mergeRemembered, parseRemembered } from './remembered';

describe('设置 导入列映射 / 科室别名 text ↔ pairs', () => {
  test.each([
    ['责任单位=承办科室；完成日期=完成时限', { 责任单位: '承办科室', 完成日期: '完成时限' }],
    [' 责任单位 ＝ 承办科室 ;\n联系人=并入备注', { 责任单位: '承办科室', 联系人: '并入备注' }],
    ['公寓管理科=学生公寓管理科；；=空名；无等号；公寓管理科=物业管理科', { 公寓管理科: '物业管理科' }],
    ['', {}],
    [null, {}],
    [46000, {}],
  ])('%j → %j', (text, pairs) => {
    expect(parseRemembered(text)).toEqual(pairs);
  });

  test('format → parse gives the pairs back; pairs that could not be read back are left out', () => {
    const pairs = { 责任单位: '承办科室', 联系人: INTO_NOTE, '甲=乙': '丙', 丁: '戊；己' };
    const text = formatRemembered(pairs);
    expect(text).toBe('责任单位=承办科室；联系人=并入备注');
    expect(parseRemembered(text)).toEqual({ 责任单位: '承办科室', 联系人: INTO_NOTE });
  });

  test('a new choice replaces the remembered one', () => {
    expect(mergeRemembered({ a: '1', b: '2' }, { b: '3' })).toEqual({ a: '1', b: '3' });
    expect(mergeRemembered({ a: '1' }, undefined)).toEqual({ a: '1' });
  });
});

describe('the user’s column choices', () => {
  const headers = ['序号', '工作任务', '责任单位', '联系人', '电话', '完成日期'];
  test.each([
    [{}, ['serial', 'synonym', 'synonym', 'ignored', 'ignored', 'ignored']],
    [{ 完成日期: '完成时限', 联系人: INTO_NOTE, 电话: INTO_NOTE }, ['serial', 'synonym', 'synonym', 'note', 'note', 'chosen']],
    [{ 责任单位: '协办科室', 序号: LEAVE_OUT }, ['skipped', 'synonym', 'chosen', 'ignored', 'ignored', 'ignored']],
    [{ ' 完成 日期 ': '完成时限' }, ['serial', 'synonym', 'synonym', 'ignored', 'ignored', 'chosen']],
    [{ 完成日期: '不存在的列' }, ['serial', 'synonym', 'synonym', 'ignored', 'ignored', 'ignored']],
  ])('%j → %j', (choices, kinds) => {
    expect(mapHeaders(headers, IMPORT_TARGETS, choices).columns.map((c) => c.kind)).toEqual(kinds);
  });

  test('并入备注: "列名：内容" after the row’s own 备注, blanks left out; a user-left-out column is not reported', () => {
    const text = ['工作任务\t备注\t联系人\t电话\t其他', '甲\t夜间施工\t张三\t\t x', '乙\t\t李四\t8888\t'].join('\n');
    const block = parsePastedBlock(text, IMPORT_TARGETS, { 联系人: INTO_NOTE, 电话: INTO_NOTE, 其他: LEAVE_OUT });
    expect(block.rows.map((r) => r['备注'])).toEqual(['夜间施工；联系人：张三', '联系人：李四；电话：8888']);
    expect(block.problems).toEqual([]);
  });

  test('并入备注 where the ledger has no 备注: the choice is dropped (not imported, reported)', () => {
    const targets = IMPORT_TARGETS.filter((h) => h !== '备注');
    const block = parsePastedBlock('工作任务\t联系人\n甲\t张三', targets, { 联系人: INTO_NOTE });
    expect(block.rows[0]).not.toHaveProperty('备注');
    expect(block.mapping[1].kind).toBe('ignored');
  });
});

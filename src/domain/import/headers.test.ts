import { IMPORT_TARGETS } from './block';
import { headerKey, mapHeaders } from './headers';

const targetOf = (pasted: string, targets: readonly string[] = IMPORT_TARGETS) => mapHeaders([pasted], targets).columns[0];

describe('mapHeaders: what a section calls a column → the ledger column', () => {
  test.each([
    ['事项内容', '事项内容', 'exact'],
    ['工作任务', '事项内容', 'synonym'],
    ['事项名称', '事项内容', 'synonym'],
    ['责任科室', '承办科室', 'synonym'],
    ['承办单位', '承办科室', 'synonym'],
    ['完成时间', '完成时限', 'synonym'],
    ['办结时限', '完成时限', 'synonym'],
    ['交办时间', '交办日期', 'synonym'],
    ['进展情况', '最近进展', 'synonym'],
    ['说明', '备注', 'synonym'],
    ['备注', '备注', 'exact'],
    [' 承办科室　', '承办科室', 'exact'],
    ['承 办 科 室', '承办科室', 'exact'],
    ['完成时限（截止日期）', '完成时限', 'exact'],
    ['责任科室：', '承办科室', 'synonym'],
    ['目标任务', '目标任务/工作要求', 'synonym'],
    ['目标任务／工作要求', '目标任务/工作要求', 'exact'],
    ['佐证材料', '佐证材料', 'exact'],
    ['佐证', '佐证材料', 'synonym'],
    ['附件', '佐证材料', 'synonym'],
    ['证明材料', '佐证材料', 'synonym'],
    ['佐证资料', '佐证材料', 'synonym'],
    ['附件：', '佐证材料', 'synonym'],
    ['佐证材料（链接或文件名）', '佐证材料', 'exact'],
  ])('%j → %s (%s)', (pasted, target, kind) => {
    expect(targetOf(pasted)).toMatchObject({ target, kind });
  });

  test.each([
    ['序号', 'serial'],
    ['ＮＯ．', 'serial'],
    ['联系人', 'ignored'],
    ['预警状态', 'ignored'],
  ])('%j is not imported (%s)', (pasted, kind) => {
    expect(targetOf(pasted)).toMatchObject({ target: null, kind });
  });

  test('佐证材料 where the ledger has no 佐证材料 column (made before it existed): 附件 is not imported', () => {
    expect(
      targetOf(
        '附件',
        IMPORT_TARGETS.filter((h) => h !== '佐证材料'),
      ),
    ).toMatchObject({ target: null, kind: 'ignored' });
  });

  test('备注 where the ledger has no 备注 column: not imported', () => {
    expect(
      targetOf(
        '备注',
        IMPORT_TARGETS.filter((h) => h !== '备注'),
      ),
    ).toMatchObject({ target: null, kind: 'ignored' });
  });

  test('columns, letters and positions follow the pasted order; the first of two columns for one target wins', () => {
    const map = mapHeaders(['序号', '工作任务', '', '责任科室', '事项内容'], IMPORT_TARGETS);
    expect(map.columns.map((c) => [c.column, c.pasted, c.target, c.kind])).toEqual([
      ['A', '序号', null, 'serial'],
      ['B', '工作任务', '事项内容', 'synonym'],
      ['D', '责任科室', '承办科室', 'synonym'],
      ['E', '事项内容', null, 'duplicate'],
    ]);
    expect(map.columns[3].duplicateOf).toEqual({ target: '事项内容', column: 'B' });
    expect(map.letters).toEqual({ 事项内容: 'B', 承办科室: 'D' });
    expect([...map.positions]).toEqual([
      ['事项内容', 1],
      ['承办科室', 3],
    ]);
  });

  test('headerKey: full width, spaces of any width, zero-width characters, a trailing colon', () => {
    expect(headerKey('\u200B完成　时限：')).toBe('完成时限');
    expect(headerKey('ＡＢ１')).toBe('ab1');
  });
});

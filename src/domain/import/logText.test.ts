import { formatCells, parseCells } from './logText';

describe('操作日志 text of an import: readable, and read back exactly', () => {
  test('text quoted, dates as dates, numbers, blanks', () => {
    const cells = { 事项内容: '修缮“一号楼”屋面', 交办日期: 46331, 退回次数: 2, 最近进展: '', 备注: '第一行\n第二行；含分号=号' };
    const s = formatCells(cells);
    expect(s).toBe('事项内容=“修缮“一号楼””屋面”；交办日期=2026-11-05；退回次数=2；最近进展=（空）；备注=“第一行\n第二行；含分号=号”');
    expect(parseCells(s)).toEqual(cells);
  });

  test.each([[{ 最近进展: '2026-03-05' }], [{ 最近进展: '007', 操作ID: 'op-seed-0' }], [{ 交办日期: 5, 完成时限: 46331.5 }], [{ 事项内容: '（空）' }], [{}]])(
    'round trip %j',
    (cells) => {
      expect(parseCells(formatCells(cells))).toEqual(cells);
    },
  );

  test.each(['{"导入":"新增"}', '事项内容=修缮', '事项内容=“未闭合', 42, null])('%j is not an import line: null', (s) => {
    expect(parseCells(s)).toBeNull();
  });
});

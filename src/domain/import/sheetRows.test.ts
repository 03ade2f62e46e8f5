import { splitClipboard } from './clipboard';
import { cellText, sheetBlock, sheetRecords, toClipboardText } from './sheetRows';

describe('cellText: a cell value as a reader gives it → the text Excel shows', () => {
  test.each([
    [null, ''],
    ['　公寓管理科', '　公寓管理科'],
    [46356, '46356'],
    [2.5, '2.5'],
    [Number.NaN, ''],
    [new Date(Date.UTC(2026, 10, 30)), '2026-11-30'],
    [{ richText: [{ text: '巡察' }, { text: '反馈' }] }, '巡察反馈'],
    [{ formula: 'A1+1', result: 7 }, '7'],
    [{ formula: 'TODAY()', result: new Date(Date.UTC(2026, 0, 5)) }, '2026-01-05'],
    [{ text: '通知', hyperlink: 'http://x' }, '通知'],
    [{ error: '#N/A' }, ''],
    [true, 'TRUE'],
  ])('%j → %j', (v, text) => {
    expect(cellText(v)).toBe(text);
  });
});

describe('sheetRecords', () => {
  test('title lines above the header line dropped; trailing blank cells and lines trimmed, a blank line between rows kept', () => {
    expect(
      sheetRecords([
        ['某科督办台账', null, null],
        ['制表日期：11月', null],
        ['序号', '工作任务', '责任科室', null],
        [1, '事项甲', '财务科', ''],
        [null, null],
        [2, '事项乙', '综合科'],
        [null, null],
        [],
      ]),
    ).toEqual([['序号', '工作任务', '责任科室'], ['1', '事项甲', '财务科'], [], ['2', '事项乙', '综合科']]);
  });

  test('no line names two ledger columns: every line kept (the preview says what is wrong)', () => {
    expect(sheetRecords([['标题'], ['甲', '乙']])).toEqual([['标题'], ['甲', '乙']]);
  });
});

test('toClipboardText quotes as Excel does, and splitClipboard gives the records back', () => {
  const records = [
    ['事项内容', '备注'],
    ['第一行\n第二行', '5" 管道'],
    ['含\t制表符', '"引号"'],
  ];
  const text = toClipboardText(records);
  expect(text).toBe('事项内容\t备注\r\n"第一行\n第二行"\t"5"" 管道"\r\n"含\t制表符"\t"""引号"""\r\n');
  expect(splitClipboard(text)).toEqual(records);
  expect(toClipboardText([])).toBe('');
});

describe('sheetBlock: the sheet row of the first record', () => {
  test.each<[string, unknown[][], number]>([
    ['a title line above the header', [['标题'], ['序号', '工作任务', '责任科室'], [1, '甲', '综合科']], 2],
    ['a blank line and a title above', [[], ['标题'], ['工作任务', '责任科室'], ['甲', '综合科']], 3],
    [
      'the header first',
      [
        ['工作任务', '责任科室'],
        ['甲', '综合科'],
      ],
      1,
    ],
    ['no header line: every line kept from row 1', [['标题'], ['甲', '乙']], 1],
  ])('%s → row %d', (_name, rows, firstRow) => {
    expect(sheetBlock(rows).firstRow).toBe(firstRow);
  });
});

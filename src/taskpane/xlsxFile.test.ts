import ExcelJS from 'exceljs';
import { parsePastedBlock, previewRows } from '../domain/import';
import { splitClipboard } from '../domain/import/clipboard';
import { toClipboardText } from '../domain/import/sheetRows';
import { readXlsxSheets } from './xlsxFile';

/** A section's workbook as it comes: a merged title line, 序号 and 备注, a date cell, a serial kept as a number, a hidden sheet. */
async function sectionWorkbook(): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('11月督办事项');
  ws.addRow(['学生公寓管理科督办事项台账（2026年11月）']);
  ws.mergeCells('A1:F1');
  ws.addRow(['序号', '工作任务', '责任科室', '交办时间', '完成时间', '备注']);
  ws.addRow([1, '学生公寓3号楼消防通道堵塞整改', '公寓管理科', new Date(Date.UTC(2026, 10, 3)), 46356, { richText: [{ text: '巡察' }, { text: '反馈' }] }]);
  ws.addRow([
    2,
    '热水供应不稳定\n问题整改',
    '学生公寓管理科\u3000',
    '11月5日',
    { formula: 'DATE(2026,12,15)', result: new Date(Date.UTC(2026, 11, 15)) },
    null,
  ]);
  ws.getCell('D2').numFmt = 'yyyy-mm-dd';
  wb.addWorksheet('说明').addRow(['填表说明']);
  const hidden = wb.addWorksheet('字典');
  hidden.state = 'hidden';
  const buffer = await wb.xlsx.writeBuffer();
  return buffer as ArrayBuffer;
}

describe('readXlsxSheets: a section’s .xlsx → the records a pasted block yields', () => {
  test('sheets in order (hidden left out); the title line dropped; cells as Excel shows them', async () => {
    const sheets = await readXlsxSheets(await sectionWorkbook());
    expect(sheets.map((s) => s.name)).toEqual(['11月督办事项', '说明']);
    expect(sheets[0].records).toEqual([
      ['序号', '工作任务', '责任科室', '交办时间', '完成时间', '备注'],
      ['1', '学生公寓3号楼消防通道堵塞整改', '公寓管理科', '2026-11-03', '46356', '巡察反馈'],
      ['2', '热水供应不稳定\n问题整改', '学生公寓管理科\u3000', '11月5日', '2026-12-15'],
    ]);
    expect(sheets[1].records).toEqual([['填表说明']]);
  });

  test('the same preview path as a pasted block: the records survive the clipboard form', async () => {
    const [sheet] = await readXlsxSheets(await sectionWorkbook());
    const text = toClipboardText(sheet.records);
    expect(splitClipboard(text)).toEqual(sheet.records);
    const p = previewRows(
      parsePastedBlock(text),
      [],
      { sections: ['学生公寓管理科'], today: '2026-11-25' },
      { defaults: { 来源类别: '其他', 交办层级: '台账其他任务', 事项类型: '一般' }, sectionAliases: { 公寓管理科: '学生公寓管理科' } },
    );
    expect(p.errors).toEqual([]);
    expect(p.add.map((a) => [a.item.section, a.item.assignedOn, a.item.explicitDeadline, a.item.note, a.item.content])).toEqual([
      ['学生公寓管理科', '2026-11-03', '2026-11-30', '巡察反馈', '学生公寓3号楼消防通道堵塞整改'],
      ['学生公寓管理科', '2026-11-05', '2026-12-15', '', '热水供应不稳定\n问题整改'],
    ]);
  });

  test('not an .xlsx: throws (the pane says so)', async () => {
    await expect(readXlsxSheets(new TextEncoder().encode('序号\t事项').buffer as ArrayBuffer)).rejects.toThrow();
  });
});

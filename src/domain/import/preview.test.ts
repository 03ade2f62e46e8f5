import { makeItem } from '../testing/itemFactory';
import { isoToSerial } from '../parseDate';
import type { LedgerItem } from '../types';
import { parsePastedBlock } from './block';
import { splitClipboard } from './clipboard';
import { itemCellValues, previewRows, type ImportPreview } from './preview';
import type { ImportOptions } from './rowReading';

const SECTIONS = ['学生公寓管理科', '物业管理科', '工程管理科'];
const TODAY = '2026-12-02';
const items: LedgerItem[] = [makeItem({ id: 'DB-2026-0001', content: '修复学生公寓热水', progress: '已报修' })];
const existing = items.map((item, k) => ({ row: k + 5, values: itemCellValues(item) }));
const tsv = (rows: string[][]) => rows.map((r) => r.join('\t')).join('\r\n') + '\r\n';
const preview = (text: string, options: ImportOptions = {}): ImportPreview =>
  previewRows(parsePastedBlock(text), existing, { sections: SECTIONS, today: TODAY }, { defaults: { 交办层级: '台账其他任务', 事项类型: '一般' }, ...options });

/** A block as a section's own sheet has it: 序号, its own headers, the seed's wording, dates typed every which way. */
const SECTION_SHEET = tsv([
  ['序号', '工作任务', '责任科室', '来源类别', '交办时间', '完成时间', '备注', '联系人'],
  ['1', '维修3号楼屋面防水 ', '工程管理科', '巡视、巡察、审计等要求整改落实的问题', '2026-11-05', '46356', '雨季前完成', '张三'],
  ['2', '食堂油烟管道清洗', '物业管理科　', '后勤中心各类会议决议事项', '2026年11月6日', '12月20日', '', '李四'],
  ['3', '其他需要督办的零星维修', '工程管理科', '其他需要督查督办事项', '', '2026.12.31', '', ''],
  ['4', '公寓门禁更换', '公寓管理科', '（六）', '2026-11-05', '昨天', '', ''],
]);

describe('a block pasted from a section sheet', () => {
  test('good rows come in without the clerk adding columns: defaults, categories, dates, trimming', () => {
    const p = preview(SECTION_SHEET);
    expect(p.add.map((a) => a.pastedRow)).toEqual([2, 3, 4]);
    const [a, b, c] = p.add.map((x) => x.item);
    expect(a).toMatchObject({
      id: '',
      content: '维修3号楼屋面防水',
      section: '工程管理科',
      source: '巡视、巡察、审计整改问题',
      level: '台账其他任务',
      kind: '一般',
      state: '待审批',
      assignedOn: '2026-11-05',
      explicitDeadline: '2026-11-30',
      note: '雨季前完成',
      // 立项 cannot follow 交办: the earlier 交办日期
      registeredOn: '2026-11-05',
    });
    expect(b).toMatchObject({ section: '物业管理科', source: '后勤中心各类会议决议', assignedOn: '2026-11-06', explicitDeadline: '2026-12-20' });
    expect(c).toMatchObject({ source: '其他', assignedOn: null, registeredOn: TODAY, explicitDeadline: '2026-12-31' });
    // 序号 left out quietly, 联系人 reported once, never per row
    expect(p.mapping.map((m) => [m.column, m.target ?? m.kind])).toEqual([
      ['A', 'serial'],
      ['B', '事项内容'],
      ['C', '承办科室'],
      ['D', '来源类别'],
      ['E', '交办日期'],
      ['F', '完成时限'],
      ['G', '备注'],
      ['H', 'ignored'],
    ]);
    expect(p.problems).toEqual(['以下列不是台账的填写列，未导入：联系人（H列）']);
    expect(p.notes.map((n) => n.message)).toEqual(
      expect.arrayContaining([
        '粘贴内容 第2行 F列（完成时限）：“46356”是 Excel 的日期序号，已按 2026-11-30 识别',
        '粘贴内容 第3行 F列（完成时限）：“12月20日”没有写年份，已按 2026 年识别为 2026-12-20',
        '粘贴内容 第2行 D列（来源类别）：“巡视、巡察、审计等要求整改落实的问题”已按来源类别“巡视、巡察、审计整改问题”识别',
      ]),
    );
  });

  test('errors: counted by row, each naming sheet, row and column letter; a close 科室 gets a suggestion', () => {
    const p = preview(SECTION_SHEET);
    expect(p.errorRows).toEqual([5]);
    const messages = p.errors.map((e) => e.message);
    expect(messages).toHaveLength(2);
    expect(messages[1]).toBe('粘贴内容 第5行 C列（承办科室）：“公寓管理科”不在“科室人员”表的科室名单中；是否为“学生公寓管理科”？');
    expect(messages[0]).toBe('粘贴内容 第5行 F列（完成时限）：“昨天”不是可识别的日期，请写成 2026-03-05 的形式');
    expect(p.suggestions).toEqual([{ pastedRow: 5, typed: '公寓管理科', suggested: '学生公寓管理科' }]);
    // accepted as an alias, the row comes in under the listed name
    const q = preview(SECTION_SHEET.replace('昨天', '2026-12-10'), { sectionAliases: { 公寓管理科: '学生公寓管理科' } });
    expect(q.errorRows).toEqual([]);
    expect(q.add.find((x) => x.pastedRow === 5)?.item).toMatchObject({ section: '学生公寓管理科', source: '巡视、巡察、审计整改问题' });
  });

  test('已交办: new rows are 已交办; one without 交办日期 is assigned today, and says so', () => {
    const p = preview(SECTION_SHEET, { assigned: true });
    expect(p.add.map((a) => [a.item.state, a.item.assignedOn])).toEqual([
      ['已交办', '2026-11-05'],
      ['已交办', '2026-11-06'],
      ['已交办', TODAY],
    ]);
    expect(p.notes.map((n) => n.message)).toContain(`粘贴内容 第4行 E列（交办日期）：未填写交办日期，已交办的事项按今天 ${TODAY} 记为交办日期`);
    expect(p.defaultsUsed).toContain('办理状态：已交办');
  });

  test('a required column the block lacks, with no default: said once, every row counted as an error', () => {
    const text = tsv([
      ['事项内容', '承办科室', '交办层级', '事项类型'],
      ['甲', '工程管理科', '台账其他任务', '一般'],
      ['乙', '工程管理科', '台账其他任务', '一般'],
    ]);
    const p = previewRows(parsePastedBlock(text), existing, { sections: SECTIONS, today: TODAY });
    expect(p.errorRows).toEqual([2, 3]);
    expect(p.errors).toEqual([]);
    expect(p.problems).toEqual([expect.stringContaining('粘贴内容没有“来源类别”列')]);
  });

  test('an update keeps the row’s own cells; only what changes is listed; 办理状态 is not defaulted', () => {
    const text = tsv([
      ['编号', '最近进展', '完成时间'],
      ['DB-2026-0001', '已更换热水器', '46356'],
    ]);
    const p = preview(text);
    expect(p.update).toHaveLength(1);
    expect(p.update[0].changes).toEqual([
      { header: '完成时限', before: '', after: isoToSerial('2026-11-30') },
      { header: '最近进展', before: '已报修', after: '已更换热水器' },
    ]);
    expect(p.update[0].after.state).toBe(items[0].state);
  });
});

describe('clipboard', () => {
  test('tabs, CRLF, Excel quoting (newline, tab and "" inside quotes), blank lines', () => {
    const text =
      ['编号\t事项内容\t奇怪列\t最近进展 ', 'DB-2026-0001\t"第一行\n第二行\t含制表"\tx\t"说""好"""', '', '\t\t\t', 'DB-2026-0009\t普通\t\t'].join('\r\n') +
      '\r\n';
    const b = parsePastedBlock(text);
    expect(b.headers).toEqual(['编号', '事项内容', '奇怪列', '最近进展']);
    expect(b.unknownHeaders).toEqual(['奇怪列']);
    expect(b.problems).toEqual(['以下列不是台账的填写列，未导入：奇怪列（C列）']);
    expect(b.rows).toEqual([
      { 编号: 'DB-2026-0001', 事项内容: '第一行\n第二行\t含制表', 最近进展: '说"好"' },
      { 编号: 'DB-2026-0009', 事项内容: '普通', 最近进展: null },
    ]);
    expect(b.rowNumbers).toEqual([2, 5]);
  });

  test('a picked sheet whose first line is its row 3 numbers rows as the sheet does, and messages name it', () => {
    const text = tsv([
      ['工作任务', '责任科室', '来源类别'],
      ['维修屋面', '工程管理科', '（六）'],
      ['', '工程管理科', '（六）'],
    ]);
    expect(parsePastedBlock(text, undefined, undefined, 3).rowNumbers).toEqual([4, 5]);
    const origin = { sheet: '《工程科.xlsx》11月', firstRow: 3 };
    const p = previewRows(parsePastedBlock(text, undefined, undefined, origin.firstRow), existing, { sections: SECTIONS, today: TODAY }, { origin });
    expect(p.errors.map((e) => `${e.sheet} 第${e.row}行 ${e.column}列`)).toContain('《工程科.xlsx》11月 第5行 A列');
  });

  test('a stray quote is kept as text; empty input reports the missing header line', () => {
    const b = parsePastedBlock('事项内容\n"引号"后面还有\n5" 管道');
    expect(b.rows.map((r) => r['事项内容'])).toEqual(['"引号"后面还有', '5" 管道']);
    expect(parsePastedBlock('').problems).toHaveLength(1);
    expect(parsePastedBlock('\r\n\r\n').rows).toEqual([]);
    expect(splitClipboard('a\tb\r\nc')).toEqual([['a', 'b'], ['c']]);
  });
});

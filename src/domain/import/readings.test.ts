/**
 * What a section types → what the import reads, as tables (issue #13): the header synonyms not
 * covered by headers.test.ts, the 来源类别 aliases in the forms sections number them, the 科室
 * suggestions against the full 科室 list of the seed, and the date forms as they reach the ledger
 * (through the whole pasted-block → preview path, so the pure readers and the row validation
 * are judged together).
 */
import { parsePastedBlock } from './block';
import { readSourceAlias, suggestSection } from './cells';
import { HEADER_SYNONYMS, mapHeaders } from './headers';
import { IMPORT_TARGETS } from './block';
import { previewRows } from './preview';
import { SOURCE_CATEGORIES } from '../types';

const [c1, , , c4, , c6, c7, , , c10] = SOURCE_CATEGORIES;

describe('header synonyms: a section’s column name → the ledger column', () => {
  test.each([
    ['督办编号', '编号'],
    ['事项编号', '编号'],
    ['立项时间', '立项日期'],
    ['来源', '来源类别'],
    ['督办事项来源', '来源类别'],
    ['层级', '交办层级'],
    ['交办级别', '交办层级'],
    ['督办事项', '事项内容'],
    ['工作内容', '事项内容'],
    ['工作要求', '目标任务/工作要求'],
    ['工作目标', '目标任务/工作要求'],
    ['责任单位', '承办科室'],
    ['承办部门', '承办科室'],
    ['牵头科室', '承办科室'],
    ['科室', '承办科室'],
    ['配合科室', '协办科室'],
    ['协办单位', '协办科室'],
    ['类型', '事项类型'],
    ['事项类别', '事项类型'],
    ['完成期限', '完成时限'],
    ['截止日期', '完成时限'],
    ['时限要求', '完成时限'],
    ['落实情况', '最近进展'],
    ['完成情况', '最近进展'],
    ['附注', '备注'],
    ['责任科室（部门）', '承办科室'],
    ['完成时间：', '完成时限'],
  ])('%j → %s', (pasted, target) => {
    expect(mapHeaders([pasted], IMPORT_TARGETS).columns[0]).toMatchObject({ target, kind: expect.stringMatching(/^(synonym|exact)$/) });
  });

  test('every synonym names a ledger column, and no synonym is claimed by two columns', () => {
    expect(Object.keys(HEADER_SYNONYMS).filter((h) => !IMPORT_TARGETS.includes(h))).toEqual([]);
    const all = Object.values(HEADER_SYNONYMS).flat();
    expect(all.filter((s, i) => all.indexOf(s) !== i)).toEqual([]);
  });

  test.each([['序'], ['No.'], ['ｎｏ']])('%j is a row number: left out as 序号', (pasted) => {
    expect(mapHeaders([pasted], IMPORT_TARGETS).columns[0]).toMatchObject({ target: null, kind: 'serial' });
  });
});

describe('来源类别 aliases: the numbering as written', () => {
  test.each([
    ['６', c6],
    ['6.', c6],
    ['六、', c6],
    ['六.', c6],
    ['（10）', c10],
    ['(十)', c10],
    ['一', c1],
    ['（四）', c4],
    ['６、巡视、巡察、审计等要求整改落实的问题', c6],
    ['七、后勤中心各类会议决议事项', c7],
    [' 其他需要督查督办事项\u3000', c10],
  ])('%j → %s', (typed, expected) => {
    expect(readSourceAlias(typed)).toBe(expected);
  });

  test.each([
    ['0', 'no category 0'],
    ['（十一）', 'no eleventh category'],
    ['第六类', 'not a form the seed uses'],
    ['Ⅵ', 'Roman numerals are not the seed’s'],
  ])('%j → null (%s)', (typed) => {
    expect(readSourceAlias(typed)).toBeNull();
  });
});

describe('科室 suggestions against the seed’s 科室 list', () => {
  const SECTIONS = [
    '党政办公室（运行监督科）',
    '综合科',
    '财务科',
    '工程管理科',
    '维修服务科',
    '物业管理科',
    '饮食服务科',
    '学生公寓管理科',
    '能源管理科',
    '校园环境科',
    '采购与资产管理科',
  ];
  test.each([
    ['公寓管理科', '学生公寓管理科'],
    ['学生公寓科', '学生公寓管理科'],
    ['采购科', '采购与资产管理科'],
    ['资产管理科', '采购与资产管理科'],
    ['运行监督科', '党政办公室（运行监督科）'],
    ['党政办', '党政办公室（运行监督科）'],
    ['能源科', '能源管理科'],
    ['环境科', '校园环境科'],
    ['维修科', '维修服务科'],
    ['饮食科', '饮食服务科'],
    ['物业科', '物业管理科'],
    ['财务处', '财务科'],
    ['后勤财务科', '财务科'],
    ['校园环境科\u3000', '校园环境科'],
  ])('%j → %j', (typed, expected) => {
    expect(suggestSection(typed, SECTIONS)).toBe(expected);
  });

  test.each([
    ['保卫处', 'nothing close'],
    ['管理科', 'five sections end so'],
    ['饮食服务中心', 'too far from 饮食服务科'],
    ['工程部', 'two characters off a three-character name'],
  ])('%j → null (%s)', (typed) => {
    expect(suggestSection(typed, SECTIONS)).toBeNull();
  });
});

describe('date forms, as a pasted 完成时限 reaches the ledger (交办日期 2026-11-20)', () => {
  const SECTIONS = ['财务科'];
  const HEAD = ['事项内容', '承办科室', '来源类别', '交办层级', '事项类型', '交办日期', '完成时限'].join('\t');
  const read = (typed: string, assignedOn = '2026-11-20') => {
    const block = parsePastedBlock(`${HEAD}\r\n${['报账流程优化', '财务科', '其他', '台账其他任务', '一般', assignedOn, typed].join('\t')}\r\n`);
    const p = previewRows(block, [], { sections: SECTIONS, today: '2026-11-25' });
    return { deadline: p.add[0]?.item.explicitDeadline ?? null, errors: p.errors.map((e) => e.message), notes: p.notes.map((n) => n.message) };
  };

  test.each([
    ['2026-12-31', '2026-12-31'],
    ['2027-1-5', '2027-01-05'],
    ['2026/12/5', '2026-12-05'],
    ['2026.12.15', '2026-12-15'],
    ['2026. 12. 15', '2026-12-15'],
    ['2026年12月3日', '2026-12-03'],
    ['2026年12月3号', '2026-12-03'],
    ['２０２６／１２／１０', '2026-12-10'],
    ['２０２６年１２月１０日', '2026-12-10'],
    ['2026/12/30 0:00', '2026-12-30'],
    ['46356', '2026-11-30'],
    ['46356.0', '2026-11-30'],
    ['４６３５６', '2026-11-30'],
    ['12月20日', '2026-12-20'],
    ['12/20', '2026-12-20'],
    ['12.20', '2026-12-20'],
    ['\u30002026-12-31\u3000', '2026-12-31'],
  ])('%j → %s', (typed, iso) => {
    const r = read(typed);
    expect(r.errors).toEqual([]);
    expect(r.deadline).toBe(iso);
  });

  test('a year-less date is read in the row’s 交办 year, and the reading is shown', () => {
    const r = read('12/20', '2025-11-20');
    expect(r.deadline).toBe('2025-12-20');
    expect(r.notes).toContain('粘贴内容 第2行 G列（完成时限）：“12/20”没有写年份，已按 2025 年识别为 2025-12-20');
  });

  test('an Excel serial: the reading is shown', () => {
    expect(read('46356').notes).toContain('粘贴内容 第2行 G列（完成时限）：“46356”是 Excel 的日期序号，已按 2026-11-30 识别');
  });

  test.each([
    ['下周五', '不是可识别的日期'],
    ['20261230', '没有分隔符'],
    ['2026年2月30日', '不是有效日期'],
    ['26.12.30', '年份不是四位数'],
    ['2026年12月', '缺少月或日'],
    ['100000', '不是可识别的日期'],
  ])('%j is refused at its row and column: %s', (typed, why) => {
    const r = read(typed);
    expect(r.deadline).toBeNull();
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/^粘贴内容 第2行 G列（完成时限）：/);
    expect(r.errors[0]).toContain(why);
  });
});

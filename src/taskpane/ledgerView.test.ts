import { createCalendar } from '../domain/calendar';
import { defaultSettings } from '../domain/settings';
import { makeItem, makeRecord } from '../domain/testing/itemFactory';
import type { CellError } from '../domain/validation';
import type { StoredRecord } from '../excel/ledgerService';
import {
  actorFor,
  needsName,
  byUrgency,
  escalationLevelsFor,
  groupRowErrors,
  itemViews,
  leaders,
  myOpenItems,
  mySections,
  openReportNodes,
  pickerOrder,
  searchItems,
  statusCounts,
  unsignedReports,
} from './ledgerView';
import { FAKE_PEOPLE } from './testing/fakeLedgerService';

const settings = defaultSettings();
const calendar = createCalendar();
const TODAY = '2026-03-16';
const views = (items: ReturnType<typeof makeItem>[]) => itemViews({ items, today: TODAY, settings, calendar });

describe('ledgerView', () => {
  const items = [
    makeItem({ id: 'N', kind: '重大复杂', assignedOn: '2026-03-09', report1On: '2026-03-10', report3On: '2026-03-12' }),
    makeItem({ id: 'O9', assignedOn: '2026-03-02' }),
    makeItem({ id: 'W', assignedOn: TODAY, registeredOn: TODAY, content: '食堂油烟管道清洗' }),
    makeItem({ id: 'O1', assignedOn: '2026-03-12' }),
    makeItem({ id: 'X', section: '物业管理科', assignedOn: '2026-02-02' }),
    makeItem({ id: 'C', state: '已销号', closedOn: '2026-03-10', reportFinalOn: '2026-03-09' }),
  ];

  it('computes 预警状态 with the domain and orders by urgency', () => {
    const v = views(items);
    expect(v.map((x) => x.status.status)).toEqual(['正常', '逾期', '临近', '逾期', '逾期', '按期办结']);
    expect([...v].sort(byUrgency).map((x) => x.item.id)).toEqual(['X', 'O9', 'O1', 'W', 'N', 'C']);
    expect(statusCounts(v)).toMatchObject({ 正常: 1, 逾期: 3, 临近: 1, 按期办结: 1, 未交办: 0 });
  });

  it('puts my open items first, and keeps closed ones with the others', () => {
    const { mine, others } = pickerOrder(views(items), ['工程管理科']);
    expect(mine.map((x) => x.item.id)).toEqual(['O9', 'O1', 'W', 'N']);
    expect(others.map((x) => x.item.id)).toEqual(['X', 'C']);
    expect(myOpenItems(views(items), null).map((x) => x.item.id)).toEqual(['X', 'O9', 'O1', 'W', 'N']);
  });

  it('searches 编号, 科室 and 内容, all words', () => {
    const v = views(items);
    expect(searchItems(v, ' 油烟 ').map((x) => x.item.id)).toEqual(['W']);
    expect(searchItems(v, '物业').map((x) => x.item.id)).toEqual(['X']);
    expect(searchItems(v, 'o9').map((x) => x.item.id)).toEqual(['O9']);
    expect(searchItems(v, '工程 油烟').map((x) => x.item.id)).toEqual(['W']);
    expect(searchItems(v, '')).toHaveLength(items.length);
  });

  it('searches by status word and by the section’s people (issue #13 item 10)', () => {
    const v = views(items);
    expect(searchItems(v, '逾期', FAKE_PEOPLE).map((x) => x.item.id)).toEqual(['O9', 'O1', 'X']);
    expect(searchItems(v, '王科长', FAKE_PEOPLE).map((x) => x.item.id)).toEqual(['X']);
    expect(searchItems(v, '李副主任 逾期', FAKE_PEOPLE).map((x) => x.item.id)).toEqual(['O9', 'O1']);
    expect(searchItems(v, '已销号', FAKE_PEOPLE).map((x) => x.item.id)).toEqual(['C']);
    // without 科室人员 a name finds nothing (names are not on the item)
    expect(searchItems(v, '王科长')).toEqual([]);
  });

  it('knows whose sections are whose, and who acts', () => {
    const snapshot = { people: FAKE_PEOPLE, settings };
    expect(leaders(FAKE_PEOPLE)).toEqual(['李副主任', '赵副主任']);
    expect(mySections({ role: '分管领导', leader: '李副主任' }, FAKE_PEOPLE)).toEqual(['工程管理科', '饮食服务科']);
    expect(mySections({ role: '科室', section: '物业管理科' }, FAKE_PEOPLE)).toEqual(['物业管理科']);
    expect(mySections({ role: '督办员' }, FAKE_PEOPLE)).toBeNull();
    // the person's own name, trimmed; blank stays blank (never 「党政办公室」 or the section's 科长)
    expect(actorFor({ role: '督办员', name: ' 督办员甲 ' }, snapshot)).toEqual({ role: '督办员', name: '督办员甲' });
    expect(actorFor({ role: '督办员' }, snapshot)).toEqual({ role: '督办员', name: '' });
    expect(actorFor({ role: '科室', section: '物业管理科', name: '经办人乙' }, snapshot)).toEqual({ role: '科室', name: '经办人乙', section: '物业管理科' });
    expect(actorFor({ role: '科室', section: '物业管理科' }, snapshot)).toEqual({ role: '科室', name: '', section: '物业管理科' });
    expect(needsName(actorFor({ role: '科室', section: '物业管理科' }, snapshot)!)).toBe(true);
    expect(needsName(actorFor({ role: '科室', section: '物业管理科', name: '经办人乙' }, snapshot)!)).toBe(false);
    expect(actorFor({ role: '科室' }, snapshot)).toBeNull();
    expect(actorFor({ role: '分管领导' }, snapshot)).toBeNull();
    expect(actorFor({ role: '中心主任' }, snapshot)).toEqual({ role: '中心主任', name: settings.director });
    // 设置 names no 中心主任: the one in the role types their own name
    const noDirector = { people: FAKE_PEOPLE, settings: { ...settings, director: '' } };
    expect(actorFor({ role: '中心主任', name: '周主任' }, noDirector)).toEqual({ role: '中心主任', name: '周主任' });
    expect(needsName(actorFor({ role: '中心主任' }, noDirector)!)).toBe(true);
    expect(actorFor(null, snapshot)).toBeNull();
  });

  it('finds unsigned reports of open items in my sections, oldest first', () => {
    const rec = (o: Partial<StoredRecord>): StoredRecord => ({ ...makeRecord(o), opId: o.opId ?? 'op' });
    const records = [
      rec({ itemId: 'O1', type: '3天反馈', date: '2026-03-15', opId: 'a' }),
      rec({ itemId: 'O9', type: '1天反馈', date: '2026-03-03', opId: 'b' }),
      rec({ itemId: 'O9', type: '1天反馈', date: '2026-03-03', signedOn: '2026-03-04', signer: '李', opId: 'c' }),
      rec({ itemId: 'O9', type: '催办', date: '2026-03-05', opId: 'd' }),
      rec({ itemId: 'X', type: '1天反馈', date: '2026-02-03', opId: 'e' }),
      rec({ itemId: 'C', type: '落实反馈', date: '2026-03-09', opId: 'f' }),
    ];
    expect(unsignedReports(records, items, ['工程管理科']).map((r) => r.opId)).toEqual(['b', 'a']);
    expect(unsignedReports(records, items, null).map((r) => r.opId)).toEqual(['e', 'b', 'a']);
    // 审签退回 of O9's 1天反馈 of 03-03: it no longer waits; a re-submission after it does.
    const back = rec({ itemId: 'O9', type: '审签退回', date: '2026-03-04', content: '1天反馈（2026-03-03）退回：请补充', opId: 'g' });
    const again = rec({ itemId: 'O9', type: '1天反馈', date: '2026-03-05', opId: 'h' });
    expect(unsignedReports([...records, back], items, ['工程管理科']).map((r) => r.opId)).toEqual(['a']);
    expect(unsignedReports([...records, back, again], items, ['工程管理科']).map((r) => r.opId)).toEqual(['h', 'a']);
  });

  it('offers only open report nodes, 月度 under a plan', () => {
    expect(openReportNodes(makeItem())).toEqual(['1天反馈', '3天反馈', '落实反馈']);
    expect(openReportNodes(makeItem({ report1On: '2026-03-03', reportFinalOn: '2026-03-09' }))).toEqual(['3天反馈']);
    expect(openReportNodes(makeItem({ extensionApprovedOn: '2026-03-05' }))).toContain('月度反馈');
  });

  it('escalates one step at a time', () => {
    expect(escalationLevelsFor('科室')).toEqual(['分管领导']);
    expect(escalationLevelsFor('分管领导')).toEqual(['中心主任']);
    expect(escalationLevelsFor('督办员')).toEqual(['分管领导', '中心主任']);
    expect(escalationLevelsFor('中心主任')).toEqual([]);
  });

  it('groups row errors by sheet (first seen) and row, columns in sheet order', () => {
    const e = (sheet: string, row: number, column: string): CellError => ({
      sheet,
      row,
      column,
      header: '',
      value: null,
      code: 'x',
      message: `${sheet}${row}${column}`,
    });
    const groups = groupRowErrors([e('台账', 9, 'AA'), e('反馈记录', 2, 'B'), e('台账', 3, 'C'), e('台账', 9, 'B'), e('台账', 9, '')]);
    expect(groups.map((g) => [g.sheet, g.row, g.errors.map((x) => x.column)])).toEqual([
      ['台账', 3, ['C']],
      ['台账', 9, ['', 'B', 'AA']],
      ['反馈记录', 2, ['B']],
    ]);
  });
});

import { createCalendar } from '../calendar';
import { buildReport } from '../report';
import { defaultSettings } from '../settings';
import { makeItem } from '../testing/itemFactory';
import { SECTION_A, SECTION_B, SECTION_C, marchLedger, marchPeople, marchRecords } from '../testing/fixtures';
import {
  chineseNumber,
  defaultDocumentSettings,
  documentSettingsFromPairs,
  documentText,
  formatDocNumber,
  noticeDocument,
  overdueItemsOf,
  periodWords,
  reportDocument,
  sectionUrgeDocument,
  sectionUrgeMessage,
  severest,
  urgeColour,
  urgeDocument,
  urgeMessage,
  urgeOrdinal,
  type DocumentContext,
} from '.';

const cal = createCalendar();
const settings = { ...defaultSettings(), director: '杨主任' };
const doc = defaultDocumentSettings();
const people = [{ section: '工程管理科', chief: '张科长', deputy: '李副主任' }];
const ctx: DocumentContext = { settings, doc, cal, people };
// makeItem: 一般, 交办 Monday 2026-03-02 → 1天 03-03, 3天 03-05, 办结时限 03-09
const item = makeItem({ id: 'DB-2026-0042', content: '更换学生公寓路灯', requirement: '三日内完成排查' });

describe('文号 and the document settings', () => {
  it('formats a 文号 from the pattern in 设置', () => {
    expect(formatDocNumber('后勤督〔{年}〕{号}号', 2026, 42)).toBe('后勤督〔2026〕42号');
    expect(formatDocNumber('后勤督[{年}]{号}号', '2026', '42-2')).toBe('后勤督〔2026〕42-2号');
  });

  it('reads the defaults from an older ledger without the rows, and what the clerk typed otherwise', () => {
    expect(documentSettingsFromPairs(new Map())).toEqual(defaultDocumentSettings());
    const s = documentSettingsFromPairs(
      new Map<string, unknown>([
        ['督办文号格式', '综督字〔{年}〕第{号}号'],
        ['报告文号格式', '没有编号'], // no {号}: the default
        ['发文机关标志', ' 某某大学后勤服务中心文件 '],
        ['抄送机关', null], // left blank on purpose: no 抄送 line
        ['主送机关', null], // blank: the default
        ['红色催办次数', 3],
        ['催办反馈工作日', 'two'],
      ]),
    );
    expect(s.noticeNumberPattern).toBe('综督字〔{年}〕第{号}号');
    expect(s.reportNumberPattern).toBe(doc.reportNumberPattern);
    expect(s.organMark).toBe('某某大学后勤服务中心文件');
    expect(s.cc).toBe('');
    expect(s.addressee).toBe(doc.addressee);
    expect(s.redUrgeCount).toBe(3);
    expect(s.urgeReplyWorkdays).toBe(doc.urgeReplyWorkdays);
  });
});

describe('三色催办 rule', () => {
  it('蓝 when 临近, 黄 when 逾期, 红 when on the 不落实 list', () => {
    expect(urgeColour(item, '2026-03-02', settings, doc, cal)).toBe('蓝'); // 1天 due tomorrow
    expect(urgeColour(item, '2026-03-04', settings, doc, cal)).toBe('黄'); // 1天 missed
    // 1天 and 3天 missed: rule b of the 不落实 list
    expect(urgeColour(item, '2026-03-06', settings, doc, cal)).toBe('红');
  });

  it('红 from the n-th 催办 set in 设置 (default the 2nd); a 催办 recorded today is the one the document stands for', () => {
    const urgedYesterday = { ...item, urgeCount: 1, lastUrgedOn: '2026-03-03' };
    expect(urgeOrdinal(urgedYesterday, '2026-03-04')).toBe(2);
    expect(urgeColour(urgedYesterday, '2026-03-04', settings, doc, cal)).toBe('红');
    expect(urgeColour(urgedYesterday, '2026-03-04', settings, { ...doc, redUrgeCount: 3 }, cal)).toBe('黄');
    const urgedToday = { ...item, urgeCount: 1, lastUrgedOn: '2026-03-04' };
    expect(urgeOrdinal(urgedToday, '2026-03-04')).toBe(1);
    expect(urgeColour(urgedToday, '2026-03-04', settings, doc, cal)).toBe('黄');
  });

  it('a section takes its severest colour', () => {
    expect(severest([])).toBe('蓝');
    expect(severest(['蓝', '黄'])).toBe('黄');
    expect(severest(['黄', '红', '蓝'])).toBe('红');
  });
});

describe('督办通知单', () => {
  it('carries the item, its 责任人, the 13710 dates and what to report by when, dated the 交办日期', () => {
    const d = noticeDocument(item, '2026-03-10', ctx);
    expect(d.docNumber).toBe('后勤督〔2026〕42号');
    expect(d.addressee).toBe('工程管理科：');
    const text = documentText(d).join('\n');
    for (const s of [
      '更换学生公寓路灯',
      '三日内完成排查',
      '后勤中心各类会议决议',
      '直接责任人：李副主任',
      '第一责任人：张科长',
      '1天研究部署反馈：2026-03-03',
      '3天初步落实反馈：2026-03-05',
      '办结时限：2026-03-09',
      '落实解决情况（办结时限前）：2026-03-09前',
      '签收人：',
      '2026年3月2日',
    ]) {
      expect(text).toContain(s);
    }
  });

  it('for an item not yet 交办, the dates it gets when 交办 that day', () => {
    const d = noticeDocument({ ...item, assignedOn: null }, '2026-03-09', ctx);
    expect(documentText(d).join('\n')).toContain('1天研究部署反馈：2026-03-10');
  });
});

describe('催办单 and the message', () => {
  it('says which node is late, by how much, and asks for the missing report by a working day', () => {
    const d = urgeDocument(item, '2026-03-04', ctx);
    expect(d.docNumber).toBe('后勤督〔2026〕42-1号');
    expect(d.colour).toMatchObject({ colour: '黄', hex: 'FFC000', label: '黄色催办' });
    const text = documentText(d).join('\n');
    expect(text).toContain('督办事项DB-2026-0042「更换学生公寓路灯」：1天研究部署反馈已逾期1个工作日（应于2026-03-03反馈），办结时限2026-03-09。');
    expect(text).toContain('请于2026-03-05前补报1天研究部署反馈，说明未按期落实的原因、下一步措施和完成时间。');
    expect(text).toContain('催办次数：第1次');
  });

  it('the message is the 催办单 in its own words', () => {
    const msg = urgeMessage(item, '2026-03-04', ctx).split('\n');
    expect(msg[0]).toBe('【黄色催办】后勤督〔2026〕42-1号 催办单');
    expect(msg[1]).toBe('工程管理科（直接责任人：李副主任）：下列督办事项未按“13710”时间节点落实反馈，现予第1次催办，请抓紧办理并按要求反馈。');
    const text = documentText(urgeDocument(item, '2026-03-04', ctx));
    for (const line of msg.slice(2, 4)) expect(text).toContain(line);
  });

  it('a section: all its overdue items, none of the others, in the severest colour', () => {
    const items = [
      item,
      { ...item, id: 'DB-2026-0043', content: '路面修补', assignedOn: '2026-03-01' },
      { ...item, id: 'DB-2026-0044', content: '还没到期', assignedOn: '2026-03-03' },
      { ...item, id: 'DB-2026-0045', section: '物业管理科' },
    ];
    expect(overdueItemsOf(items, '工程管理科', '2026-03-04', ctx).map((i) => i.id)).toEqual(['DB-2026-0042', 'DB-2026-0043']);
    const d = sectionUrgeDocument(items, '工程管理科', '2026-03-04', ctx);
    const table = d.body.find((b) => b.type === 'table');
    expect(table?.type === 'table' && table.rows.map((r) => r[1])).toEqual(['DB-2026-0042', 'DB-2026-0043']);
    expect(d.docNumber).toBe('后勤督〔2026〕0304号');
    const msg = sectionUrgeMessage(items, '工程管理科', '2026-03-04', ctx);
    expect(msg).toContain('1. 督办事项DB-2026-0042');
    expect(msg).toContain('2. 督办事项DB-2026-0043');
    expect(msg).not.toContain('DB-2026-0044');
    expect(msg).not.toContain('DB-2026-0045');
  });
});

describe('督查报告 公文', () => {
  const report = buildReport({
    items: marchLedger,
    records: marchRecords,
    period: { from: '2026-03-01', to: '2026-03-31' },
    asOf: '2026-03-31',
    settings: defaultSettings(),
    cal,
    sections: [SECTION_A, SECTION_B, SECTION_C],
    people: marchPeople,
  });
  const hand = {
    seq: 9,
    itemId: '',
    content: '食堂排烟异味（现场发现）',
    section: SECTION_B,
    responsible: '',
    rectifyBy: '',
    status: '' as const,
    manual: true,
  };
  const d = reportDocument({
    report,
    roundDate: '2026-03-31',
    mainProblems: report.mainProblems,
    suggestions: ['1. 请各科室于4月3日前完成整改。', ...report.suggestions.slice(1)],
    issues: [...report.issueList, hand],
    nonImplementation: report.nonImplementationList,
    doc: { ...doc, cc: '' },
  });

  it('has the 公文 elements: 版头, 文号, 标题, 主送, the three parts, 署名, and the 版记', () => {
    expect(d.organMark).toBe('后勤服务中心文件');
    expect(d.docNumber).toBe('后勤督查〔2026〕3号');
    expect(d.title).toBe('关于2026年3月“13710”督办事项督查情况的通报');
    expect(d.addressee).toBe('各科室：');
    const headings = d.body.filter((b) => b.type === 'heading').map((b) => (b.type === 'heading' ? b.text : ''));
    expect(headings).toEqual(['一、总体情况', '二、主要问题', '三、督查建议']);
    expect(d.body.filter((b) => b.type === 'table')).toHaveLength(4);
    expect(d.colophon).toEqual({ cc: '', printer: doc.printer, date: '2026年3月31日印发' });
    // 附件说明: 「附件：1. 问题清单」, the second name under the first
    const names = d.body.filter((b) => b.type === 'paragraph' && /^(附件：)?\d\. /.test(b.text));
    expect(names).toEqual([
      { type: 'paragraph', text: '附件：1. 问题清单' },
      { type: 'paragraph', text: '2. 不落实典型事项清单', indent: 5 },
    ]);
  });

  it('the 督查建议 as the clerk left them, numbered （一）（二）…', () => {
    const paras = d.body.filter((b) => b.type === 'paragraph' && b.lead);
    expect(paras[0]).toMatchObject({ lead: '（一）', text: '请各科室于4月3日前完成整改。' });
    expect(paras.length).toBe(report.suggestions.length);
  });

  it('附件: one table row per row of each list, hand rows included', () => {
    expect(d.attachments.map((a) => a.title)).toEqual(['问题清单', '不落实典型事项清单']);
    expect(d.attachments[0].table.rows).toHaveLength(report.issueList.length + 1);
    expect(d.attachments[0].table.rows.at(-1)).toEqual([String(report.issueList.length + 1), '—', '食堂排烟异味（现场发现）', SECTION_B, '—', '—']);
    expect(d.attachments[1].table.rows.map((r) => r[1])).toEqual(report.nonImplementationList.map((r) => r.itemId));
  });

  it('period words and Chinese numbers', () => {
    expect(periodWords({ from: '2026-02-01', to: '2026-02-28' })).toBe('2026年2月');
    expect(periodWords({ from: '2026-02-01', to: '2026-02-15' })).toBe('2026年2月1日至2026年2月15日');
    expect([1, 10, 11, 20, 23].map(chineseNumber)).toEqual(['一', '十', '十一', '二十', '二十三']);
  });
});

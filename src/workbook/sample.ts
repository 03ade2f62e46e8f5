/**
 * A seeded generator of realistic ledger content for a university logistics centre: items of all
 * sources, levels and kinds in every workflow state, with consistent dates (reports before and
 * after their due dates, missing reports, explicit deadlines, extensions, closures with grades,
 * 退回, 催办, 敷衍推诿 / 弄虚作假 flags, 重新立项 links), spread over several months up to
 * `today`, plus the matching 反馈记录 rows. Same seed, same output.
 */
import { draftItem } from '../domain/workflow';
import { signOffReturnContent } from '../domain/signOffReturn';
import { createCalendar, type WorkCalendar } from '../domain/calendar';
import { itemClock, monthlyReportDues } from '../domain/clock';
import { addCalendarDays, diffDays, maxDate, minDate } from '../domain/dates';
import { defaultSettings, type Settings } from '../domain/settings';
import {
  ASSIGN_LEVELS,
  SOURCE_CATEGORIES,
  type FeedbackRecord,
  type Grade,
  type IsoDate,
  type ItemKind,
  type LedgerItem,
  type SectionPeople,
  type WorkflowState,
} from '../domain/types';
import { DEFAULT_SECTIONS } from './sections';

/** mulberry32: a small, fast, seedable PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

class Rand {
  constructor(private readonly next: () => number) {}
  float(): number {
    return this.next();
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    const total = pairs.reduce((s, [, w]) => s + w, 0);
    let x = this.next() * total;
    for (const [v, w] of pairs) {
      x -= w;
      if (x < 0) return v;
    }
    return pairs[pairs.length - 1][0];
  }
}

interface Topic {
  content: string;
  requirement: string;
  /** sections that would plausibly be in charge (by name fragment) */
  sections: readonly string[];
  kind?: ItemKind;
}

const TOPICS: readonly Topic[] = [
  { content: '学生公寓{n}号楼卫生间渗漏维修', requirement: '查明渗漏原因，完成防水修复，恢复正常使用', sections: ['维修服务科', '学生公寓管理科'] },
  { content: '{n}号学生公寓热水供应不稳定问题整改', requirement: '排查热水机组及管网，保障 24 小时稳定供水', sections: ['学生公寓管理科', '能源管理科'] },
  { content: '第{k}食堂食品安全专项检查问题整改', requirement: '对照检查清单逐项整改，建立整改台账并复查', sections: ['饮食服务科'] },
  { content: '第{k}食堂后厨“明厨亮灶”改造', requirement: '完成后厨视频监控接入和公示屏安装', sections: ['饮食服务科', '工程管理科'], kind: '重大复杂' },
  { content: '校园主干道行道树修剪及绿化补植', requirement: '完成枯死苗木清理和补植，恢复道路绿化景观', sections: ['校园环境科'] },
  { content: '图书馆周边草坪养护提升', requirement: '完成草坪修剪、补播和灌溉设施检修', sections: ['校园环境科'] },
  {
    content: '教学楼公共区域照明节能改造',
    requirement: '更换 LED 灯具并加装感应控制，形成节能量测算',
    sections: ['能源管理科', '工程管理科'],
    kind: '重大复杂',
  },
  { content: '校园路灯智能控制系统改造', requirement: '完成控制终端安装调试，按季节设置开关灯时间', sections: ['能源管理科'], kind: '重大复杂' },
  { content: '巡察反馈“维修响应不及时”问题整改', requirement: '制定报修响应时限标准，建立超时督办机制', sections: ['维修服务科', '党政办公室（运行监督科）'] },
  { content: '审计整改：物资采购台账不规范', requirement: '规范采购台账，补齐验收记录，完成自查报告', sections: ['采购与资产管理科', '财务科'] },
  {
    content: '学生公寓空调安装项目推进',
    requirement: '按节点完成招标、安装和验收，确保按期投入使用',
    sections: ['学生公寓管理科', '工程管理科'],
    kind: '重大复杂',
  },
  { content: '开学前学生宿舍安全隐患排查', requirement: '完成全部宿舍楼用电、消防隐患排查并整改', sections: ['学生公寓管理科', '物业管理科'] },
  { content: '汛期校园排水设施检查疏通', requirement: '完成雨水井、排水沟清淤，制定防汛应急预案', sections: ['物业管理科', '校园环境科'] },
  { content: '冬季供暖设施检修', requirement: '完成换热站、管网检修试压，确保按时供暖', sections: ['能源管理科', '维修服务科'] },
  { content: '{n}号教学楼电梯安全隐患整改', requirement: '配合特检院完成整改复检，张贴合格标志', sections: ['物业管理科'] },
  { content: '校园生活垃圾分类投放点建设', requirement: '新建分类投放点并完成标识、宣传', sections: ['校园环境科'] },
  { content: '校长信箱反映第{k}食堂饭菜价格问题核查', requirement: '核查价格构成，向反映人答复并公示结果', sections: ['饮食服务科'] },
  { content: '后勤服务满意度调查问题整改', requirement: '对满意度低于 80% 的项目逐项制定整改措施', sections: ['综合科', '党政办公室（运行监督科）'] },
  { content: '实验楼配电房增容改造', requirement: '完成设计、施工和送电验收', sections: ['工程管理科', '能源管理科'], kind: '重大复杂' },
  { content: '学生反映{n}号楼宿舍网络故障处理', requirement: '协调网络中心排查线路，恢复正常上网', sections: ['学生公寓管理科'] },
  { content: '水电费收缴系统升级', requirement: '完成系统升级和数据迁移，确保缴费不中断', sections: ['能源管理科', '财务科'] },
  { content: '消防设施年度检测问题整改', requirement: '更换过期灭火器，修复损坏的消防栓和应急照明', sections: ['物业管理科'] },
  { content: '校园绿化带病虫害防治', requirement: '完成病虫害普查和药物防治，做好作业公告', sections: ['校园环境科'] },
  { content: '体育馆屋面防水维修', requirement: '完成屋面防水层修复，雨后复查无渗漏', sections: ['维修服务科', '工程管理科'] },
  { content: '家属区二次供水水箱清洗消毒', requirement: '完成清洗消毒并取得水质检测合格报告', sections: ['物业管理科'] },
  { content: '第{k}食堂燃气管道安全检查', requirement: '完成燃气管道、报警装置检查，整改发现的问题', sections: ['饮食服务科', '物业管理科'] },
  { content: '学生公寓门禁系统升级', requirement: '完成人脸识别门禁安装调试和信息采集', sections: ['学生公寓管理科'], kind: '重大复杂' },
  { content: '中心会议决议：后勤服务热线整合', requirement: '整合各科室报修电话为统一服务热线并对外公布', sections: ['综合科'] },
  { content: '{n}号教学楼教室桌椅维修更换', requirement: '完成损坏桌椅维修更换，不影响正常教学', sections: ['维修服务科'] },
  { content: '新生入学后勤保障工作落实', requirement: '落实宿舍、餐饮、水电等保障措施，做好迎新服务', sections: ['综合科', '学生公寓管理科'] },
  { content: '毕业生离校宿舍清退及维修', requirement: '完成宿舍清退、物品清点和维修，具备新生入住条件', sections: ['学生公寓管理科', '维修服务科'] },
  {
    content: '中心年度目标任务分解落实',
    requirement: '将年度目标任务分解到科室，明确责任人和时间节点',
    sections: ['党政办公室（运行监督科）', '综合科'],
    kind: '重大复杂',
  },
  { content: '物业服务外包合同履约考核', requirement: '按合同开展季度考核，考核结果与付款挂钩', sections: ['物业管理科', '财务科'] },
  { content: '安全生产月专项检查问题整改', requirement: '对检查发现的隐患建立清单，逐项整改销号', sections: ['物业管理科', '工程管理科'] },
  { content: '校园环境综合整治', requirement: '清理卫生死角和乱堆乱放，规范车辆停放', sections: ['校园环境科', '物业管理科'] },
  { content: '雨污分流改造工程推进', requirement: '按工程进度计划推进施工，做好安全文明施工', sections: ['工程管理科'], kind: '重大复杂' },
  { content: '食堂原材料集中采购管理整改', requirement: '完善供应商准入和索证索票制度', sections: ['饮食服务科', '采购与资产管理科'] },
  { content: '配电设备预防性试验', requirement: '完成高压配电设备预防性试验并出具报告', sections: ['能源管理科'] },
  { content: '固定资产清查盘点', requirement: '完成中心固定资产全面清查，做到账实相符', sections: ['采购与资产管理科', '财务科'], kind: '重大复杂' },
  { content: '上级主管部门节能减排工作部署落实', requirement: '制定节能减排实施方案并报送工作进展', sections: ['能源管理科'] },
];

const PROGRESS = [
  '已召开科室会议研究部署，明确责任人',
  '已完成现场勘查，正在制定方案',
  '材料已到位，正在施工',
  '已完成主体工作，正在收尾',
  '已完成整改，等待验收',
  '因材料采购周期较长，进度有所滞后',
  '已与相关单位协调，正在推进',
];

const OFFICE_STAFF = '陈志刚';

export interface SampleOptions {
  count: number;
  seed: number;
  today: IsoDate;
  sections?: readonly SectionPeople[];
  settings?: Settings;
  /** calendar days before `today` over which items are registered (default 240) */
  spanDays?: number;
  cal?: WorkCalendar;
}

export interface Sample {
  items: LedgerItem[];
  records: FeedbackRecord[];
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

type Draft = { item: LedgerItem; records: FeedbackRecord[] };
type Profile = 'diligent' | 'late' | 'negligent';
type Clock = NonNullable<ReturnType<typeof itemClock>>;
type AddRecord = (type: FeedbackRecord['type'], date: IsoDate, text: string, signed: IsoDate | null, by?: string) => void;

/** What every item's generation shares: the random stream, the calendar and the period. */
interface Context {
  rnd: Rand;
  settings: Settings;
  cal: WorkCalendar;
  sections: readonly SectionPeople[];
  sectionNames: string[];
  today: IsoDate;
  span: number;
  /** non-working days in the period, so that some items start on a holiday or a weekend */
  offDays: IsoDate[];
  /** weekend days that are workdays (调休) in the period */
  makeupDays: IsoDate[];
  /** the date, or null when it is after `today` */
  clip: (d: IsoDate | null) => IsoDate | null;
}

function createContext(opts: SampleOptions): Context {
  const cal = opts.cal ?? createCalendar();
  const sections = opts.sections && opts.sections.length > 0 ? opts.sections : DEFAULT_SECTIONS;
  const today = opts.today;
  const span = opts.spanDays ?? 240;
  const offDays: IsoDate[] = [];
  const makeupDays: IsoDate[] = [];
  for (let k = 0; k <= span; k++) {
    const d = addCalendarDays(today, -k);
    if (!cal.isWorkday(d)) offDays.push(d);
    else if (new Date(`${d}T00:00:00Z`).getUTCDay() % 6 === 0) makeupDays.push(d);
  }
  return {
    rnd: new Rand(prng(opts.seed)),
    settings: opts.settings ?? defaultSettings(),
    cal,
    sections,
    sectionNames: sections.map((s) => s.section),
    today,
    span,
    offDays,
    makeupDays,
    clip: (d) => (d && d <= today ? d : null),
  };
}

/** 立项 date: more items lately; some on holidays, weekends or make-up workdays. */
function registrationDate(ctx: Context): IsoDate {
  const { rnd, today, span, offDays, makeupDays } = ctx;
  const roll = rnd.float();
  if (roll < 0.08 && offDays.length > 0) return rnd.pick(offDays);
  if (roll < 0.11 && makeupDays.length > 0) return rnd.pick(makeupDays);
  if (roll < 0.2) return addCalendarDays(today, -rnd.int(0, 12));
  return addCalendarDays(today, -Math.floor(span * Math.pow(rnd.float(), 0.8)));
}

/** A freshly registered (待审批) item on a random topic, with its section's 分管领导 as signer. */
function registerItem(ctx: Context): { base: LedgerItem; signer: string; kind: ItemKind; registered: IsoDate } {
  const { rnd, sections, sectionNames } = ctx;
  const topic = rnd.pick(TOPICS);
  const candidates = sectionNames.filter((s) => topic.sections.some((x) => s.includes(x)));
  const section = candidates.length > 0 && rnd.chance(0.85) ? rnd.pick(candidates) : rnd.pick(sectionNames);
  const people = sections.find((s) => s.section === section);
  const signer = people?.deputy ?? '';
  const kind: ItemKind = topic.kind ?? (rnd.chance(0.2) ? '重大复杂' : '一般');
  const content = topic.content.replace('{n}', String(rnd.int(1, 28))).replace('{k}', String(rnd.int(1, 6)));
  const registered = registrationDate(ctx);
  const base: LedgerItem = draftItem({
    id: '',
    on: registered,
    source: rnd.pick(SOURCE_CATEGORIES),
    level: rnd.weighted([
      [ASSIGN_LEVELS[0], 3],
      [ASSIGN_LEVELS[1], 4],
      [ASSIGN_LEVELS[2], 3],
    ]),
    content,
    requirement: `${topic.requirement}；按“13710”要求按节点反馈`,
    section,
    coSections: rnd.chance(0.2) ? rnd.pick(sectionNames.filter((s) => s !== section)) : '',
    kind,
    linkedId: '',
    note: '',
  });
  return { base, signer, kind, registered };
}

/** A recorder of 反馈记录 rows for one item, signed by `signer` unless told otherwise. */
function recorder(records: FeedbackRecord[], signer: string): AddRecord {
  return (type, date, text, signed, by = signer) =>
    records.push({
      itemId: '',
      type,
      date,
      content: text,
      signer: signed || type === '催办' || type === '退回' || type === '升级' || type === '审签退回' ? by : '',
      signedOn: signed,
    });
}

/** When the section reports for a node due on `due`, by its profile (null: not (yet) reported). */
function reportAround(ctx: Context, profile: Profile, assigned: IsoDate, due: IsoDate): IsoDate | null {
  const { rnd } = ctx;
  let d: IsoDate | null;
  if (profile === 'diligent') d = rnd.chance(0.9) ? addCalendarDays(due, -rnd.int(0, 1)) : addCalendarDays(due, rnd.int(1, 3));
  else if (profile === 'late') d = rnd.chance(0.7) ? addCalendarDays(due, -rnd.int(0, 1)) : addCalendarDays(due, rnd.int(1, 6));
  else d = rnd.chance(0.5) ? addCalendarDays(due, rnd.int(1, 15)) : null;
  if (d && d < assigned) d = assigned;
  return ctx.clip(d);
}

/** An approved extension plan (mostly for 重大复杂 items); returns the item's clock afterwards. */
function maybeExtend(ctx: Context, item: LedgerItem, kind: ItemKind, clock: Clock, record: AddRecord): Clock {
  const { rnd } = ctx;
  const assigned = item.assignedOn!;
  if (!rnd.chance(kind === '重大复杂' ? 0.3 : 0.07)) return clock;
  const approved = ctx.clip(addCalendarDays(assigned, rnd.int(3, Math.max(4, diffDays(assigned, clock.deadline)))));
  if (!approved) return clock;
  item.extensionApprovedOn = approved;
  item.extensionDeadline = addCalendarDays(approved, rnd.int(20, 120));
  const mid = addCalendarDays(approved, Math.floor(diffDays(approved, item.extensionDeadline) / 2));
  item.extensionNodes = `${mid} 完成阶段任务；${item.extensionDeadline} 全部完成`;
  record('升级', approved, '确实难以按期解决，报分管领导批准延期方案', null, OFFICE_STAFF);
  return itemClock(item, ctx.settings, ctx.cal)!;
}

/** When the work was done, by the section's profile (null: not (yet) done). */
function completionDate(ctx: Context, profile: Profile, assigned: IsoDate, clock: Clock): IsoDate | null {
  const { rnd } = ctx;
  let done: IsoDate | null;
  if (profile === 'diligent') done = addCalendarDays(clock.deadline, -rnd.int(0, Math.max(0, Math.min(6, diffDays(assigned, clock.deadline) - 1))));
  else if (profile === 'late') done = addCalendarDays(clock.deadline, rnd.int(1, 20));
  else done = rnd.chance(0.5) ? addCalendarDays(clock.deadline, rnd.int(10, 60)) : null;
  if (done && done < assigned) done = assigned;
  return ctx.clip(done);
}

/** 销号 after an application: earlier 退回, then 申请办结 → 初核 → 审定 with a grade. */
function closeApplied(ctx: Context, item: LedgerItem, record: AddRecord): WorkflowState {
  const { rnd, clip } = ctx;
  const assigned = item.assignedOn!;
  const appliedOn = item.appliedOn!;
  let state: WorkflowState = '申请办结';
  // Some applications were sent back before (退回) and are now back in work or re-applied.
  if (rnd.chance(0.12)) {
    item.returnCount = rnd.weighted([
      [1, 6],
      [2, 3],
      [3, 1],
    ]);
    for (let k = 0; k < item.returnCount; k++) {
      const d = clip(addCalendarDays(assigned, rnd.int(1, Math.max(1, diffDays(assigned, appliedOn)))));
      if (d) record('退回', d, '销号申请材料不全、整改不到位，退回继续办理', null, OFFICE_STAFF);
    }
    item.note = '曾被退回';
  }
  const checked = clip(addCalendarDays(appliedOn, rnd.int(0, 3)));
  if (checked && rnd.chance(0.8)) {
    item.checkedOn = checked;
    state = '已初核';
    const approvedOn = clip(addCalendarDays(checked, rnd.int(0, 4)));
    if (approvedOn && rnd.chance(0.85)) {
      item.approvedOn = approvedOn;
      item.closedOn = approvedOn;
      state = '已销号';
      item.grade = rnd.weighted<Grade>([
        ['优秀', 3],
        ['良好', 4],
        ['合格', 2.5],
        ['不合格', 0.5],
      ]);
      if (rnd.chance(0.1)) item.grade = null; // graded later
    }
  }
  return state;
}

/** 销号: 申请办结 → 初核 → 审定, or closed directly at a meeting; sets the item's state. */
function closeOut(ctx: Context, item: LedgerItem, record: AddRecord): void {
  const { rnd } = ctx;
  let state: WorkflowState = item.state;
  if (item.appliedOn) {
    state = closeApplied(ctx, item, record);
  } else if (item.reportFinalOn && rnd.chance(0.1)) {
    // Reported done and closed directly at a meeting (no separate application).
    const closed = ctx.clip(addCalendarDays(item.reportFinalOn, rnd.int(1, 5)));
    if (closed) {
      item.closedOn = closed;
      item.approvedOn = closed;
      state = '已销号';
      item.grade = rnd.pick(['良好', '合格'] as const);
    }
  }
  item.state = state;
}

/** 催办 on items with overdue or missing reports. */
function urge(ctx: Context, item: LedgerItem, clock: Clock, record: AddRecord): void {
  const { rnd } = ctx;
  const openUntil = item.closedOn ?? ctx.today;
  const lateFrom = [clock.due1, clock.due3, clock.deadline]
    .map((due, k) => ({ due, rep: [item.report1On, item.report3On, item.reportFinalOn ?? item.appliedOn][k] }))
    .filter((n) => (!n.rep || n.rep > n.due) && n.due < openUntil)
    .map((n) => n.due);
  if (lateFrom.length === 0 || !rnd.chance(0.55)) return;
  const from = addCalendarDays(minDate(...lateFrom), 1);
  if (from > openUntil) return;
  const n = rnd.int(1, 3);
  const dates = Array.from({ length: n }, () => addCalendarDays(from, rnd.int(0, Math.max(0, diffDays(from, openUntil))))).sort();
  item.urgeCount = n;
  item.lastUrgedOn = dates[dates.length - 1];
  for (const d of dates) record('催办', d, rnd.pick(['电话催办', '书面催办通知', '督办系统提醒', '现场督办']), null, OFFICE_STAFF);
}

/** The office's findings: 敷衍推诿 and 弄虚作假, never after the item closed. */
function officeFindings(ctx: Context, item: LedgerItem, profile: Profile, clock: Clock): void {
  const { rnd, clip } = ctx;
  const assigned = item.assignedOn!;
  if (profile === 'negligent' && rnd.chance(0.15)) item.perfunctoryOn = clip(addCalendarDays(clock.due3, rnd.int(3, 30)));
  if (rnd.chance(0.015)) item.falsifiedOn = clip(addCalendarDays(assigned, rnd.int(5, 60)));
  if (item.perfunctoryOn && item.closedOn && item.perfunctoryOn > item.closedOn) item.perfunctoryOn = null;
  if (item.falsifiedOn && item.closedOn && item.falsifiedOn > item.closedOn) item.falsifiedOn = item.closedOn;
}

/** Report records (signed on the day the ledger shows), plus some not yet signed; `i` is the item's index. */
function reportRecords(ctx: Context, item: LedgerItem, clock: Clock, i: number, record: AddRecord): void {
  const { rnd, clip, today } = ctx;
  const assigned = item.assignedOn!;
  if (item.report1On)
    record('1天反馈', maxDate(assigned, addCalendarDays(item.report1On, -rnd.int(0, 1))), '已召开专题会议研究部署，明确责任人和时间安排', item.report1On);
  else if (clock.due1 < today && rnd.chance(0.2)) {
    record('1天反馈', clock.due1, '已研究部署（待分管领导审签）', null);
    // Every third of these the 分管领导 sent back (审签退回); by index, so the random stream is unchanged.
    if (i % 3 === 0)
      record('审签退回', minDate(addCalendarDays(clock.due1, 1), today), signOffReturnContent('1天反馈', clock.due1, '请补充责任人和完成时间'), null);
  }
  if (item.report3On) record('3天反馈', maxDate(assigned, addCalendarDays(item.report3On, -rnd.int(0, 1))), rnd.pick(PROGRESS), item.report3On);
  if (item.reportFinalOn) record('落实反馈', item.reportFinalOn, '已按要求落实完成，申请验收', item.reportFinalOn);
  if (item.extensionApprovedOn) {
    for (const due of monthlyReportDues(item, today)) {
      if (rnd.chance(0.8)) {
        const d = clip(addCalendarDays(due, rnd.int(-2, 3)));
        if (d) record('月度反馈', d, `按延期方案推进：${rnd.pick(PROGRESS)}`, d);
      }
    }
  }
  if (rnd.chance(0.04) && !item.extensionApprovedOn)
    record('升级', clip(addCalendarDays(assigned, rnd.int(2, 20))) ?? today, '科室协调困难，提请分管领导研究', null, OFFICE_STAFF);
}

/** An assigned item's life: reports, extension, completion, 销号, 催办, findings and its records. */
function workItem(ctx: Context, base: LedgerItem, kind: ItemKind, registered: IsoDate, i: number, record: AddRecord): LedgerItem {
  const { rnd, today, clip } = ctx;
  const item: LedgerItem = { ...base, state: '已交办' };
  item.assignedOn = rnd.chance(0.85) ? registered : minDate(addCalendarDays(registered, 1), today);
  const assigned = item.assignedOn;
  if (rnd.chance(0.18)) item.explicitDeadline = addCalendarDays(assigned, rnd.int(2, 60));

  let clock = itemClock(item, ctx.settings, ctx.cal)!;
  // Behaviour of the section on this item.
  const profile = rnd.weighted([
    ['diligent', 66],
    ['late', 24],
    ['negligent', 10],
  ] as const);

  item.report1On = reportAround(ctx, profile, assigned, clock.due1);
  item.report3On = reportAround(ctx, profile, assigned, clock.due3);
  clock = maybeExtend(ctx, item, kind, clock, record);

  const done = completionDate(ctx, profile, assigned, clock);
  if (done) {
    if (rnd.chance(0.75)) item.reportFinalOn = done;
    if (rnd.chance(0.7)) item.appliedOn = clip(addCalendarDays(done, rnd.int(0, 3)));
  }
  if (item.report1On || item.report3On || item.reportFinalOn) item.state = '办理中';
  if (item.report1On || item.report3On) item.progress = rnd.pick(PROGRESS);

  closeOut(ctx, item, record);
  urge(ctx, item, clock, record);
  officeFindings(ctx, item, profile, clock);
  reportRecords(ctx, item, clock, i, record);
  return item;
}

/** The `i`th item with its records (no 编号 yet). */
function draftOne(ctx: Context, i: number): Draft {
  const { base, signer, kind, registered } = registerItem(ctx);
  const records: FeedbackRecord[] = [];
  const record = recorder(records, signer);
  // 待审批: registered, not yet 交办 (the 13710 clock has not started).
  if (registered >= addCalendarDays(ctx.today, -3) && ctx.rnd.chance(0.3)) return { item: base, records };
  if (ctx.rnd.chance(0.03)) return { item: { ...base, note: '待中心主任审批' }, records };
  return { item: workItem(ctx, base, kind, registered, i, record), records };
}

/** 编号 by 立项 date and year: DB-YYYY-NNNN (sorts `drafts` and fills their records' 编号). */
function numberItems(drafts: Draft[]): void {
  drafts.sort((a, b) => (a.item.registeredOn! < b.item.registeredOn! ? -1 : a.item.registeredOn! > b.item.registeredOn! ? 1 : 0));
  const seq = new Map<string, number>();
  for (const d of drafts) {
    const y = d.item.registeredOn!.slice(0, 4);
    const n = (seq.get(y) ?? 0) + 1;
    seq.set(y, n);
    d.item.id = `DB-${y}-${pad(n, 4)}`;
    for (const r of d.records) r.itemId = d.item.id;
  }
}

const EVIDENCE_FILES = ['维修验收单.pdf', '整改前后照片.zip', '现场验收记录.docx', '整改情况报告.pdf', '费用结算单.xlsx'] as const;

/**
 * 佐证材料 of every item that applied (申请办结): a shared-drive link for every third, two file names
 * for the others. Chosen by 编号, so the random stream (and with it the rest of the sample) is unchanged.
 */
function addEvidence(drafts: Draft[]): void {
  for (const { item } of drafts) {
    if (!item.appliedOn) continue;
    const n = Number(item.id.slice(-4));
    const files = EVIDENCE_FILES.length;
    item.evidence = n % 3 === 0 ? `https://pan.example.com/13710/${item.id}` : `${EVIDENCE_FILES[n % files]}、${EVIDENCE_FILES[(n + 2) % files]}`;
  }
}

/** 重新立项: a few new items link to an earlier closed one. */
function linkReopened(rnd: Rand, drafts: Draft[]): void {
  const closed = drafts.filter((d) => d.item.closedOn);
  for (const d of drafts) {
    if (closed.length > 0 && rnd.chance(0.04)) {
      const old = rnd.pick(closed);
      if (old.item.closedOn! < d.item.registeredOn!) {
        d.item.linkedId = old.item.id;
        d.item.note = d.item.note ? `${d.item.note}；重新立项` : '重新立项';
      }
    }
  }
}

export function generateSample(opts: SampleOptions): Sample {
  const ctx = createContext(opts);
  const drafts: Draft[] = [];
  for (let i = 0; i < opts.count; i++) drafts.push(draftOne(ctx, i));
  numberItems(drafts);
  addEvidence(drafts);
  linkReopened(ctx.rnd, drafts);
  const records = drafts.flatMap((d) => d.records).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { items: drafts.map((d) => d.item), records };
}

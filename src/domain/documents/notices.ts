/**
 * 督办通知单 (per item, at 交办) and 催办单 (per item, or a section's overdue items), and the
 * 催办 message for 企业微信 / 钉钉 in the same words as the 催办单. Pure: everything is decided
 * from the item's raw fields with the domain core (clock, 预警状态, 不落实, responsibility).
 */
import { documents as t } from '../../i18n/documents';
import type { WorkCalendar } from '../calendar';
import { itemClock, type ItemClock, type NodeKey } from '../clock';
import { parseItemNumber } from '../itemNumber';
import { responsibleFor, type Responsible } from '../responsibility';
import type { Settings } from '../settings';
import { itemStatus, type NodeStatus } from '../status';
import type { IsoDate, LedgerItem, SectionPeople } from '../types';
import { severest, urgeColour, urgeOrdinal } from './colour';
import { URGE_COLOUR_HEX, type Block, type ColourBand, type OfficialDocument, type UrgeColour } from './model';
import { formatDocNumber, type DocumentSettings } from './settings';

export interface DocumentContext {
  settings: Settings;
  doc: DocumentSettings;
  cal: WorkCalendar;
  people: readonly SectionPeople[];
}

const or = (s: string | null | undefined) => (s && s.trim() !== '' ? s.trim() : t.none);

function responsibleOf(item: LedgerItem, ctx: DocumentContext): Responsible {
  const p = ctx.people.find((x) => x.section === item.section);
  return responsibleFor(item.level, p, ctx.settings.director);
}

/** {年} and {号} of an item's 编号 (DB-2026-0042 → 2026, 42); a non-canonical 编号 is used whole. */
function itemNo(item: LedgerItem, on: IsoDate): { year: string; no: string } {
  const n = parseItemNumber(item.id);
  return n ? { year: String(n.year), no: String(n.seq) } : { year: on.slice(0, 4), no: item.id };
}

export function colourBand(colour: UrgeColour): ColourBand {
  return { colour, hex: URGE_COLOUR_HEX[colour], label: t.colourLabel(colour), meaning: t.colourMeaning[colour] };
}

function unit(settings: Settings): string {
  return settings.overdueCounting === '工作日' ? t.workdays : t.days;
}

function signature(ctx: DocumentContext, on: IsoDate): Block {
  return { type: 'signature', lines: [ctx.doc.organ, t.chineseDate(on)] };
}

function signOff(): Block {
  return { type: 'signOff', heading: t.signHeading, lines: [...t.signLines] };
}

// ---------------------------------------------------------------------------------------------
// 督办通知单

/**
 * The 督办通知单 of an item issued on `on` (its 交办日期, or `on` when not yet 交办: the dates are
 * then those the item gets if 交办 that day).
 */
export function noticeDocument(item: LedgerItem, on: IsoDate, ctx: DocumentContext): OfficialDocument {
  const assigned = item.assignedOn ?? on;
  const clock = itemClock({ ...item, assignedOn: assigned }, ctx.settings, ctx.cal) as ItemClock;
  const r = responsibleOf(item, ctx);
  const { year, no } = itemNo(item, on);
  const f = t.fields;
  const reports = (['1', '3', 'F'] as const).map((k) => `${t.nodeReports[k]}：${t.byDate(dueOf(clock, k))}`);
  return {
    kind: 'notice',
    fileName: t.files.notice(item.id),
    docNumber: formatDocNumber(ctx.doc.noticeNumberPattern, year, no),
    title: t.noticeTitle,
    addressee: t.to(item.section),
    body: [
      { type: 'paragraph', text: t.noticeLead(assigned) },
      {
        type: 'fields',
        rows: [
          { label: f.itemId, value: item.id },
          { label: f.content, value: or(item.content) },
          { label: f.requirement, value: or(item.requirement) },
          { label: f.source, value: or(String(item.source)) },
          { label: f.level, value: item.level },
          { label: f.kind, value: item.kind },
          { label: f.section, value: or(item.section) },
          { label: f.coSections, value: or(item.coSections) },
          { label: f.first, value: or(r.first) },
          { label: f.inCharge, value: or(r.inCharge) },
          { label: f.direct, value: or(r.direct) },
          { label: f.assignedOn, value: assigned },
          { label: f.due1, value: clock.due1 },
          { label: f.due3, value: clock.due3 },
          { label: f.deadline, value: clock.deadline },
          { label: f.report, value: reports.join('\n') },
        ],
      },
      signature(ctx, assigned),
      signOff(),
    ],
    attachments: [],
  };
}

function dueOf(clock: ItemClock, k: NodeKey): IsoDate {
  return k === '1' ? clock.due1 : k === '3' ? clock.due3 : clock.deadline;
}

// ---------------------------------------------------------------------------------------------
// 催办单 of one item

/** What a 催办 says about one item: the sentences the 催办单 and the message share. */
export interface UrgeFacts {
  item: LedgerItem;
  responsible: Responsible;
  ordinal: number;
  colour: UrgeColour;
  /** the node the item is late on (earliest overdue open node), or near */
  lateNode: NodeStatus | null;
  /** 「3天初步落实反馈已逾期2个工作日（应于2026-11-20反馈）」, or 「将于…到期」, or 「未逾期」 */
  lateness: string;
  /** the missed node reports, 「1天研究部署反馈、3天初步落实反馈」 ('' when none) */
  missed: string;
  /** what to report */
  report: string;
  /** reply by */
  replyBy: IsoDate;
  deadline: IsoDate | null;
}

export function urgeFacts(item: LedgerItem, on: IsoDate, ctx: DocumentContext): UrgeFacts {
  const st = itemStatus(item, on, ctx.settings, ctx.cal);
  const open = st.nodes.filter((n) => !n.reportedOn);
  const overdue = open.filter((n) => n.state === '逾期');
  const near = open.filter((n) => n.state === '临近');
  const lateNode = overdue[0] ?? near[0] ?? null;
  let lateness: string = t.notOverdue;
  if (item.extensionDeadline && st.status === '逾期' && !overdue.length) {
    lateness = t.overdueText(st.overdueDays, unit(ctx.settings), t.extensionDeadline(item.extensionDeadline));
  } else if (overdue[0]) {
    const n = overdue[0];
    lateness = `${t.overdueText(n.overdueDays, unit(ctx.settings), t.nodeNames[n.key])}（应于${n.due}反馈）`;
  } else if (near[0]) {
    lateness = `${t.nodeNames[near[0].key]}${t.nearText(near[0].due)}`;
  }
  const missed = overdue.map((n) => t.nodeNames[n.key]).join('、');
  return {
    item,
    responsible: responsibleOf(item, ctx),
    ordinal: urgeOrdinal(item, on),
    colour: urgeColour(item, on, ctx.settings, ctx.doc, ctx.cal),
    lateNode,
    lateness,
    missed,
    report: missed ? t.urgeReport(missed) : t.urgeReportNoMissed,
    replyBy: ctx.cal.addDays(on, ctx.doc.urgeReplyWorkdays, '工作日'),
    deadline: st.deadline,
  };
}

/** The one sentence about an item, shared by the 催办单 and the message. */
export function urgeSentence(f: UrgeFacts): string {
  const deadline = f.deadline && !f.lateness.includes(f.deadline) ? `，${t.fields.deadline}${f.deadline}` : '';
  return `督办事项${f.item.id}「${f.item.content.trim()}」：${f.lateness}${deadline}。`;
}

/** 「请于2026-11-26前补报…」 */
export function urgeRequest(f: UrgeFacts): string {
  return `请于${f.replyBy}前${f.report}。`;
}

function whom(f: UrgeFacts): string {
  return `${f.item.section}（${t.fields.direct}：${or(f.responsible.direct)}）`;
}

export function urgeDocument(item: LedgerItem, on: IsoDate, ctx: DocumentContext): OfficialDocument {
  const f = urgeFacts(item, on, ctx);
  const { year, no } = itemNo(item, on);
  const fl = t.fields;
  const band = colourBand(f.colour);
  return {
    kind: 'urge',
    fileName: t.files.urge(item.id),
    docNumber: formatDocNumber(ctx.doc.noticeNumberPattern, year, `${no}-${f.ordinal}`),
    title: t.urgeTitle,
    colour: band,
    addressee: t.to(item.section),
    body: [
      { type: 'paragraph', text: t.urgeLead(f.ordinal) },
      { type: 'paragraph', text: urgeSentence(f) },
      {
        type: 'fields',
        rows: [
          { label: fl.itemId, value: item.id },
          { label: fl.content, value: or(item.content) },
          { label: fl.requirement, value: or(item.requirement) },
          { label: fl.source, value: or(String(item.source)) },
          { label: fl.section, value: or(item.section) },
          { label: fl.first, value: or(f.responsible.first) },
          { label: fl.inCharge, value: or(f.responsible.inCharge) },
          { label: fl.direct, value: or(f.responsible.direct) },
          { label: fl.assignedOn, value: or(item.assignedOn) },
          ...nodeRows(item, on, ctx),
          { label: fl.overdue, value: f.lateness },
          { label: fl.urgeCount, value: t.nth(f.ordinal) },
          { label: fl.colour, value: `${band.label}（${band.meaning}）` },
          { label: fl.report, value: f.report },
          { label: fl.replyBy, value: t.byDate(f.replyBy) },
        ],
      },
      { type: 'paragraph', text: urgeRequest(f) },
      signature(ctx, on),
      signOff(),
    ],
    attachments: [],
  };
}

/** The three node dates with what happened at each (reported on …, or its state). */
function nodeRows(item: LedgerItem, on: IsoDate, ctx: DocumentContext): { label: string; value: string }[] {
  const st = itemStatus(item, on, ctx.settings, ctx.cal);
  const label: Record<NodeKey, string> = { '1': t.fields.due1, '3': t.fields.due3, F: t.fields.deadline };
  return st.nodes.map((n) => ({
    label: label[n.key],
    value: n.reportedOn ? `${n.due}（${n.reportedOn}已报）` : `${n.due}（${n.state === '未到期' ? '未到期' : n.state === '逾期' ? '逾期未报' : n.state}）`,
  }));
}

/** The copyable 催办 message for one item: the 催办单's own sentences. */
export function urgeMessage(item: LedgerItem, on: IsoDate, ctx: DocumentContext): string {
  const doc = urgeDocument(item, on, ctx);
  const f = urgeFacts(item, on, ctx);
  return [
    `【${doc.colour!.label}】${doc.docNumber} ${doc.title}`,
    `${whom(f)}：${t.urgeLead(f.ordinal)}`,
    urgeSentence(f),
    urgeRequest(f),
    `${ctx.doc.organ} ${on}`,
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// 催办单 of a section's overdue items

/** The section's open items that are 逾期 on `on`, in ledger order. */
export function overdueItemsOf(items: readonly LedgerItem[], section: string, on: IsoDate, ctx: DocumentContext): LedgerItem[] {
  return items.filter((i) => i.section === section && itemStatus(i, on, ctx.settings, ctx.cal).status === '逾期');
}

export function sectionUrgeDocument(items: readonly LedgerItem[], section: string, on: IsoDate, ctx: DocumentContext): OfficialDocument {
  const facts = overdueItemsOf(items, section, on, ctx).map((i) => urgeFacts(i, on, ctx));
  const band = colourBand(severest(facts.map((f) => f.colour)));
  const mmdd = on.slice(5, 7) + on.slice(8, 10);
  return {
    kind: 'sectionUrge',
    fileName: t.files.sectionUrge(section, on),
    docNumber: formatDocNumber(ctx.doc.noticeNumberPattern, on.slice(0, 4), mmdd),
    title: t.sectionUrgeTitle,
    colour: band,
    addressee: t.to(section),
    body: [
      { type: 'paragraph', text: t.sectionUrgeLead(section, facts.length) },
      ...facts.map((f): Block => ({ type: 'paragraph', text: `${urgeSentence(f)}${urgeRequest(f)}` })),
      {
        type: 'table',
        headers: [...t.tableHeaders],
        rows: facts.map((f, i) => [
          String(i + 1),
          f.item.id,
          f.item.content,
          f.missed || t.none,
          f.lateness,
          `${colourBand(f.colour).label}（${t.nth(f.ordinal)}）`,
        ]),
        widths: [8, 16, 30, 22, 26, 16],
      },
      signature(ctx, on),
      signOff(),
    ],
    attachments: [],
  };
}

/** The copyable 催办 message for a section: one line per overdue item, the 催办单's sentences. */
export function sectionUrgeMessage(items: readonly LedgerItem[], section: string, on: IsoDate, ctx: DocumentContext): string {
  const doc = sectionUrgeDocument(items, section, on, ctx);
  const facts = overdueItemsOf(items, section, on, ctx).map((i) => urgeFacts(i, on, ctx));
  return [
    `【${doc.colour!.label}】${doc.docNumber} ${doc.title}`,
    t.to(section) + t.sectionUrgeLead(section, facts.length),
    ...facts.map((f, i) => `${i + 1}. ${urgeSentence(f)}${urgeRequest(f)}`),
    `${ctx.doc.organ} ${on}`,
  ].join('\n');
}

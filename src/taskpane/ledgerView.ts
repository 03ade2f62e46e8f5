/**
 * Pure helpers that turn a LedgerSnapshot into what the pane shows: 预警状态 computed by the domain
 * from raw fields (never read from computed cells), urgency order, the user's own items, search,
 * the reports waiting for 审签, and the Actor the workflow needs. No React, no Office.
 */
import { overdueLabel } from '../domain/overdueText';
import { returnedReports } from '../domain/signOffReturn';
import { itemStatus, type ItemStatus } from '../domain/status';
import { WARNING_STATUSES, type FeedbackRecord, type LedgerItem, type OverdueCounting, type SectionPeople, type WarningStatus } from '../domain/types';
import type { CellError } from '../domain/validation';
import { ESCALATION_LEVELS, REPORT_TYPES, type Actor, type EscalationLevel, type ReportType } from '../domain/workflow';
import type { LedgerSnapshot, StoredRecord } from '../excel/ledgerService';
import { ui } from '../i18n';
import type { RoleChoice } from './roleStore';

export interface ItemView {
  item: LedgerItem;
  status: ItemStatus;
}

/** Every item with its 预警状态 for the snapshot's today. */
export function itemViews(snapshot: Pick<LedgerSnapshot, 'items' | 'today' | 'settings' | 'calendar'>): ItemView[] {
  return snapshot.items.map((item) => ({
    item,
    status: itemStatus(item, snapshot.today, snapshot.settings, snapshot.calendar),
  }));
}

/**
 * An item's 预警状态 as its badge says it: 「逾期105个工作日」 for an overdue item (the domain's
 * 逾期天数, the unit 设置 逾期天数计法 names — as the 督查报告 and the 不落实清单 word it), else the status.
 */
export function statusText(status: ItemStatus, counting: OverdueCounting): string {
  return status.status === '逾期' ? overdueLabel(status.overdueDays, counting) : status.status;
}

/** Not yet 销号 (待审批 included: it still needs someone). */
export function isOpen(item: LedgerItem): boolean {
  return item.state !== '已销号';
}

const RANK: Record<WarningStatus, number> = { 逾期: 0, 临近: 1, 正常: 2, 延期: 3, 未交办: 4, 逾期办结: 5, 按期办结: 6 };

/** Most urgent first: 逾期 (most days first), 临近, 正常, 延期, 未交办, then closed; ties by 办结时限, 编号. */
export function byUrgency(a: ItemView, b: ItemView): number {
  return (
    RANK[a.status.status] - RANK[b.status.status] ||
    b.status.overdueDays - a.status.overdueDays ||
    (a.status.deadline ?? '9999').localeCompare(b.status.deadline ?? '9999') ||
    (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0)
  );
}

/** The 分管领导 names on 科室人员, once each, in sheet order. */
export function leaders(people: readonly SectionPeople[]): string[] {
  return [...new Set(people.map((p) => p.deputy).filter((name) => name.trim() !== ''))];
}

/** The sections a role answers for: its own (科室), those it oversees (分管领导); null = all. */
export function mySections(choice: RoleChoice | null, people: readonly SectionPeople[]): string[] | null {
  if (!choice) return null;
  if (choice.role === '科室') return choice.section ? [choice.section] : [];
  if (choice.role === '分管领导') return people.filter((p) => p.deputy === choice.leader).map((p) => p.section);
  return null;
}

/**
 * The Actor the workflow needs, or null while the choice is incomplete (a 科室 without its
 * section, a 分管领导 without a name). The name is the person's own, as typed on this device: it
 * may be blank (then an action asks for it, see needsName) but never stands in for someone else
 * — not the section's 科长, not 「党政办公室」 — because 操作日志 records it as the author.
 */
export function actorFor(choice: RoleChoice | null, snapshot: Pick<LedgerSnapshot, 'people' | 'settings'>): Actor | null {
  if (!choice) return null;
  const own = (choice.name ?? '').trim();
  switch (choice.role) {
    case '督办员':
      return { role: '督办员', name: own };
    case '科室':
      return choice.section ? { role: '科室', name: own, section: choice.section } : null;
    case '分管领导':
      return choice.leader ? { role: '分管领导', name: choice.leader } : null;
    case '中心主任':
      // 设置 中心主任 names the one person in that role; when it is blank they type their own.
      return { role: '中心主任', name: snapshot.settings.director.trim() || own };
  }
}

/** An action records its author: a blank name must be typed first (the pane asks, never guesses). */
export function needsName(actor: Actor): boolean {
  return actor.name.trim() === '';
}

/** The 中心主任 as the Actor of a recorded approval (立项 with 「已报经中心主任同意」). */
export function directorActor(snapshot: Pick<LedgerSnapshot, 'settings'>): Actor {
  return { role: '中心主任', name: snapshot.settings.director || ui.role.options.中心主任 };
}

/**
 * Items matching a search; blank query = all. Every word must appear in the item's 编号, 承办科室
 * (and 协办科室), 事项内容, 办理状态 or 预警状态 (so 「逾期」 finds the overdue items), or in the
 * names of its section's 科长 and 分管副职 (科室人员: 「张科长」 finds that section's items).
 */
export function searchItems(views: readonly ItemView[], query: string, people: readonly SectionPeople[] = []): ItemView[] {
  const words = query
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '');
  if (words.length === 0) return [...views];
  const names = new Map<string, string>();
  for (const p of people) names.set(p.section, `${names.get(p.section) ?? ''} ${p.chief} ${p.deputy}`);
  return views.filter(({ item, status }) => {
    const text = `${item.id} ${item.section} ${item.coSections} ${item.content} ${item.state} ${status.status} ${names.get(item.section) ?? ''}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

/** For the picker: the user's own open items first by urgency, then the rest by urgency. */
export function pickerOrder(views: readonly ItemView[], sections: readonly string[] | null): { mine: ItemView[]; others: ItemView[] } {
  const mine: ItemView[] = [];
  const others: ItemView[] = [];
  for (const v of views) {
    if (sections && sections.includes(v.item.section) && isOpen(v.item)) mine.push(v);
    else others.push(v);
  }
  return { mine: mine.sort(byUrgency), others: others.sort(byUrgency) };
}

/** Open items of the user's sections (all sections when null), most urgent first. */
export function myOpenItems(views: readonly ItemView[], sections: readonly string[] | null): ItemView[] {
  return views.filter((v) => isOpen(v.item) && (!sections || sections.includes(v.item.section))).sort(byUrgency);
}

/**
 * 概览's list: with no keyword and no status chosen, the user's open items (most urgent first);
 * otherwise every item matching both (a count clicked, a word typed), the user's own first.
 */
export function overviewItems(
  views: readonly ItemView[],
  sections: readonly string[] | null,
  query: string,
  status: WarningStatus | null,
  people: readonly SectionPeople[],
): ItemView[] {
  if (query.trim() === '' && status === null) return myOpenItems(views, sections);
  const found = searchItems(status ? views.filter((v) => v.status.status === status) : views, query, people);
  const { mine, others } = pickerOrder(found, sections);
  return [...mine, ...others];
}

export function statusCounts(views: readonly ItemView[]): Record<WarningStatus, number> {
  const counts = Object.fromEntries(WARNING_STATUSES.map((s) => [s, 0])) as Record<WarningStatus, number>;
  for (const v of views) counts[v.status.status]++;
  return counts;
}

const isReport = (r: FeedbackRecord) => (REPORT_TYPES as readonly string[]).includes(r.type);

/**
 * Node reports not yet signed, of open items in `sections` (all when null), oldest first; a report
 * the 分管领导 sent back (审签退回) is no longer waiting.
 */
export function unsignedReports(records: readonly StoredRecord[], items: readonly LedgerItem[], sections: readonly string[] | null): StoredRecord[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const returned = returnedReports(records);
  return records
    .filter((r) => {
      const item = byId.get(r.itemId);
      return isReport(r) && !r.signedOn && !returned.has(r) && !!item && isOpen(item) && (!sections || sections.includes(item.section));
    })
    .sort((a, b) => a.date.localeCompare(b.date) || a.itemId.localeCompare(b.itemId));
}

/** The nodes a 科室 may still report: 1/3/落实 while not yet signed off; 月度 under an approved plan. */
export function openReportNodes(item: LedgerItem): ReportType[] {
  return REPORT_TYPES.filter((node) => {
    switch (node) {
      case '1天反馈':
        return !item.report1On;
      case '3天反馈':
        return !item.report3On;
      case '落实反馈':
        return !item.reportFinalOn;
      case '月度反馈':
        return !!item.extensionApprovedOn;
    }
  });
}

/** How far each role may escalate (the domain refuses the rest). */
export function escalationLevelsFor(role: Actor['role']): EscalationLevel[] {
  switch (role) {
    case '科室':
      return ['分管领导'];
    case '分管领导':
      return ['中心主任'];
    case '督办员':
      return [...ESCALATION_LEVELS];
    default:
      return [];
  }
}

export interface RowErrorGroup {
  sheet: string;
  row: number;
  errors: CellError[];
}

/** Row errors grouped by sheet and row (first-seen sheet order, rows ascending), columns in order. */
export function groupRowErrors(errors: readonly CellError[]): RowErrorGroup[] {
  const sheets: string[] = [];
  const groups = new Map<string, RowErrorGroup>();
  for (const e of errors) {
    if (!sheets.includes(e.sheet)) sheets.push(e.sheet);
    const key = `${e.sheet}\u0000${e.row}`;
    const group = groups.get(key) ?? { sheet: e.sheet, row: e.row, errors: [] };
    group.errors.push(e);
    groups.set(key, group);
  }
  const byColumn = (a: CellError, b: CellError) => a.column.length - b.column.length || a.column.localeCompare(b.column);
  return [...groups.values()]
    .map((g) => ({ ...g, errors: [...g.errors].sort(byColumn) }))
    .sort((a, b) => sheets.indexOf(a.sheet) - sheets.indexOf(b.sheet) || a.row - b.row);
}

/**
 * The seeded sample generator: deterministic, consistent (no event after 今天, states match their
 * dates), and varied enough to exercise every rule the workbook computes.
 */
import { createCalendar } from '../domain/calendar';
import { defaultSettings } from '../domain/settings';
import { itemStatus } from '../domain/status';
import { ASSIGN_LEVELS, ITEM_KINDS, RECORD_TYPES, SOURCE_CATEGORIES, WARNING_STATUSES, WORKFLOW_STATES, type LedgerItem } from '../domain/types';
import { generateSample, prng } from './sample';
import { DEFAULT_SECTIONS } from './sections';

// Writing and reading whole workbooks takes seconds on a busy machine.
jest.setTimeout(60_000);

const today = '2026-11-25';
const cal = createCalendar();
const settings = defaultSettings();
const { items, records } = generateSample({ count: 300, seed: 2026, today, sections: DEFAULT_SECTIONS, settings, cal });

const DATE_FIELDS: (keyof LedgerItem)[] = [
  'registeredOn',
  'assignedOn',
  'extensionApprovedOn',
  'report1On',
  'report3On',
  'reportFinalOn',
  'appliedOn',
  'checkedOn',
  'approvedOn',
  'closedOn',
  'lastUrgedOn',
  'perfunctoryOn',
  'falsifiedOn',
];

test('the same seed gives the same ledger, another seed another', () => {
  expect(generateSample({ count: 300, seed: 2026, today, sections: DEFAULT_SECTIONS, settings, cal })).toEqual({ items, records });
  expect(generateSample({ count: 300, seed: 2027, today, sections: DEFAULT_SECTIONS, settings, cal }).items).not.toEqual(items);
  const r = prng(1);
  expect([r(), r()]).not.toEqual([r(), r()]);
});

test('编号 are unique DB-YYYY-NNNN in 立项 order', () => {
  expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  for (const i of items) expect(i.id).toMatch(new RegExp(`^DB-${i.registeredOn!.slice(0, 4)}-\\d{4}$`));
});

test('nothing happens after 今天, nothing before 交办, and states match their dates', () => {
  for (const i of items) {
    for (const f of DATE_FIELDS) if (i[f]) expect([i.id, f, (i[f] as string) <= today]).toEqual([i.id, f, true]);
    if (!i.assignedOn) {
      expect(i.state).toBe('待审批');
      continue;
    }
    for (const f of DATE_FIELDS.slice(2)) if (i[f]) expect([i.id, f, (i[f] as string) >= i.assignedOn]).toEqual([i.id, f, true]);
    if (i.state === '已销号') expect(i.closedOn).not.toBeNull();
    else expect([i.closedOn, i.grade]).toEqual([null, null]);
    if (i.state === '申请办结' || i.state === '已初核') expect(i.appliedOn).not.toBeNull();
    if (i.state === '已初核') expect(i.checkedOn).not.toBeNull();
    if (i.extensionDeadline) expect(i.extensionApprovedOn).not.toBeNull();
  }
  for (const r of records) {
    expect(r.date <= today).toBe(true);
    if (r.signedOn) expect([r.signedOn >= r.date, r.signer !== '']).toEqual([true, true]);
    expect(items.some((i) => i.id === r.itemId)).toBe(true);
  }
});

test('every source, level, kind, workflow state, record type and 预警状态 occurs', () => {
  expect(new Set(items.map((i) => i.source))).toEqual(new Set(SOURCE_CATEGORIES));
  expect(new Set(items.map((i) => i.level))).toEqual(new Set(ASSIGN_LEVELS));
  expect(new Set(items.map((i) => i.kind))).toEqual(new Set(ITEM_KINDS));
  expect(new Set(items.map((i) => i.state))).toEqual(new Set(WORKFLOW_STATES));
  expect(new Set(records.map((r) => r.type))).toEqual(new Set(RECORD_TYPES));
  expect(new Set(items.map((i) => itemStatus(i, today, settings, cal).status))).toEqual(new Set(WARNING_STATUSES));
});

test('佐证材料: every item that applied carries one (a link or file names), no other item does', () => {
  const applied = items.filter((i) => i.appliedOn);
  expect(applied.length).toBeGreaterThan(20);
  for (const i of items) expect([i.id, i.evidence !== '']).toEqual([i.id, !!i.appliedOn]);
  expect(applied.filter((i) => /^https:\/\//.test(i.evidence)).length).toBeGreaterThan(5);
  expect(applied.filter((i) => /\.(pdf|zip|docx|xlsx)$/.test(i.evidence)).length).toBeGreaterThan(5);
  // the sample's text passes the 台账 column's own checks
  for (const i of applied) expect(i.evidence).toMatch(/^[^=+\-@]/);
});

test('the rules have data to bite on', () => {
  const count = (p: (i: LedgerItem) => boolean) => items.filter(p).length;
  expect(count((i) => !!i.explicitDeadline)).toBeGreaterThan(10);
  expect(count((i) => !!i.extensionDeadline)).toBeGreaterThan(5);
  expect(count((i) => !!i.grade)).toBeGreaterThan(20);
  expect(count((i) => i.returnCount >= 2)).toBeGreaterThan(0);
  expect(count((i) => i.urgeCount > 0)).toBeGreaterThan(10);
  expect(count((i) => !!i.perfunctoryOn)).toBeGreaterThan(0);
  expect(count((i) => !!i.falsifiedOn)).toBeGreaterThan(0);
  expect(count((i) => i.linkedId !== '')).toBeGreaterThan(0);
  expect(count((i) => !!i.assignedOn && !cal.isWorkday(i.assignedOn))).toBeGreaterThan(5);
  const makeup = new Set(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  expect(count((i) => !!i.assignedOn && makeup.has(i.assignedOn))).toBeGreaterThan(0);
  // reports both on time and late
  expect(count((i) => !!i.report1On && i.report1On > cal.addDays(i.assignedOn!, 1, '自然日顺延'))).toBeGreaterThan(5);
  expect(records.filter((r) => r.type === '退回').length).toBeGreaterThan(5);
  expect(records.filter((r) => r.type === '催办').length).toBeGreaterThan(10);
});

/**
 * 快照: everything the pane shows, read in one round trip (plus one per read slice of a large
 * ledger): 台账, 反馈记录, 科室人员, 日历 and 设置, decided from raw fields. A workbook without the
 * ledger's tables is "not initialised", not an error.
 */
import { createCalendar } from '../../domain/calendar';
import { ledgerFromTable, overridesFromTable, recordsFromTable, sectionsFromTable, settingsFromPairs } from '../../workbook/ledgerData';
import type { LedgerSnapshot } from '../ledgerService';
import { isNotFound } from '../operationLog';
import { completeReads, queueTable, queueUsedRange } from '../tableRead';
import { localToday } from '../today';
import { settingsPairs } from '../writePath';
import { CALENDAR, LEDGER, PEOPLE, RECORDS, SETTINGS, type ActionDeps } from './shared';

export async function snapshot({ run, clock }: ActionDeps): Promise<LedgerSnapshot> {
  return run(async (context) => {
    context.workbook.load('name');
    const ledger = queueTable(context, LEDGER);
    const records = queueTable(context, RECORDS);
    const people = queueTable(context, PEOPLE);
    const calendar = queueTable(context, CALENDAR);
    const settings = queueUsedRange(context, SETTINGS);
    try {
      await context.sync();
    } catch (e) {
      if (!isNotFound(e)) throw e;
      return notInitialised(context, clock);
    }
    await completeReads(context);
    const sections = sectionsFromTable(people.read());
    const { byName, todayIsFormula } = settingsPairs(settings.read());
    const s = settingsFromPairs(byName);
    const overrides = overridesFromTable(calendar.read());
    s.settings.extraHolidays = [...(overrides.extraHolidays ?? [])];
    s.settings.extraWorkdays = [...(overrides.extraWorkdays ?? [])];
    const l = ledgerFromTable(
      ledger.read(),
      sections.map((x) => x.section),
    );
    const r = recordsFromTable(
      records.read(),
      l.items.map((i) => i.id),
    );
    return {
      workbookName: context.workbook.name,
      initialised: true,
      schemaVersion: s.schemaVersion,
      items: l.items,
      records: r.records,
      people: sections,
      settings: s.settings,
      calendar: createCalendar(overrides),
      today: !todayIsFormula && s.today ? s.today : localToday(clock()),
      rowErrors: [...l.errors, ...r.errors],
    };
  });
}

async function notInitialised(context: Excel.RequestContext, clock: () => Date): Promise<LedgerSnapshot> {
  context.workbook.load('name');
  await context.sync();
  const s = settingsFromPairs(new Map());
  return {
    workbookName: context.workbook.name,
    initialised: false,
    schemaVersion: null,
    items: [],
    records: [],
    people: [],
    settings: s.settings,
    calendar: createCalendar(),
    today: localToday(clock()),
    rowErrors: [],
  };
}

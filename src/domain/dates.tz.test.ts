/**
 * Time-zone independence. `npm run test:tz` runs src/domain under TZ=Asia/Shanghai and
 * TZ=America/Los_Angeles; this file asserts a fixed table of answers literally, so both runs
 * (and a run in any other zone) must produce the same dates. The dates are chosen around the
 * US daylight-saving changes (2026-03-08, 2026-11-01) and Chinese holidays.
 */
import * as fs from 'fs';
import * as path from 'path';
import { createCalendar } from './calendar';
import { itemClock } from './clock';
import { addCalendarDays, diffDays, edate, fromDayNumber, monthEnd, monthsBetween, toDayNumber, weekday } from './dates';
import { defaultSettings } from './settings';
import { itemStatus, missedReports } from './status';
import { makeItem } from './testing/itemFactory';

const cal = createCalendar();
const S = defaultSettings();

test(`fixed answers (TZ=${process.env.TZ ?? 'unset'})`, () => {
  const answers = {
    dayNumbers: ['2026-03-07', '2026-03-08', '2026-03-09', '2026-10-31', '2026-11-01', '2026-11-02'].map(toDayNumber),
    fromDayNumbers: [20519, 20520, 20521, 20757, 20758].map(fromDayNumber),
    weekdays: ['2026-03-08', '2026-11-01', '2025-10-11', '2026-02-14'].map(weekday),
    plusOne: addCalendarDays('2026-03-07', 1),
    plusOneAutumn: addCalendarDays('2026-10-31', 1),
    diff: diffDays('2026-03-01', '2026-04-01'),
    edate: edate('2026-03-08', 1),
    monthEnd: monthEnd('2026-03-08'),
    months: monthsBetween('2026-10-15', '2026-11-15'),
    shunyan: cal.addDays('2026-03-07', 1, '自然日顺延'),
    workday: cal.addDays('2026-10-31', 1, '工作日'),
    nationalDay: cal.addDays('2025-09-30', 3, '工作日'),
    springFestival: cal.addDays('2026-02-14', 30, '工作日'),
    isWorkday: ['2026-03-08', '2026-02-14', '2026-10-10', '2026-10-01'].map((d) => cal.isWorkday(d)),
    clock: itemClock(makeItem({ assignedOn: '2026-03-06' }), S, cal),
    status: itemStatus(makeItem({ assignedOn: '2026-03-06' }), '2026-03-10', S, cal).status,
    overdue: itemStatus(makeItem({ assignedOn: '2026-03-06' }), '2026-03-10', S, cal).overdueDays,
    missed: missedReports(makeItem({ assignedOn: '2026-10-28' }), '2026-11-03', S, cal),
  };
  expect(answers).toEqual({
    dayNumbers: [20519, 20520, 20521, 20757, 20758, 20759],
    fromDayNumbers: ['2026-03-07', '2026-03-08', '2026-03-09', '2026-10-31', '2026-11-01'],
    weekdays: [0, 0, 6, 6],
    plusOne: '2026-03-08',
    plusOneAutumn: '2026-11-01',
    diff: 31,
    edate: '2026-04-08',
    monthEnd: '2026-03-31',
    months: ['2026-10', '2026-11'],
    shunyan: '2026-03-09',
    workday: '2026-11-02',
    nationalDay: '2025-10-11',
    springFestival: '2026-04-03',
    isWorkday: [false, true, true, false],
    clock: {
      assignedOn: '2026-03-06',
      defaultDeadline: '2026-03-13',
      deadline: '2026-03-13',
      due1: '2026-03-09',
      due3: '2026-03-09',
      finalDoneOn: null,
    },
    status: '逾期',
    overdue: 1,
    // 交办 Wed 10-28: due1 10-29, due3 10-31 Sat → 11-02, deadline 11-04; at 11-03 two are missed
    missed: 2,
  });
});

describe('no host-time-zone or clock reads in the domain sources', () => {
  const dir = __dirname;
  const sources = (d: string): string[] =>
    fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(d, e.name);
      if (e.isDirectory()) return sources(p);
      return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
    });

  test('getTimezoneOffset is used nowhere in src/domain', () => {
    const files = sources(dir);
    expect(files.length).toBeGreaterThan(5);
    const offenders = files.filter((f) => fs.readFileSync(f, 'utf8').includes('getTimezoneOffset'));
    expect(offenders).toEqual([]);
  });

  test('date modules use UTC accessors only and never read the clock', () => {
    const own = ['dates.ts', 'calendar.ts', 'clock.ts', 'status.ts', 'scoring.ts', 'lists.ts', 'report.ts'].map((f) => path.join(dir, f));
    const localAccess =
      /\.(getFullYear|getMonth|getDate|getDay|getHours|setFullYear|setMonth|setDate|setHours|toLocaleDateString|toDateString)\(|new Date\(\)|Date\.now\(/;
    const offenders = own.filter((f) => fs.existsSync(f) && localAccess.test(fs.readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});

import { addCalendarDays } from '../domain/dates';
import type { LedgerService } from '../excel/ledgerService';
import type { LedgerItem, SectionPeople } from '../domain/types';
import { FakeLedgerService } from '../taskpane/testing/fakeLedgerService';
import { SAMPLE_ROWS, SAMPLE_WORKBOOK_NAME } from './sampleLedger';

/** The preview's 今天: fixed, so the sample ledger shows the same 预警状态 on every visit. */
export const PREVIEW_TODAY = '2026-11-25';

const PEOPLE: SectionPeople[] = [...new Set(SAMPLE_ROWS.map((r) => r.section))].map((section, i) => ({
  section,
  chief: `${'张王李赵刘陈杨'[i % 7]}科长`,
  deputy: i % 2 === 0 ? '周副主任' : '吴副主任',
}));

/** The sample rows as ledger items (raw fields only; 预警状态 is computed by the pane). */
function sampleItems(): LedgerItem[] {
  return SAMPLE_ROWS.map((row) => {
    const closed = row.state === '已销号';
    const assigned = row.assignedOn;
    // Open items on time have their 1- and 3-day reports; their 完成时限 sets 临近 / 正常.
    const onTime = !closed && assigned !== null && (row.warning === '临近' || row.warning === '正常' || row.warning === '延期');
    const reported = (closed || onTime) && assigned ? addCalendarDays(assigned, 1) : null;
    return {
      id: row.id,
      registeredOn: assigned ?? PREVIEW_TODAY,
      source: '后勤中心各类会议决议',
      level: '中心党总支、中心交办',
      content: row.content,
      requirement: '',
      section: row.section,
      coSections: '',
      kind: '一般',
      assignedOn: assigned,
      explicitDeadline: row.warning === '临近' ? '2026-11-26' : row.warning === '正常' ? '2026-12-18' : null,
      extensionApprovedOn: row.warning === '延期' ? '2026-10-20' : null,
      extensionDeadline: row.warning === '延期' ? '2026-12-31' : null,
      extensionNodes: '',
      report1On: reported,
      report3On: reported,
      reportFinalOn: closed && row.warning === '按期办结' ? '2026-10-16' : closed ? '2026-10-20' : null,
      progress: '',
      state: row.state,
      appliedOn: closed ? '2026-10-20' : null,
      checkedOn: closed ? '2026-10-21' : null,
      approvedOn: closed ? '2026-10-22' : null,
      closedOn: closed ? '2026-10-22' : null,
      grade: closed ? '良好' : null,
      returnCount: 0,
      urgeCount: 0,
      lastUrgedOn: null,
      perfunctoryOn: null,
      falsifiedOn: null,
      linkedId: '',
      note: '',
    };
  });
}

/**
 * The ledger behind the preview's task pane: the sample rows in an in-memory service that applies
 * actions with the real domain rules (nothing is written to any workbook).
 */
export function createPreviewService(): LedgerService {
  return new FakeLedgerService({
    items: sampleItems(),
    people: PEOPLE,
    today: PREVIEW_TODAY,
    workbookName: SAMPLE_WORKBOOK_NAME,
  });
}

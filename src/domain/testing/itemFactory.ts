/**
 * Test helper: `makeItem(overrides)` builds a valid 台账 row (LedgerItem) with sensible defaults,
 * so a test states only the fields it is about. Defaults: an ordinary (一般) item of 工程管理科,
 * registered and 交办 on Monday 2026-03-02, nothing reported yet, not closed.
 * With the default settings (自然日顺延) its clock is: due1 2026-03-03, due3 2026-03-05,
 * deadline 2026-03-09.
 */
import type { FeedbackRecord, LedgerItem } from '../types';

export const DEFAULT_SECTION = '工程管理科';

export function makeItem(overrides: Partial<LedgerItem> = {}): LedgerItem {
  return {
    id: 'DB-2026-0001',
    registeredOn: '2026-03-02',
    source: '后勤中心各类会议决议',
    level: '台账其他任务',
    content: '示例督办事项',
    requirement: '按“13710”要求落实',
    section: DEFAULT_SECTION,
    coSections: '',
    kind: '一般',
    assignedOn: '2026-03-02',
    explicitDeadline: null,
    extensionApprovedOn: null,
    extensionDeadline: null,
    extensionNodes: '',
    report1On: null,
    report3On: null,
    reportFinalOn: null,
    progress: '',
    state: '办理中',
    appliedOn: null,
    checkedOn: null,
    approvedOn: null,
    closedOn: null,
    grade: null,
    returnCount: 0,
    urgeCount: 0,
    lastUrgedOn: null,
    perfunctoryOn: null,
    falsifiedOn: null,
    linkedId: '',
    note: '',
    evidence: '',
    ...overrides,
  };
}

/** A 反馈记录 row with defaults (a signed 退回 on 2026-03-10 for DB-2026-0001). */
export function makeRecord(overrides: Partial<FeedbackRecord> = {}): FeedbackRecord {
  return {
    itemId: 'DB-2026-0001',
    type: '退回',
    date: '2026-03-10',
    content: '',
    signer: '',
    signedOn: null,
    ...overrides,
  };
}

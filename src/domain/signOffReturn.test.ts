/**
 * 审签退回: the 分管领导 sends a report back with a comment. Who may, when, what it writes; which
 * reports it takes out of 待审签 and what the section still has to answer; and that it is not a 退回
 * (no −2 in 综评, not counted by the 不落实 rule, not in the 问题线索).
 */
import { createCalendar } from './calendar';
import { buildNonImplementationList, isNonImplementation, nonImplementationClue } from './lists';
import { defaultSettings } from './settings';
import { deductionsFor, monthlyScores, monthWindow } from './scoring';
import { openReturns, parseSignOffReturn, reportStanding, returnedReports, sentBackMark, signOffReturnContent } from './signOffReturn';
import { makeItem, makeRecord } from './testing/itemFactory';
import { marchLedger, marchRecords } from './testing/fixtures';
import { RECORD_TYPES, ROLES, type FeedbackRecord, type LedgerItem, type WorkflowState } from './types';
import { allowedActions, applyAction, type Action, type Actor } from './workflow';

const cal = createCalendar();
const S = defaultSettings();
const ON = '2026-03-07';
const leader: Actor = { role: '分管领导', name: '李副主任' };
const report = (overrides: Partial<FeedbackRecord> = {}): FeedbackRecord =>
  makeRecord({ type: '1天反馈', date: '2026-03-03', content: '已研究部署', ...overrides });
const sendBack = (comment: unknown, record = report()): Action => ({ type: '审签退回', record, comment }) as Action;
const itemIn = (state: WorkflowState): LedgerItem =>
  makeItem({
    state,
    assignedOn: state === '待审批' ? null : '2026-03-02',
    appliedOn: ['申请办结', '已初核', '已销号'].includes(state) ? '2026-03-05' : null,
    checkedOn: ['已初核', '已销号'].includes(state) ? '2026-03-06' : null,
    ...(state === '已销号' ? { approvedOn: '2026-03-06', closedOn: '2026-03-06', grade: '良好' as const } : {}),
  });

describe('the 审签退回 action', () => {
  test('a 分管领导 sends an unsigned report back: one 审签退回 record, the item unchanged', () => {
    const item = itemIn('办理中');
    const r = applyAction(item, sendBack('请补充责任人和完成时间'), leader, ON);
    expect(r.ok && r.value).toEqual({
      item,
      records: [
        {
          itemId: item.id,
          type: '审签退回',
          date: ON,
          content: '1天反馈（2026-03-03）退回：请补充责任人和完成时间',
          signer: '李副主任',
          signedOn: null,
        },
      ],
    });
    // not a 退回: no 退回次数, no state change, the node's date stays empty
    expect(r.ok && r.value.item.returnCount).toBe(0);
    expect(r.ok && r.value.item.report1On).toBeNull();
  });

  test.each<[WorkflowState, boolean]>([
    ['待审批', false],
    ['已交办', true],
    ['办理中', true],
    ['申请办结', true],
    ['已初核', true],
    ['已销号', false],
  ])('in state %s: allowed to the 分管领导 only → %p', (state, open) => {
    const item = itemIn(state);
    for (const role of ROLES) {
      const actor: Actor = { role, name: '某人', section: item.section };
      const r = applyAction(item, sendBack('请补充'), actor, ON);
      const allowed = open && role === '分管领导';
      expect([role, r.ok]).toEqual([role, allowed]);
      expect(allowedActions(item, role, item.section).includes('审签退回')).toBe(allowed);
      if (!r.ok) expect(['wrong-state', 'wrong-role']).toContain(r.error.code);
    }
  });

  test.each<[string, unknown, string, string | RegExp]>([
    ['no comment', undefined, 'missing-comment', '审签退回须写明退回意见，告诉科室要改什么'],
    ['an empty comment', '', 'missing-comment', /须写明退回意见/],
    ['a blank comment', ' 　\n', 'missing-comment', /须写明退回意见/],
    ['a comment Excel would read as a formula', '=1+1', 'formula-like', /公式/],
    ['a comment too long', '字'.repeat(961), 'too-long', /最多 960 字/],
  ])('refused with %s', (_, comment, code, message) => {
    const r = applyAction(itemIn('办理中'), sendBack(comment), leader, ON);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.message).toMatch(message);
    }
  });

  test.each<[string, FeedbackRecord, string]>([
    ['a signed report', report({ signer: '李', signedOn: '2026-03-04' }), 'already-signed'],
    ['a 催办 record', report({ type: '催办' }), 'not-a-report'],
    ['another item’s report', report({ itemId: 'DB-2026-0099' }), 'other-item'],
    ['a report dated after today', report({ date: '2026-03-09' }), 'sign-before-report'],
  ])('refused for %s', (_, record, code) => {
    const r = applyAction(itemIn('办理中'), sendBack('请补充', record), leader, ON);
    expect(!r.ok && r.error.code).toBe(code);
  });
});

describe('the 审签退回 record', () => {
  test('its content reads back: node, report date, comment (several lines kept)', () => {
    const content = signOffReturnContent('落实反馈', '2026-03-09', '佐证材料不全；\n请补照片');
    expect(parseSignOffReturn({ type: '审签退回', content })).toEqual({ node: '落实反馈', reportDate: '2026-03-09', comment: '佐证材料不全；\n请补照片' });
    expect(parseSignOffReturn({ type: '退回', content })).toBeNull();
    expect(parseSignOffReturn({ type: '审签退回', content: '手工写的退回意见' })).toBeNull();
  });

  test('is one of the 反馈记录 类型 (the workbook’s list of 类型 takes RECORD_TYPES)', () => {
    expect(RECORD_TYPES).toContain('审签退回');
  });
});

describe('which reports a 审签退回 answers', () => {
  const back = (node: string, date: string, comment: string, itemId = 'DB-2026-0001') =>
    makeRecord({ itemId, type: '审签退回', date: '2026-03-04', content: signOffReturnContent(node, date, comment), signer: '李' });

  test('the unsigned reports of its item, node and date written before it; not a re-submission after it', () => {
    const first = report();
    const otherNode = report({ type: '3天反馈' });
    const otherItem = report({ itemId: 'DB-2026-0002' });
    const returned = back('1天反馈', '2026-03-03', '请补充');
    const again = report({ content: '已补充责任人' });
    const records = [first, otherNode, otherItem, returned, again];
    expect([...returnedReports(records)]).toEqual([first]);
    expect(openReturns(records, 'DB-2026-0001')).toEqual([]);
    expect(openReturns(records.slice(0, 4), 'DB-2026-0001')).toEqual([{ node: '1天反馈', reportDate: '2026-03-03', comment: '请补充', record: returned }]);
    expect(openReturns(records.slice(0, 4), 'DB-2026-0002')).toEqual([]);
  });

  test('a report signed anyway is not taken back; a return of an unknown report answers nothing', () => {
    const signed = report({ signer: '李', signedOn: '2026-03-04' });
    expect(returnedReports([signed, back('1天反馈', '2026-03-03', 'x')]).size).toBe(0);
    expect(returnedReports([report(), back('1天反馈', '2026-03-02', 'x')]).size).toBe(0);
  });

  test('returned twice: only the latest return is still open, until the node is reported again', () => {
    const records = [report(), back('1天反馈', '2026-03-03', '一'), report({ date: '2026-03-04' }), back('1天反馈', '2026-03-04', '二')];
    expect(openReturns(records, 'DB-2026-0001').map((o) => o.comment)).toEqual(['二']);
    expect(returnedReports(records).size).toBe(2);
  });
});

describe('a 审签退回 is not a 退回', () => {
  const w = monthWindow('2026-03', '2026-04-10')!;
  const A = '工程管理科';
  const backs = marchLedger
    .filter((i) => i.section === A)
    .map((i) =>
      makeRecord({ itemId: i.id, type: '审签退回', date: '2026-03-12', content: signOffReturnContent('1天反馈', '2026-03-10', '请补充'), signer: '李' }),
    );

  test('综评: no −2 deduction, the same scores with or without it', () => {
    expect(backs.length).toBeGreaterThan(0);
    expect(deductionsFor(A, marchLedger, [...marchRecords, ...backs], w, 4, S, cal)).toEqual(deductionsFor(A, marchLedger, marchRecords, w, 4, S, cal));
    const input = { items: marchLedger, sections: [A], month: '2026-03', today: '2026-04-10', settings: S, cal };
    expect(monthlyScores({ ...input, records: [...marchRecords, ...backs] })).toEqual(monthlyScores({ ...input, records: marchRecords }));
  });

  test('不落实: not counted by rule c, not in the 问题线索, the same list', () => {
    const item = makeItem({ report1On: '2026-03-03', report3On: '2026-03-05', returnCount: 0 });
    const records = [1, 2, 3].map(() => makeRecord({ type: '审签退回', content: signOffReturnContent('落实反馈', '2026-03-09', '材料不全'), signer: '李' }));
    expect(isNonImplementation(item, '2026-03-12', S, cal)).toBe(false);
    expect(nonImplementationClue(item, records, '2026-03-24', S, cal)).not.toMatch(/退回/);
    const ledger = [...marchLedger, item];
    expect(buildNonImplementationList(ledger, [...marchRecords, ...records], '2026-03-24', S, cal)).toEqual(
      buildNonImplementationList(ledger, marchRecords, '2026-03-24', S, cal),
    );
  });
});

describe('reportStanding: where a report stands among its item’s records now', () => {
  const report = makeRecord({ itemId: 'DB-2026-0001', type: '3天反馈', date: '2026-03-06', signedOn: null });
  const back = makeRecord({ itemId: 'DB-2026-0001', type: '审签退回', date: '2026-03-07', content: signOffReturnContent('3天反馈', '2026-03-06', '请补充') });
  const again = makeRecord({ itemId: 'DB-2026-0001', type: '3天反馈', date: '2026-03-06', signedOn: null });
  test.each<[string, FeedbackRecord[], FeedbackRecord, string]>([
    ['waiting', [report], report, 'pending'],
    ['signed', [{ ...report, signedOn: '2026-03-07' }], { ...report, signedOn: '2026-03-07' }, 'signed'],
    ['sent back', [report, back], report, 'returned'],
    ['re-submitted after the return (same day): the new report waits', [report, back, again], again, 'pending'],
  ])('%s', (_name, records, r, standing) => {
    expect(reportStanding(records, r)).toBe(standing);
  });
});

describe('sentBackMark: what a list marks on an item waiting on its section after a return', () => {
  const id = 'DB-2026-0002';
  const report = makeRecord({ itemId: id, type: '1天反馈', date: '2026-03-05', signedOn: null });
  const back = makeRecord({ itemId: id, type: '审签退回', date: '2026-03-06', content: signOffReturnContent('1天反馈', '2026-03-05', '请补充') });
  const again = makeRecord({ itemId: id, type: '1天反馈', date: '2026-03-07', signedOn: null });
  test.each<[string, Partial<LedgerItem>, FeedbackRecord[], 'report' | 'closing' | null]>([
    ['nothing sent back', { state: '办理中', returnCount: 0 }, [report], null],
    ['a report sent back', { state: '办理中', returnCount: 0 }, [report, back], 'report'],
    ['the report made again', { state: '办理中', returnCount: 0 }, [report, back, again], null],
    ['an application returned (退回)', { state: '办理中', returnCount: 1 }, [], 'closing'],
    ['applied again after the 退回', { state: '申请办结', returnCount: 1 }, [], null],
    ['closed after a 退回', { state: '已销号', returnCount: 1 }, [], null],
  ])('%s → %s', (_name, patch, records, mark) => {
    expect(sentBackMark(makeItem({ id, ...patch }), records)).toBe(mark);
  });
});

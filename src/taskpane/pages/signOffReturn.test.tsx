/** @jest-environment jsdom */
/**
 * Issue #13 item 8: the 分管领导 sends a report back with a comment (审签退回); it leaves 待审签, the
 * section sees the comment on the item until it reports the node again, and the node still counts
 * only from a signed report.
 */
import '../../../test/support/jsdom-shims';
import '@testing-library/jest-dom';
import { configure, screen, within } from '@testing-library/react';
import { makeItem, makeRecord } from '../../domain/testing/itemFactory';
import { ui } from '../../i18n';
import { FakeLedgerService } from '../testing/fakeLedgerService';
import { choose, pick, press, ready, renderApp, requireForm, type } from '../testing/renderApp';

configure({ defaultHidden: true });
jest.setTimeout(30_000);

const rp = ui.report;
const TODAY = '2026-03-04';
const ID = 'DB-2026-0001';
const SECTION = '工程管理科';
const COMMENT = '请补充责任人和完成时间';

const service = () =>
  new FakeLedgerService({
    today: TODAY,
    items: [makeItem({ id: ID, section: SECTION, state: '办理中', assignedOn: '2026-03-02' })],
    records: [{ ...makeRecord({ itemId: ID, type: '1天反馈', date: '2026-03-03', content: '已研究部署' }), opId: 'op-report-1' }],
  });

const returnNotice = () => document.querySelector('[data-testid="sign-off-returned"]');
/** the 退回 mark on the item's button in a list */
const sentBack = () => document.querySelector(`button[data-item="${ID}"] [data-testid="sent-back-mark"]`);

describe('审签退回', () => {
  it('the 分管领导 sends a report back with a comment; the section sees it until it reports again', async () => {
    const fake = service();
    renderApp(fake, { page: 'report', role: { role: '分管领导', leader: '李副主任' } });
    await ready();

    // 退回 opens a comment box; an empty comment is refused and nothing is sent.
    const sign = requireForm('sign');
    expect(within(sign).getByText(rp.record(ID, '1天反馈', '2026-03-03'))).toBeInTheDocument();
    press(rp.sendBack, sign);
    press(rp.sendBackConfirm, sign);
    expect(within(sign).getByText(ui.validation.required(rp.sendBackComment))).toBeInTheDocument();
    expect(fake.calls.some((c) => c.method === 'act')).toBe(false);
    // 取消 closes it again.
    press(rp.sendBackCancel, sign);
    expect(within(sign).queryByText(rp.sendBackConfirm)).toBeNull();

    press(rp.sendBack, sign);
    type(rp.sendBackComment, COMMENT, sign);
    press(rp.sendBackConfirm, sign);
    expect(await screen.findByText(rp.sendBackDone(ID, '1天反馈'))).toBeInTheDocument();
    const call = fake.calls.find((c) => c.method === 'act');
    expect(call?.action).toMatchObject({ type: '审签退回', comment: COMMENT, record: { opId: 'op-report-1' } });
    expect(call?.actor).toMatchObject({ role: '分管领导', name: '李副主任' });
    // One 审签退回 record; the report stays unsigned and its node's date empty; no 退回 counted.
    expect(fake.records.map((r) => [r.type, r.signedOn])).toEqual([
      ['1天反馈', null],
      ['审签退回', null],
    ]);
    expect(fake.records[1]).toMatchObject({ signer: '李副主任', date: TODAY, content: `1天反馈（2026-03-03）退回：${COMMENT}` });
    expect(fake.item(ID)).toMatchObject({ report1On: null, returnCount: 0, state: '办理中' });
    await ready();
    // The report is no longer waiting for 审签.
    expect(within(requireForm('sign')).getByText(rp.signEmpty)).toBeInTheDocument();

    // The section sees the comment on the item card, and the report marked as sent back.
    choose(ui.role.label, '科室');
    choose(ui.role.section, SECTION);
    type(ui.role.name, '经办人乙');
    // the section's list marks the item before it is opened
    expect(sentBack()).toHaveTextContent(ui.item.sentBackMark.report);
    pick(ID);
    expect(returnNotice()).toHaveTextContent(ui.item.returned(COMMENT));
    expect(returnNotice()).toHaveTextContent(ui.item.returnedWhat('1天反馈', '2026-03-03', '李副主任', TODAY));

    // It reports the node again: the notice goes, the new report waits for 审签.
    choose(rp.node, '1天反馈');
    type(rp.content, '已补充：张科长负责，3月10日前完成');
    press(rp.submit);
    expect(await screen.findByText(rp.done(ID, '1天反馈'))).toBeInTheDocument();
    await ready();
    expect(returnNotice()).toBeNull();
    expect(sentBack()).toBeNull();

    choose(ui.role.label, '分管领导');
    choose(ui.role.leader, '李副主任');
    const again = requireForm('sign');
    expect(within(again).getAllByText(rp.record(ID, '1天反馈', TODAY))).toHaveLength(1);
    expect(within(again).queryByText(rp.record(ID, '1天反馈', '2026-03-03'))).toBeNull();
    press(rp.sign, again);
    expect(await screen.findByText(rp.signDone(ID, '1天反馈'))).toBeInTheDocument();
    // The node counts from the re-submitted report's sign-off, never from the one sent back.
    expect(fake.item(ID)?.report1On).toBe(TODAY);
    expect(fake.records[0].signedOn).toBeNull();
  });

  it('at 审定 the item’s records mark the report sent back, not as waiting for 审签', async () => {
    const fake = new FakeLedgerService({
      today: '2026-03-16',
      items: [makeItem({ id: ID, section: SECTION, state: '已初核', appliedOn: '2026-03-09', checkedOn: '2026-03-10' })],
      records: [
        { ...makeRecord({ itemId: ID, type: '落实反馈', date: '2026-03-09', content: '已完成' }), opId: 'op-1' },
        {
          ...makeRecord({ itemId: ID, type: '审签退回', date: '2026-03-10', content: `落实反馈（2026-03-09）退回：${COMMENT}`, signer: '李副主任' }),
          opId: 'op-2',
        },
      ],
    });
    renderApp(fake, { page: 'close', role: { role: '分管领导', leader: '李副主任' } });
    await ready();
    pick(ID);
    const card = screen.getByTestId('item-summary');
    const lines = Array.from(within(card).getByTestId('item-records').querySelectorAll('li')).map((li) => li.textContent);
    expect(lines).toEqual([
      `${ui.item.record('审签退回', '2026-03-10')}落实反馈（2026-03-09）退回：${COMMENT}`,
      `${ui.item.record('落实反馈', '2026-03-09')} · ${ui.item.sentBack}已完成`,
    ]);
    expect(returnNotice()).toHaveTextContent(ui.item.returned(COMMENT));
  });
});

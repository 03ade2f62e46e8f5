/** @jest-environment jsdom */
import '../../../test/support/jsdom-shims';
import '@testing-library/jest-dom';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { makeItem } from '../../domain/testing/itemFactory';
import { ui } from '../../i18n';
import type { RoleChoice } from '../roleStore';
import { FakeLedgerService } from '../testing/fakeLedgerService';
import { button, choose, control, form, press, ready, renderApp, requireForm, type } from '../testing/renderApp';

configure({ defaultHidden: true });
jest.setTimeout(20_000);

const r = ui.register;
const v = ui.validation;
// 2026-03-02 is a Monday: with 自然日顺延 the dues are 03-03, 03-05 and (一般) 03-09, (重大复杂) 04-01.
const TODAY = '2026-03-02';

function preview(term: string): string {
  return document.querySelector(`[data-preview="${term}"]`)?.textContent ?? '';
}

function fillValid(): void {
  choose(r.source, '后勤中心各类会议决议');
  choose(r.level, '校党委、行政交办');
  type(r.content, '学生公寓热水系统报修响应慢问题整改');
  type(r.requirement, '一周内完成排查');
  choose(r.section, '工程管理科');
}

async function openAs(role: RoleChoice | null, service = new FakeLedgerService({ today: TODAY })) {
  renderApp(service, { page: 'register', role });
  await ready();
  return service;
}

describe('立项交办', () => {
  it('shows the due dates and the three 责任人 before saving', async () => {
    const service = await openAs({ role: '督办员', name: '督办员甲' });
    // 事项类型 defaults to 一般 and 交办日期 to today: the dates show at once, the people once chosen.
    expect(preview(r.due1)).toBe('2026-03-03');
    expect(preview(r.first)).toBe('—');
    fillValid();
    // Nothing has been sent yet, but the clock and the people are already shown.
    expect(preview(r.assignedOn)).toBe(TODAY);
    expect(preview(r.due1)).toBe('2026-03-03');
    expect(preview(r.due3)).toBe('2026-03-05');
    expect(preview(r.deadlineDue)).toBe('2026-03-09');
    expect(preview(r.first)).toBe(service.settings.director);
    expect(preview(r.inCharge)).toBe('李副主任');
    expect(preview(r.direct)).toBe('张科长');

    choose(r.kind, '重大复杂');
    expect(preview(r.deadlineDue)).toBe('2026-04-01');
    choose(r.level, '台账其他任务');
    expect([preview(r.first), preview(r.inCharge), preview(r.direct)]).toEqual(['张科长', '—', '李副主任']);
    type(r.assignedOn, '2026-03-06'); // a Friday: +1 day is Saturday → Monday 03-09
    expect(preview(r.due1)).toBe('2026-03-09');
    expect(service.calls.filter((c) => c.method !== 'snapshot')).toEqual([]);
  });

  it('shows validation messages next to the fields and sends nothing', async () => {
    const service = await openAs({ role: '督办员', name: '督办员甲' });
    press(r.submit);
    expect(screen.getByText(v.choose(r.source))).toBeInTheDocument();
    expect(screen.getByText(v.choose(r.level))).toBeInTheDocument();
    expect(screen.getByText(v.required(r.content))).toBeInTheDocument();
    expect(screen.getByText(v.choose(r.section))).toBeInTheDocument();

    fillValid();
    type(r.content, '=SUM(A1)');
    type(r.requirement, '要'.repeat(1001));
    type(r.deadline, '2026-03-01');
    expect(screen.queryByText(v.choose(r.source))).toBeNull();
    expect(screen.getByText(v.formulaLike(r.content, '='))).toBeInTheDocument();
    expect(screen.getByText(v.tooLong(r.requirement, 1000, 1001))).toBeInTheDocument();
    expect(screen.getByText(v.dateBeforeToday(r.deadlineLabel, TODAY))).toBeInTheDocument();

    // A 完成时限 is fixed at approval: without 主任同意 it would be lost, so it is refused.
    type(r.deadline, '2026-03-20');
    expect(screen.getByText(r.deadlineNeedsApproval)).toBeInTheDocument();
    press(r.submit);
    expect(service.calls.filter((c) => c.method !== 'snapshot')).toEqual([]);
    // The message sits in the field: the control is described by it.
    const content = control(r.content);
    expect(content).toHaveAttribute('aria-invalid', 'true');
  });

  it('without 主任同意 the item is registered 待审批, the form resets and shows the 编号', async () => {
    const service = await openAs({ role: '督办员', name: '督办员甲' });
    fillValid();
    fireEvent.click(within(requireForm('register')).getByLabelText('物业管理科'));
    fireEvent.click(within(requireForm('register')).getByLabelText('饮食服务科'));
    press(r.submit);
    expect(await screen.findByText(r.done('DB-2026-0001'))).toBeInTheDocument();
    expect(service.calls.map((c) => c.method).filter((m) => m !== 'snapshot')).toEqual(['register']);
    expect(service.item('DB-2026-0001')).toMatchObject({
      state: '待审批',
      assignedOn: null,
      section: '工程管理科',
      coSections: '物业管理科、饮食服务科',
      level: '校党委、行政交办',
      requirement: '一周内完成排查',
    });
    await ready();
    expect(control(r.content)).toHaveValue('');
    expect(within(requireForm('pending')).getByText(/DB-2026-0001/)).toBeInTheDocument();
  });

  it('with 「已报经中心主任同意」 one save registers and records the approval, 交办 today', async () => {
    const service = await openAs({ role: '督办员', name: '督办员甲' });
    fillValid();
    fireEvent.click(screen.getByText(r.directorAgreed));
    expect(control(r.assignedOn)).toBeDisabled();
    type(r.deadline, '2026-03-20');
    expect(preview(r.deadlineDue)).toBe('2026-03-20');
    press(r.submitAndAssign);
    expect(await screen.findByText(r.doneAssigned('DB-2026-0001', TODAY))).toBeInTheDocument();

    const writes = service.calls.filter((c) => c.method !== 'snapshot');
    expect(writes.map((c) => c.method)).toEqual(['register', 'act']);
    expect(writes[1].action).toEqual({ type: '审批同意', assignedOn: TODAY, explicitDeadline: '2026-03-20' });
    expect(writes[0].opId).not.toBe(writes[1].opId);
    // The office registers; the approval is recorded as the 中心主任's.
    expect(writes[0].actor).toEqual({ role: '督办员', name: '督办员甲' });
    expect(writes[1].actor).toEqual({ role: '中心主任', name: service.settings.director });
    expect(service.item('DB-2026-0001')).toMatchObject({ state: '已交办', assignedOn: TODAY, explicitDeadline: '2026-03-20' });
  });

  it('the 中心主任 approves a 待审批 item from the list; other roles see no register form', async () => {
    const service = new FakeLedgerService({
      today: TODAY,
      items: [makeItem({ id: 'DB-2026-0007', state: '待审批', assignedOn: null, content: '冬季供暖设备检修' })],
    });
    await openAs({ role: '中心主任' }, service);
    expect(form('register')).toBeNull();
    expect(screen.getByText(r.officeOnly)).toBeInTheDocument();
    const pending = requireForm('pending');
    type(r.approveDeadline, '2026-02-01', pending);
    press(r.approve, pending);
    expect(screen.getByText(v.dateBeforeToday(r.deadlineLabel, TODAY))).toBeInTheDocument();
    type(r.approveDeadline, '', pending);
    press(r.approve, pending);
    expect(await screen.findByText(r.approveDone('DB-2026-0007', TODAY))).toBeInTheDocument();
    expect(service.item('DB-2026-0007')).toMatchObject({ state: '已交办', assignedOn: TODAY });
    await ready();
    expect(within(requireForm('pending')).getByText(r.pendingEmpty)).toBeInTheDocument();
  });

  it('a 督办员 sees the pending list without the approve button', async () => {
    await openAs(
      { role: '督办员', name: '督办员甲' },
      new FakeLedgerService({ today: TODAY, items: [makeItem({ id: 'DB-2026-0007', state: '待审批', assignedOn: null })] }),
    );
    expect(within(requireForm('pending')).queryByText(r.approve)).toBeNull();
    expect(button(r.submit)).toBeEnabled();
  });

  it('asks for a role first', async () => {
    await openAs(null);
    expect(screen.getByText(ui.role.needRole)).toBeInTheDocument();
    expect(form('register')).toBeNull();
    await waitFor(() => expect(form('pending')).not.toBeNull());
  });
});

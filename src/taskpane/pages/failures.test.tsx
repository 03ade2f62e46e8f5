/** @jest-environment jsdom */
import '../../../test/support/jsdom-shims';
import '@testing-library/jest-dom';
import { configure, fireEvent, screen } from '@testing-library/react';
import { makeItem } from '../../domain/testing/itemFactory';
import { ui } from '../../i18n';
import { FakeLedgerService } from '../testing/fakeLedgerService';
import { button, choose, control, pick, press, ready, renderApp, type } from '../testing/renderApp';

configure({ defaultHidden: true });
jest.setTimeout(20_000);

const rp = ui.report;
const TODAY = '2026-03-16';
const ID = 'DB-2026-0001';
const CONTENT = '已召开专题会研究部署';

async function reportingSection(service: FakeLedgerService) {
  renderApp(service, { page: 'report', role: { role: '科室', section: '工程管理科', name: '经办人乙' } });
  await ready();
  pick(ID);
  choose(rp.node, '3天反馈');
  type(rp.content, CONTENT);
}

const acts = (service: FakeLedgerService) => service.calls.filter((c) => c.method === 'act');

describe('errors and nothing lost', () => {
  it('a failed call keeps everything typed; 重试 re-sends the same opId; success resets the form', async () => {
    const service = new FakeLedgerService({ today: TODAY, items: [makeItem({ id: ID })] });
    await reportingSection(service);
    service.failNext('RichApi.Error: 网络连接中断');
    press(rp.submit);

    expect(await screen.findByText(ui.op.thrown('RichApi.Error: 网络连接中断'))).toBeInTheDocument();
    expect(screen.getByText(ui.op.kept)).toBeInTheDocument();
    expect(control(rp.content)).toHaveValue(CONTENT);
    expect(control<HTMLSelectElement>(rp.node).value).toBe('3天反馈');
    expect(service.records).toHaveLength(0);

    press(ui.op.retry);
    expect(await screen.findByText(rp.done(ID, '3天反馈'))).toBeInTheDocument();
    const [first, second] = acts(service);
    expect(second.opId).toBe(first.opId);
    expect(second.action).toEqual(first.action);
    expect(service.records).toHaveLength(1);
    expect(screen.queryByText(ui.op.failedTitle)).toBeNull();
    await ready();
    expect(control(rp.content)).toHaveValue('');

    // The next user action gets a new opId.
    type(rp.content, '初步落实情况');
    press(rp.submit);
    expect(await screen.findByText(rp.done(ID, '1天反馈'))).toBeInTheDocument();
    expect(acts(service)[2].opId).not.toBe(first.opId);
  });

  it('when the write went through but the answer was lost, 重试 does not write twice', async () => {
    const service = new FakeLedgerService({ today: TODAY, items: [makeItem({ id: ID })] });
    await reportingSection(service);
    service.failNext({ message: '同步超时', when: 'after' });
    press(rp.submit);
    expect(await screen.findByText(ui.op.thrown('同步超时'))).toBeInTheDocument();
    expect(service.records).toHaveLength(1); // written, but the pane does not know

    // Submitting again (not only 重试) is the same user action: same opId, replayed, not re-applied.
    press(rp.submit);
    expect(await screen.findByText(rp.done(ID, '3天反馈'))).toBeInTheDocument();
    expect(new Set(acts(service).map((c) => c.opId)).size).toBe(1);
    expect(service.records).toHaveLength(1);
  });

  it('a refusal shows the domain’s message and keeps the content', async () => {
    const service = new FakeLedgerService({ today: TODAY, items: [makeItem({ id: ID })] });
    await reportingSection(service);
    // A co-author closed the item after the pane read it.
    service.items[0] = { ...service.items[0], state: '已销号', closedOn: TODAY };
    press(rp.submit);
    expect(await screen.findByText(/当前状态为“已销号”，不能反馈/)).toBeInTheDocument();
    expect(control(rp.content)).toHaveValue(CONTENT);
  });

  it('disables submitting while a call runs (no double submits)', async () => {
    const service = new FakeLedgerService({ today: TODAY, items: [makeItem({ id: ID })] });
    await reportingSection(service);
    const release = service.hold();
    press(rp.submit);
    expect(await screen.findByText(ui.op.busy)).toBeInTheDocument();
    expect(button(rp.submit)).toBeDisabled();
    fireEvent.click(button(rp.submit));
    release();
    expect(await screen.findByText(rp.done(ID, '3天反馈'))).toBeInTheDocument();
    expect(acts(service)).toHaveLength(1);
    expect(button(rp.submit)).toBeEnabled();
  });

  it('立项 with 主任同意: when only the approval fails, 重试 re-sends the approval alone with its opId', async () => {
    const service = new FakeLedgerService({ today: TODAY });
    renderApp(service, { page: 'register', role: { role: '督办员', name: '督办员甲' } });
    await ready();
    const r = ui.register;
    choose(r.source, '其他');
    choose(r.level, '台账其他任务');
    type(r.content, '维修中心库房消防整改');
    choose(r.section, '物业管理科');
    fireEvent.click(screen.getByText(r.directorAgreed));
    service.failNext({ message: '连接已断开', methods: ['act'] });
    press(r.submitAndAssign);

    expect(await screen.findByText(r.approveFailed('DB-2026-0001', ui.op.thrown('连接已断开')))).toBeInTheDocument();
    expect(control(r.content)).toHaveValue('维修中心库房消防整改');
    expect(service.item('DB-2026-0001')?.state).toBe('待审批');

    press(ui.op.retry);
    expect(await screen.findByText(r.doneAssigned('DB-2026-0001', TODAY))).toBeInTheDocument();
    const writes = service.calls.filter((c) => c.method === 'register' || c.method === 'act');
    expect(writes.map((c) => c.method)).toEqual(['register', 'act', 'act']);
    expect(writes[2].opId).toBe(writes[1].opId);
    expect(service.items).toHaveLength(1);
    expect(service.item('DB-2026-0001')?.state).toBe('已交办');
  });
});

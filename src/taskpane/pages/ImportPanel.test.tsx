/** @jest-environment jsdom */
import '../../../test/support/jsdom-shims';
import '@testing-library/jest-dom';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { makeItem } from '../../domain/testing/itemFactory';
import { importText, ui } from '../../i18n';
import type { RoleChoice } from '../roleStore';
import { FakeLedgerService } from '../testing/fakeLedgerService';
import { button, choose, control, form, press, ready, renderApp, requireForm, type } from '../testing/renderApp';

configure({ defaultHidden: true });
jest.setTimeout(20_000);

const t = importText.panel;
const TODAY = '2026-03-16';
const OFFICE: RoleChoice = { role: '督办员', name: '督办员甲' };
const ID = 'DB-2026-0001';

const HEAD = ['编号', '来源类别', '交办层级', '事项内容', '承办科室', '事项类型', '交办日期', '办理状态', '最近进展'];
const line = (cells: string[]) => cells.join('\t');
const row = (id: string, content: string, progress = '', source = '其他') =>
  line([id, source, '台账其他任务', content, '工程管理科', '一般', '2026-03-10', '办理中', progress]);

/** Pasted block: row 2 updates DB-2026-0001, row 3 adds, row 4 repeats row 3, row 5 has a bad 来源类别. */
const BLOCK = [line(HEAD), row(ID, '示例督办事项', '已完成一半'), row('', '新事项甲'), row('', '新事项甲'), row('', '坏行', '', '乱写')].join('\n');

const calls = (service: FakeLedgerService, method: string) => service.calls.filter((c) => c.method === method);
const count = (key: string) => document.querySelector(`[data-count="${key}"] dd`)?.textContent;

async function open(role: RoleChoice | null = OFFICE) {
  const service = new FakeLedgerService({ today: TODAY, items: [makeItem({ id: ID })] });
  renderApp(service, { role });
  await ready();
  return service;
}

async function previewed(service: FakeLedgerService, text = BLOCK) {
  type(t.text, text, requireForm('import'));
  press(t.preview, requireForm('import'));
  await screen.findByTestId('import-preview');
  await waitFor(() => expect(calls(service, 'previewImport')).toHaveLength(1));
}

describe('导入科室台账', () => {
  it('is offered to the 督办员 only', async () => {
    await open({ role: '科室', section: '工程管理科' });
    expect(form('import')).toBeNull();
    expect(screen.queryByText(t.title)).toBeNull();
  });

  it('is on 概览 for the 督办员', async () => {
    await open();
    expect(requireForm('import')).toHaveTextContent(t.title);
    expect(button(t.confirm)).toBeDisabled();
    expect(screen.queryByText(t.undo)).toBeNull();
  });

  it('预览 shows the counts, the errors as located and the changes, and writes nothing', async () => {
    const service = await open();
    const before = JSON.stringify(service.items);
    await previewed(service);

    expect(calls(service, 'previewImport')[0].text).toBe(BLOCK);
    expect(calls(service, 'previewImport')[0].request).toEqual({
      assigned: false,
      defaults: { 来源类别: '', 交办层级: '台账其他任务', 事项类型: '一般' },
      sectionAliases: {},
      columnTargets: {},
    });
    expect(count('add')).toBe('1');
    expect(count('update')).toBe('1');
    expect(count('unchanged')).toBe('0');
    expect(count('errors')).toBe('1');
    expect(count('duplicates')).toBe('1');

    const errors = within(screen.getByTestId('import-errors')).getAllByRole('listitem');
    expect(errors).toHaveLength(1);
    expect(errors[0].textContent).toMatch(/^粘贴内容 第5行 B列（来源类别）/);
    expect(within(screen.getByTestId('import-duplicates')).getByRole('listitem')).toHaveTextContent('粘贴内容 第4行');

    const update = document.querySelector(`li[data-update="${ID}"]`) as HTMLElement;
    expect(update).toHaveTextContent(t.updateHeading(ID, 2));
    expect(update).toHaveTextContent(t.change('交办日期', '2026-03-02', '2026-03-10'));
    expect(update).toHaveTextContent(t.change('最近进展', t.blank, '已完成一半'));

    expect(button(t.confirm)).toBeEnabled();
    expect(JSON.stringify(service.items)).toBe(before);
    expect(calls(service, 'applyImport')).toHaveLength(0);
  });

  it('确认导入 is disabled when nothing would change; editing the text drops the preview', async () => {
    const service = await open();
    await previewed(service, [line(['编号', '事项内容']), line([ID, '示例督办事项'])].join('\n'));
    expect(count('unchanged')).toBe('1');
    expect(screen.getByText(t.nothing)).toBeInTheDocument();
    expect(button(t.confirm)).toBeDisabled();

    type(t.text, BLOCK, requireForm('import'));
    expect(screen.queryByTestId('import-preview')).toBeNull();
    expect(button(t.confirm)).toBeDisabled();
  });

  it('确认导入 applies under one opId (shown); 撤销本次导入 undoes that same opId', async () => {
    const service = await open();
    await previewed(service);
    press(t.confirm);

    await waitFor(() => expect(calls(service, 'applyImport')).toHaveLength(1));
    const opId = calls(service, 'applyImport')[0].opId!;
    expect(await screen.findByText(t.applied(['DB-2026-0002'], 1, 0))).toBeInTheDocument();
    // the clerk never sees the internal operation id
    expect(document.body.textContent).not.toContain(opId);
    expect(service.items.map((i) => i.content)).toEqual(['示例督办事项', '新事项甲']);
    expect(service.item(ID)?.progress).toBe('已完成一半');
    // the form is cleared once applied
    await waitFor(() => expect(control(t.text)).toHaveValue(''));

    press(t.undo);
    await waitFor(() => expect(calls(service, 'undoImport')).toHaveLength(1));
    const undo = calls(service, 'undoImport')[0];
    expect(undo.importOpId).toBe(opId);
    expect(undo.opId).not.toBe(opId);
    expect(await screen.findByText(t.undone(1, 1, 0, 0))).toBeInTheDocument();
    expect(service.items).toEqual([makeItem({ id: ID })]);
    // only the undo's outcome is shown, and the import cannot be undone twice
    expect(screen.queryByText(t.applied(['DB-2026-0002'], 1, 0))).toBeNull();
    expect(button(t.undo)).toBeDisabled();
  });

  it('a failed 确认导入 keeps the pasted text and the preview; 重试 re-sends the same opId', async () => {
    const service = await open();
    await previewed(service);
    service.failNext({ message: 'RichApi.Error: 网络连接中断', methods: ['applyImport'] });
    press(t.confirm);

    expect(await screen.findByText(ui.op.thrown('RichApi.Error: 网络连接中断'))).toBeInTheDocument();
    expect(control(t.text)).toHaveValue(BLOCK);
    expect(screen.getByTestId('import-preview')).toBeInTheDocument();
    expect(service.items).toHaveLength(1);

    press(ui.op.retry);
    await waitFor(() => expect(calls(service, 'applyImport')).toHaveLength(2));
    const [first, second] = calls(service, 'applyImport').map((c) => c.opId);
    expect(second).toBe(first);
    expect(first).toBeDefined();
    expect(await screen.findByText(t.applied(['DB-2026-0002'], 1, 0))).toBeInTheDocument();
  });

  it('a block from a section sheet: 序号 and 联系人 left out once, synonyms mapped, errors counted by row, a close 科室 one click away', async () => {
    const service = await open();
    const sheet = [
      line(['序号', '工作任务', '责任科室', '来源类别', '完成时间', '备注', '联系人']),
      line(['1', '更换路灯', '工程管理科', '后勤中心各类会议决议事项', '46112', '夜间施工', '张三']),
      line(['2', '清洗油烟管道', '物业管理', '其他需要督查督办事项', '46113', '', '李四']),
    ].join('\n');
    await previewed(service, sheet);
    expect(count('add')).toBe('1');
    expect(count('errors')).toBe('1');
    expect(
      within(screen.getByTestId('import-problems'))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['以下列不是台账的填写列，未导入：联系人（G列）']);
    const mapping = screen.getByTestId('import-mapping');
    expect(control<HTMLSelectElement>(importText.mapping.label('A', '序号'), mapping).value).toBe('不导入');
    expect(control<HTMLSelectElement>(importText.mapping.label('B', '工作任务'), mapping).value).toBe('事项内容');
    expect(control<HTMLSelectElement>(importText.mapping.label('G', '联系人'), mapping).value).toBe('不导入');
    const errors = within(screen.getByTestId('import-errors')).getAllByRole('listitem');
    expect(errors.map((li) => li.textContent)).toEqual(['粘贴内容 第3行 C列（承办科室）：“物业管理”不在“科室人员”表的科室名单中；是否为“物业管理科”？']);

    press(t.useSuggestion('物业管理', '物业管理科'));
    await waitFor(() => expect(calls(service, 'previewImport')).toHaveLength(2));
    expect(calls(service, 'previewImport')[1].request?.sectionAliases).toEqual({ 物业管理: '物业管理科' });
    await waitFor(() => expect(count('add')).toBe('2'));
    expect(count('errors')).toBe('0');
  });

  it('a column’s target changed in its dropdown (a ledger column, 并入备注, 不导入): previewed again with the choices', async () => {
    const service = await open();
    await previewed(service, [line(['工作任务', '责任科室', '来源类别', '联系人']), line(['更换路灯', '工程管理科', '其他', '张三'])].join('\n'));
    choose(importText.mapping.label('D', '联系人'), '并入备注', screen.getByTestId('import-mapping'));
    await waitFor(() => expect(calls(service, 'previewImport')).toHaveLength(2));
    expect(calls(service, 'previewImport')[1].request?.columnTargets).toEqual({ 联系人: '并入备注' });
    await screen.findByTestId('import-preview');
    choose(importText.mapping.label('B', '责任科室'), '协办科室', screen.getByTestId('import-mapping'));
    await waitFor(() => expect(calls(service, 'previewImport')).toHaveLength(3));
    expect(calls(service, 'previewImport')[2].request?.columnTargets).toEqual({ 联系人: '并入备注', 责任科室: '协办科室' });
  });

  it('“已交办” sends the choice with the preview; changing it drops the preview', async () => {
    const service = await open();
    await previewed(service);
    fireEvent.click(screen.getByLabelText(t.assigned));
    expect(screen.queryByTestId('import-preview')).toBeNull();
    choose('交办层级', '中心党总支、中心交办', requireForm('import'));
    press(t.preview, requireForm('import'));
    await waitFor(() => expect(calls(service, 'previewImport')).toHaveLength(2));
    expect(calls(service, 'previewImport')[1].request).toMatchObject({ assigned: true, defaults: { 交办层级: '中心党总支、中心交办' } });
  });

  it('a failed 预览 keeps the pasted text', async () => {
    const service = await open();
    service.failNext({ message: '连接中断', methods: ['previewImport'] });
    type(t.text, BLOCK, requireForm('import'));
    press(t.preview);
    expect(await screen.findByText(ui.op.thrown('连接中断'))).toBeInTheDocument();
    expect(control(t.text)).toHaveValue(BLOCK);
    expect(button(t.confirm)).toBeDisabled();
  });
});

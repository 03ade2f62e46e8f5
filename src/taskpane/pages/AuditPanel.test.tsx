/** @jest-environment jsdom */
import '../../../test/support/jsdom-shims';
import '@testing-library/jest-dom';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { makeItem } from '../../domain/testing/itemFactory';
import type { CellError } from '../../domain/validation';
import type { AuditProblem } from '../../excel/audit';
import { audit as auditText, ui } from '../../i18n';
import type { RoleChoice } from '../roleStore';
import { auditReportOf, FakeLedgerService } from '../testing/fakeLedgerService';
import { button, press, ready, renderApp } from '../testing/renderApp';

configure({ defaultHidden: true });
jest.setTimeout(20_000);

const t = ui.audit;
const TODAY = '2026-03-16';
const OFFICE: RoleChoice = { role: '督办员', name: '督办员甲' };

const cellError = (sheet: string, row: number, column: string, header: string, message: string): CellError => ({
  sheet,
  row,
  column,
  header,
  value: '',
  code: 'bad-date',
  message,
});

const rowErrors = [
  cellError('台账', 12, 'N', '交办日期', '台账 第12行 N列（交办日期）：“3月32日”不是有效日期'),
  cellError('反馈记录', 3, 'A', '编号', '反馈记录 第3行 A列（编号）：编号“DB-9”在台账中找不到'),
  cellError('台账', 12, 'C', '来源类别', '台账 第12行 C列（来源类别）：“11”不是来源类别'),
  cellError('台账', 7, 'G', '承办科室', '台账 第7行 G列（承办科室）：必须填写'),
];

const audits = (service: FakeLedgerService) => service.calls.filter((c) => c.method === 'audit');

async function open(service: FakeLedgerService, role: RoleChoice | null = OFFICE) {
  renderApp(service, { role });
  await ready();
}

describe('校验台账', () => {
  it('is offered to the 督办员 only', async () => {
    await open(new FakeLedgerService({ today: TODAY }), { role: '科室', section: '工程管理科' });
    expect(screen.queryByTestId('audit-panel')).toBeNull();
  });

  it('a clean ledger: the summary says so', async () => {
    const service = new FakeLedgerService({ today: TODAY, items: [makeItem()] });
    await open(service);
    press(t.button);
    expect(await screen.findByText(auditText.summaryOk(1, 0))).toBeInTheDocument();
    expect(screen.queryByText(t.repair)).toBeNull();
  });

  it('lists problems by sheet → row → cell; a click selects the cell in the workbook', async () => {
    const service = new FakeLedgerService({ today: TODAY, rowErrors });
    await open(service);
    press(t.button);
    expect(await screen.findByTestId('audit-summary')).toHaveTextContent(auditText.summary(4, 3));
    const panel = screen.getByTestId('audit-panel');
    const sheets = Array.from(panel.querySelectorAll('li[data-audit-sheet]')).map((li) => li.getAttribute('data-audit-sheet'));
    expect(sheets).toEqual(['台账', '反馈记录']);
    expect(within(panel).getByText(t.sheetHeading('台账', 3))).toBeInTheDocument();
    const rows = Array.from(panel.querySelectorAll('li[data-audit-row]')).map((li) => li.getAttribute('data-audit-row'));
    expect(rows).toEqual(['台账!7', '台账!12', '反馈记录!3']);
    const row12 = panel.querySelector('li[data-audit-row="台账!12"]') as HTMLElement;
    expect(Array.from(row12.querySelectorAll('button[data-cell]')).map((b) => b.textContent)).toEqual([t.cell('N12', '交办日期'), t.cell('C12', '来源类别')]);
    expect(within(row12).getByText(rowErrors[0].message)).toBeInTheDocument();

    fireEvent.click(panel.querySelector('button[data-cell="台账!C12"]')!);
    fireEvent.click(panel.querySelector('button[data-cell="反馈记录!A3"]')!);
    expect(service.calls.filter((c) => c.method === 'selectCell').map((c) => [c.sheet, c.address])).toEqual([
      ['台账', 'C12'],
      ['反馈记录', 'A3'],
    ]);
    await waitFor(() => expect(service.selectedCells).toEqual(['台账!C12', '反馈记录!A3']));
    // content problems only: nothing for 初始化台账 to repair
    expect(screen.queryByText(t.repair)).toBeNull();
  });

  it('formula damage offers 修复（初始化台账）, which repairs and checks again', async () => {
    const service = new FakeLedgerService({ today: TODAY });
    const damaged: AuditProblem = {
      sheet: '台账',
      row: 5,
      column: 'S',
      header: '预警状态',
      address: 'S5:S9',
      code: 'formula-overwritten',
      message: auditText.at(auditText.whereArea('台账', 'S5:S9', '预警状态'), auditText.formulaOverwritten),
    };
    service.auditReport = auditReportOf([damaged], { ledgerRows: 5, recordRows: 0 });
    await open(service);
    press(t.button);
    expect(await screen.findByText(damaged.message)).toBeInTheDocument();
    expect(screen.getByText(t.repairHint)).toBeInTheDocument();

    fireEvent.click(screen.getByTestId('audit-panel').querySelector('button[data-cell="台账!S5:S9"]')!);
    await waitFor(() => expect(service.selectedCells).toEqual(['台账!S5:S9']));

    service.auditReport = null;
    press(t.repair);
    expect(await screen.findByText(auditText.summaryOk(0, 0))).toBeInTheDocument();
    expect(service.calls.filter((c) => c.method === 'initialise')).toHaveLength(1);
    expect(audits(service)).toHaveLength(2);
    expect(screen.queryByText(t.repair)).toBeNull();
  });

  it('a failed check shows the error and 重试 runs it again', async () => {
    const service = new FakeLedgerService({ today: TODAY, rowErrors });
    service.failNext({ message: 'RichApi.Error: 网络连接中断', methods: ['audit'] });
    await open(service);
    press(t.button);
    expect(await screen.findByText(ui.op.thrown('RichApi.Error: 网络连接中断'))).toBeInTheDocument();
    fireEvent.click(button(t.retry, screen.getByTestId('audit-panel')));
    expect(await screen.findByTestId('audit-summary')).toHaveTextContent(auditText.summary(4, 3));
    expect(audits(service)).toHaveLength(2);
  });
});

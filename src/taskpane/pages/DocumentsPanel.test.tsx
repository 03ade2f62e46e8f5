/** @jest-environment jsdom */
import '../../../test/support/jsdom-shims';
import '@testing-library/jest-dom';
import { configure, screen, within } from '@testing-library/react';
import { makeItem } from '../../domain/testing/itemFactory';
import { documents as d } from '../../i18n/documents';
import type { RoleChoice } from '../roleStore';
import { FakeLedgerService } from '../testing/fakeLedgerService';
import { choose, pick, press, ready, renderApp, requireForm } from '../testing/renderApp';

jest.mock('../download', () => ({
  downloadBlob: jest.fn(),
  copyText: jest.fn(async () => true),
}));
// the renderer is loaded lazily in the pane; here it is stood in for (test/render prints the real one)
jest.mock('../../documents/docx', () => ({ docxBlob: jest.fn(async () => ({ size: 1 })) }));

import { copyText, downloadBlob } from '../download';

configure({ defaultHidden: true });
jest.setTimeout(20_000);

const p = d.pane;
const TODAY = '2026-03-04';
const OFFICE: RoleChoice = { role: '督办员', name: '督办员甲' };
// 交办 03-02: on 03-04 the 1天 report is one working day late (黄); 0043 is still ahead (蓝)
const items = [makeItem({ id: 'DB-2026-0042', content: '更换学生公寓路灯' }), makeItem({ id: 'DB-2026-0043', content: '路面修补', assignedOn: '2026-03-04' })];

async function open(service: FakeLedgerService) {
  renderApp(service, { page: 'lists', role: OFFICE });
  await ready();
  return requireForm('documents');
}

beforeEach(() => jest.clearAllMocks());

describe('文书', () => {
  it('downloads the 督办通知单 and 催办单 of the picked item under their file names', async () => {
    const service = new FakeLedgerService({ today: TODAY, items });
    const form = await open(service);
    pick('DB-2026-0042');
    press(p.noticeDocx, form);
    expect(await screen.findByText(p.downloaded(d.files.notice('DB-2026-0042')))).toBeInTheDocument();
    press(p.urgeDocx, form);
    expect(await screen.findByText(p.downloaded(d.files.urge('DB-2026-0042')))).toBeInTheDocument();
    expect((downloadBlob as jest.Mock).mock.calls.map((c) => c[1])).toEqual(['督办通知单-DB-2026-0042.docx', '催办单-DB-2026-0042.docx']);
    expect(service.calls.filter((c) => c.method === 'documentSource')).toHaveLength(2);
  });

  it('shows the 催办 message with its colour, and copies it', async () => {
    const service = new FakeLedgerService({ today: TODAY, items });
    const form = await open(service);
    pick('DB-2026-0042');
    press(p.message, form);
    expect(await screen.findByText(p.colourIs('黄色催办'))).toBeInTheDocument();
    const box = within(screen.getByTestId('urge-message')).getByRole('textbox') as HTMLTextAreaElement;
    expect(box.value.split('\n')[0]).toBe('【黄色催办】后勤督〔2026〕42-1号 催办单');
    press(p.copy, form);
    expect(await screen.findByText(p.copied)).toBeInTheDocument();
    expect(copyText).toHaveBeenCalledWith(box.value);
  });

  it('a section with nothing overdue gets no 催办单; one with overdue items does', async () => {
    const service = new FakeLedgerService({ today: TODAY, items });
    const form = await open(service);
    choose(p.section, '物业管理科', form);
    press(p.sectionUrgeDocx, form);
    expect(await screen.findByText(p.noOverdue('物业管理科'))).toBeInTheDocument();
    choose(p.section, '工程管理科', form);
    press(p.sectionUrgeDocx, form);
    expect(await screen.findByText(p.downloaded(d.files.sectionUrge('工程管理科', TODAY)))).toBeInTheDocument();
    press(p.sectionUrgeSheet, form);
    expect(await screen.findByText(p.sheetWritten(d.sheets.urge))).toBeInTheDocument();
    expect(service.documentSheets.map((x) => x.kind)).toEqual(['sectionUrge']);
  });

  it('writes the 通知单 into its sheet, and asks for a round before the 督查报告', async () => {
    const service = new FakeLedgerService({ today: TODAY, items });
    const form = await open(service);
    pick('DB-2026-0043');
    press(p.noticeSheet, form);
    expect(await screen.findByText(p.sheetWritten(d.sheets.notice))).toBeInTheDocument();
    expect(service.documentSheets.map((x) => x.kind)).toEqual(['notice']);
    press(p.reportDocx, form);
    expect(await screen.findByText(p.noRound)).toBeInTheDocument();
    expect(downloadBlob).not.toHaveBeenCalled();
  });
});

/** @jest-environment jsdom */
import '../../../test/support/jsdom-shims';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import '@testing-library/jest-dom';
import { createExcelDouble } from '../../excel/double';
import { workbookTools } from '../../excel/workbookTools';
import { platform } from '../../i18n/platform';
import { SelfCheckPanel } from './SelfCheckPanel';

const T = platform.selfCheck;

function renderPanel(profile: 'web' | 'office2019') {
  const xl = createExcelDouble({ sheets: ['台账'], profile });
  render(
    <FluentProvider theme={webLightTheme}>
      <SelfCheckPanel check={workbookTools(xl.run, xl.runOn, xl.office).selfCheck} />
    </FluentProvider>,
  );
  return xl;
}

const button = (text: string) => screen.getAllByRole('button').find((b) => b.textContent === text)!;

test('自检 on the web: a 通过 row per check, the environment, and 复制报告 copies the report', async () => {
  const xl = renderPanel('web');
  const writeText = jest.fn().mockResolvedValue(undefined);
  Object.assign(navigator, { clipboard: { writeText } });
  fireEvent.click(button(T.run));
  await screen.findByText(T.allPassed, undefined, { timeout: 20_000 });
  const rows = document.querySelectorAll('[data-check]');
  expect(rows).toHaveLength(10);
  rows.forEach((r) => expect(r).toHaveAttribute('data-ok', 'true'));
  expect(document.querySelector('[data-set="ExcelApiOnline"]')).toHaveTextContent(T.supported);
  expect(xl.workbook.sheetNames()).toEqual(['台账']);
  fireEvent.click(button(T.copy));
  await waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
  expect(writeText.mock.calls[0][0]).toContain(T.reportTitle);
  expect(await screen.findByText(T.copied)).toBeInTheDocument();
}, 30_000);

test('自检 on an Excel below the manifest: the failures are named in plain Chinese', async () => {
  renderPanel('office2019');
  fireEvent.click(button(T.run));
  await screen.findByText(T.someFailed(3, ['ExcelApi 1.9', T.names.findApostrophe, T.names.pageLayout]), undefined, { timeout: 20_000 });
  expect(document.querySelector('[data-check="pageLayout"]')).toHaveAttribute('data-ok', 'false');
  expect(document.querySelector('[data-check="pageLayout"]')).toHaveTextContent(
    '此版本的 Excel 缺少本加载项需要的功能（Worksheet.pageLayout，属于 ExcelApi 1.9 要求集）',
  );
}, 30_000);

test('without Excel the panel says it needs Excel', () => {
  render(
    <FluentProvider theme={webLightTheme}>
      <SelfCheckPanel check={null} />
    </FluentProvider>,
  );
  expect(screen.getByText(T.unavailable)).toBeInTheDocument();
  expect(button(T.run)).toBeDisabled();
});

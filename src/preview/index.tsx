/**
 * Browser preview (npm run preview): the real task pane and the real Excel adapter, running on an
 * in-memory workbook (the Excel double) holding a sample ledger. No Office: preview.html
 * deliberately does not load office.js.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { ui } from '../i18n';
import { PreviewLayout } from './PreviewLayout';
import { createPreviewWorkbook } from './previewWorkbook';
import { PROFILE_NAMES, type ExcelProfileName } from '../excel/double/profiles';

document.title = ui.preview.documentTitle;
const container = document.getElementById('container');
if (container) {
  const root = createRoot(container);
  root.render(<p style={{ padding: 16 }}>{ui.preview.loading}</p>);
  // ?profile=office2021 (or m365-windows, mac): the in-memory Excel models that build (docs/excel-platforms.md)
  const asked = new URLSearchParams(window.location.search).get('profile');
  const profile = PROFILE_NAMES.find((p): p is ExcelProfileName => p === asked);
  void createPreviewWorkbook(undefined, profile).then((workbook) =>
    root.render(
      <FluentProvider theme={webLightTheme}>
        <PreviewLayout workbook={workbook} />
      </FluentProvider>,
    ),
  );
}

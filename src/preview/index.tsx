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

document.title = ui.preview.documentTitle;
const container = document.getElementById('container');
if (container) {
  const root = createRoot(container);
  root.render(<p style={{ padding: 16 }}>{ui.preview.loading}</p>);
  void createPreviewWorkbook().then((workbook) =>
    root.render(
      <FluentProvider theme={webLightTheme}>
        <PreviewLayout workbook={workbook} />
      </FluentProvider>,
    ),
  );
}

/**
 * Browser preview (npm run preview): the real task pane beside a sample ledger, no Office.
 * preview.html deliberately does not load office.js.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { ui } from '../i18n';
import { PreviewLayout } from './PreviewLayout';
import { createPreviewService } from './previewService';
import { createSampleRun } from './sampleRun';

document.title = ui.preview.documentTitle;
const container = document.getElementById('container');
if (container) {
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <PreviewLayout service={createPreviewService()} run={createSampleRun()} />
    </FluentProvider>,
  );
}

import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { createLedgerService } from '../excel/ledgerGateway';
import { officeRun, officeRunOn } from '../excel/run';
import { workbookTools } from '../excel/workbookTools';
import { ui } from '../i18n';
import { App } from './App';

/* global document, Office */

Office.onReady(() => {
  document.title = ui.app.title;
  const container = document.getElementById('container');
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App service={createLedgerService(officeRun)} tools={workbookTools(officeRun, officeRunOn)} />
    </FluentProvider>,
  );
});

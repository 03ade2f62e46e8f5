import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { workbookTools } from '../excel/workbookTools';
import { ui } from '../i18n';
import { App } from '../taskpane/App';
import type { PreviewWorkbook } from './previewWorkbook';
import { WorkbookGrid } from './WorkbookGrid';
import { SHEET } from '../workbook/sheetNames';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    height: '100vh',
    backgroundColor: tokens.colorNeutralBackground3,
  },
  workbook: {
    flexGrow: 1,
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
  },
  banner: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground2,
  },
  sheet: {
    flexGrow: 1,
    overflow: 'auto',
    // no top padding: the sticky column header then sits flush with the top edge while scrolling
    padding: `0 ${tokens.spacingHorizontalM} ${tokens.spacingHorizontalM}`,
  },
  tabs: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: '1px',
    padding: `0 ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground4,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  tab: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    border: 'none',
    background: 'none',
    cursor: 'pointer',
  },
  activeTab: {
    backgroundColor: tokens.colorNeutralBackground1,
    color: '#107C41',
    fontWeight: tokens.fontWeightSemibold,
    borderBottom: '2px solid #107C41',
  },
  pane: {
    width: '360px',
    flexShrink: 0,
    overflowY: 'auto',
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
    boxShadow: tokens.shadow8,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

/** The preview page: the in-memory workbook on the left (sheet tabs below), the real task pane on the right. */
export function PreviewLayout({ workbook }: { workbook: PreviewWorkbook }): JSX.Element {
  const styles = useStyles();
  const [sheet, setSheet] = useState<string>(SHEET.ledger);
  const [version, setVersion] = useState(0);
  useEffect(() => workbook.subscribe(() => setVersion((v) => v + 1)), [workbook]);
  const sheets = workbook.xl.workbook.sheetNames();
  return (
    <div className={styles.root}>
      <div className={styles.workbook}>
        <Caption1 className={styles.banner}>{ui.preview.banner}</Caption1>
        <div className={styles.sheet}>
          <WorkbookGrid xl={workbook.xl} sheet={sheet} version={version} />
        </div>
        <div className={styles.tabs} role="tablist" aria-label={ui.preview.sheetTabs}>
          {sheets.map((name) => (
            <button
              key={name}
              role="tab"
              aria-selected={name === sheet}
              className={name === sheet ? `${styles.tab} ${styles.activeTab}` : styles.tab}
              onClick={() => setSheet(name)}
            >
              {name}
            </button>
          ))}
        </div>
      </div>
      <aside className={styles.pane} aria-label={ui.preview.taskPane}>
        <App service={workbook.service} tools={workbookTools(workbook.xl.run, workbook.xl.runOn, workbook.xl.office)} />
      </aside>
    </div>
  );
}

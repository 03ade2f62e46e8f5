import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { LedgerService } from '../excel/ledgerService';
import type { ExcelRun } from '../excel/run';
import { ui } from '../i18n';
import { App } from '../taskpane/App';
import { SampleGrid } from './SampleGrid';
import { SAMPLE_SHEETS } from './sampleLedger';

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
    padding: tokens.spacingHorizontalM,
  },
  tabs: {
    display: 'flex',
    gap: '1px',
    padding: `0 ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground4,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  tab: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  activeTab: {
    backgroundColor: tokens.colorNeutralBackground1,
    color: '#107C41',
    fontWeight: tokens.fontWeightSemibold,
    borderBottom: '2px solid #107C41',
  },
  pane: {
    width: '340px',
    flexShrink: 0,
    overflowY: 'auto',
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
    boxShadow: tokens.shadow8,
  },
});

/** The preview page: the sample ledger on the left, the real task pane (fed by `service` and `run`) on the right. */
export function PreviewLayout({ service, run }: { service: LedgerService; run: ExcelRun }): JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <div className={styles.workbook}>
        <Caption1 className={styles.banner}>{ui.preview.banner}</Caption1>
        <div className={styles.sheet}>
          <SampleGrid />
        </div>
        <div className={styles.tabs}>
          {SAMPLE_SHEETS.map((sheet) => (
            <span key={sheet} className={sheet === ui.preview.sheetTab ? `${styles.tab} ${styles.activeTab}` : styles.tab}>
              {sheet}
            </span>
          ))}
        </div>
      </div>
      <aside className={styles.pane} aria-label={ui.preview.taskPane}>
        <App service={service} run={run} />
      </aside>
    </div>
  );
}

import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import { ui } from '../../i18n';
import type { WorkbookInfoState } from '../useWorkbookInfo';
import { InitLedgerPanel } from './InitLedgerPanel';
import { StatusCard } from './StatusCard';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

export interface OverviewPageProps {
  state: WorkbookInfoState;
  onRefresh: () => void;
}

export function OverviewPage({ state, onRefresh }: OverviewPageProps): JSX.Element {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-label={ui.pages.overview}>
      <Body1>{ui.pageIntro.overview}</Body1>
      <StatusCard state={state} onRefresh={onRefresh} />
      <InitLedgerPanel />
    </section>
  );
}

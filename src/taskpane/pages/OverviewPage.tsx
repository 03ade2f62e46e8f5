import { Body1Strong, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { OfficeLike } from '../../excel/capabilities';
import type { ExcelRun, ExcelRunOn } from '../../excel/run';
import { ui } from '../../i18n';
import { AuditPanel } from '../components/AuditPanel';
import { ImportPanel } from '../components/ImportPanel';
import { InitLedgerPanel } from '../components/InitLedgerPanel';
import { ItemList } from '../components/ItemList';
import { PageFrame } from '../components/PageFrame';
import { RowErrorsBanner } from '../components/RowErrorsBanner';
import { SelfCheckPanel } from '../components/SelfCheckPanel';
import { SnapshotGate } from '../components/SnapshotGate';
import { StatusCounts } from '../components/StatusCounts';
import { WorkbookStatus } from '../components/WorkbookStatus';
import { useLedger, useReadyLedger } from '../hooks/useLedger';
import { myOpenItems, statusCounts } from '../ledgerView';

const useStyles = makeStyles({
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/** Items shown in 「我的未办结事项」; the item picker of the working pages reaches the rest. */
const MY_LIMIT = 10;

/** 概览: 预警状态 counts for today, the user's open items (overdue first), row errors, workbook status; 导入科室台账 and 校验台账 (督办员). */
export function OverviewPage({ run, runOn, office }: { run?: ExcelRun; runOn?: ExcelRunOn; office?: OfficeLike }): JSX.Element {
  const { choice } = useLedger();
  return (
    <PageFrame page="overview">
      <SnapshotGate>
        <LedgerOverview />
      </SnapshotGate>
      <WorkbookStatus run={run} />
      <InitLedgerPanel />
      {choice?.role === '督办员' && <ImportPanel />}
      {choice?.role === '督办员' && <AuditPanel />}
      <SelfCheckPanel run={run} runOn={runOn} office={office} />
    </PageFrame>
  );
}

function LedgerOverview(): JSX.Element {
  const styles = useStyles();
  const { snapshot, views, sections, selectedId, select } = useReadyLedger();
  const counts = useMemo(() => statusCounts(views), [views]);
  const mine = useMemo(() => myOpenItems(views, sections), [views, sections]);
  return (
    <>
      <RowErrorsBanner errors={snapshot.rowErrors} />
      <StatusCounts counts={counts} today={snapshot.today} />
      <div className={styles.block}>
        <Body1Strong as="h3">{ui.overview.myTitle}</Body1Strong>
        {mine.length === 0 ? (
          <Caption1>{ui.overview.myEmpty}</Caption1>
        ) : (
          <ItemList views={mine.slice(0, MY_LIMIT)} onPick={select} currentId={selectedId} label={ui.overview.myTitle} />
        )}
        {mine.length > MY_LIMIT && <Caption1>{ui.picker.more(mine.length - MY_LIMIT)}</Caption1>}
      </div>
    </>
  );
}

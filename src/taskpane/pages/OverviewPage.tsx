import { Body1Strong, Button, Caption1, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { WarningStatus } from '../../domain/types';
import type { WorkbookTools } from '../../excel/workbookTools';
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
import { overviewItems, statusCounts } from '../ledgerView';

const useStyles = makeStyles({
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/** Items shown in 「我的未办结事项」; the item picker of the working pages reaches the rest. */
const MY_LIMIT = 10;

/** 概览: 预警状态 counts for today, the user's open items (overdue first), row errors, workbook status; 导入科室台账 and 校验台账 (督办员). */
export function OverviewPage({ tools }: { tools?: WorkbookTools }): JSX.Element {
  const { choice } = useLedger();
  return (
    <PageFrame page="overview">
      <SnapshotGate>
        <LedgerOverview />
      </SnapshotGate>
      <WorkbookStatus readInfo={tools?.readInfo} />
      <InitLedgerPanel />
      {choice?.role === '督办员' && <ImportPanel />}
      {choice?.role === '督办员' && <AuditPanel />}
      <SelfCheckPanel check={tools?.selfCheck ?? null} />
    </PageFrame>
  );
}

/** 预警状态 counts (each a filter), a keyword box, and the items they select (the user's open items by default). */
function LedgerOverview(): JSX.Element {
  const styles = useStyles();
  const { snapshot, views, sections, selectedId, select } = useReadyLedger();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<WarningStatus | null>(null);
  const counts = useMemo(() => statusCounts(views), [views]);
  const list = useMemo(() => overviewItems(views, sections, query, status, snapshot.people), [views, sections, query, status, snapshot.people]);
  const filtered = query.trim() !== '' || status !== null;
  const title = filtered ? ui.overview.foundTitle(list.length) : ui.overview.myTitle;
  return (
    <>
      <RowErrorsBanner errors={snapshot.rowErrors} />
      <StatusCounts counts={counts} today={snapshot.today} filter={status} onFilter={setStatus} />
      <div className={styles.block}>
        <Field label={ui.overview.search}>
          <Input type="search" value={query} placeholder={ui.picker.searchPlaceholder} onChange={(_, d) => setQuery(d.value)} />
        </Field>
        <Body1Strong as="h3">{title}</Body1Strong>
        {list.length === 0 ? (
          <Caption1>{filtered ? ui.picker.none : ui.overview.myEmpty}</Caption1>
        ) : (
          <ItemList views={list.slice(0, MY_LIMIT)} onPick={select} currentId={selectedId} label={title} />
        )}
        {list.length > MY_LIMIT && <Caption1>{ui.picker.more(list.length - MY_LIMIT)}</Caption1>}
        {filtered && (
          <Button
            size="small"
            appearance="subtle"
            onClick={() => {
              setQuery('');
              setStatus(null);
            }}
          >
            {ui.overview.clear}
          </Button>
        )}
      </div>
    </>
  );
}

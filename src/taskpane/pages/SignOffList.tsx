import { Button, Caption1, Link, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { StoredRecord } from '../../excel/ledgerService';
import { ui } from '../../i18n';
import { FormSection } from '../components/FormSection';
import { useReadyLedger } from '../hooks/useLedger';
import type { Operation } from '../hooks/useOperation';
import { unsignedReports } from '../ledgerView';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS },
});

/** 审签 (分管领导): the unsigned node reports of the sections the leader oversees, each signed by one click. */
export function SignOffList({ op }: { op: Operation }): JSX.Element {
  const styles = useStyles();
  const { service, snapshot, sections, select } = useReadyLedger();
  const records = useMemo(
    () => unsignedReports(snapshot.records, snapshot.items, sections),
    [snapshot.records, snapshot.items, sections],
  );
  const sign = (record: StoredRecord) =>
    void op.run(`审签:${record.itemId}:${record.opId}`, async (step) => {
      await step('act', (ctx) => service.act(record.itemId, { type: '审签', record }, ctx));
      return ui.report.signDone(record.itemId, record.type);
    });

  return (
    <FormSection id="sign" title={ui.report.signTitle}>
      {records.length === 0 && <Caption1>{ui.report.signEmpty}</Caption1>}
      <ul className={styles.list}>
        {records.map((record) => (
          <li key={`${record.itemId}-${record.opId}`} className={styles.row} data-record={record.opId}>
            <Link as="button" onClick={() => select(record.itemId)}>
              {ui.report.record(record.itemId, record.type, record.date)}
            </Link>
            <Caption1>{record.content}</Caption1>
            <Button size="small" appearance="primary" disabled={op.busy} onClick={() => sign(record)}>
              {ui.report.sign}
            </Button>
          </li>
        ))}
      </ul>
    </FormSection>
  );
}

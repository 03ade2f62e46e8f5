import { Button, Caption1, Field, Link, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { SIGN_OFF_COMMENT_MAX } from '../../domain/signOffReturn';
import type { StoredRecord } from '../../excel/ledgerService';
import { ui } from '../../i18n';
import { FormSection } from '../components/FormSection';
import { useReadyLedger } from '../hooks/useLedger';
import type { Operation } from '../hooks/useOperation';
import { unsignedReports } from '../ledgerView';
import { checkText } from '../validate';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  comment: { alignSelf: 'stretch' },
});

/**
 * 审签 (分管领导): the unsigned node reports of the sections the leader oversees, each signed by one
 * click, or sent back (审签退回) with a comment the section then sees; a report sent back leaves the list.
 */
export function SignOffList({ op }: { op: Operation }): JSX.Element {
  const styles = useStyles();
  const { snapshot, sections } = useReadyLedger();
  const records = useMemo(() => unsignedReports(snapshot.records, snapshot.items, sections), [snapshot.records, snapshot.items, sections]);

  return (
    <FormSection id="sign" title={ui.report.signTitle}>
      {records.length === 0 && <Caption1>{ui.report.signEmpty}</Caption1>}
      <ul className={styles.list}>
        {records.map((record) => (
          <SignOffRow key={`${record.itemId}-${record.opId}`} record={record} op={op} />
        ))}
      </ul>
    </FormSection>
  );
}

function SignOffRow({ record, op }: { record: StoredRecord; op: Operation }): JSX.Element {
  const styles = useStyles();
  const { service, select } = useReadyLedger();
  const r = ui.report;
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const [shown, setShown] = useState(false);
  const problem = checkText(comment, { label: r.sendBackComment, max: SIGN_OFF_COMMENT_MAX, required: true });

  const sign = () =>
    void op.run(`审签:${record.itemId}:${record.opId}`, async (step) => {
      await step('act', (ctx) => service.act(record.itemId, { type: '审签', record }, ctx));
      return r.signDone(record.itemId, record.type);
    });
  const sendBack = () => {
    setShown(true);
    if (problem) return;
    void op.run(`审签退回:${record.itemId}:${record.opId}`, async (step) => {
      await step('act', (ctx) => service.act(record.itemId, { type: '审签退回', record, comment }, ctx));
      return r.sendBackDone(record.itemId, record.type);
    });
  };
  const cancel = () => {
    setReturning(false);
    setComment('');
    setShown(false);
  };

  return (
    <li className={styles.row} data-record={record.opId}>
      <Link as="button" onClick={() => select(record.itemId)}>
        {r.record(record.itemId, record.type, record.date)}
      </Link>
      <Caption1>{record.content}</Caption1>
      {returning && (
        <Field className={styles.comment} label={r.sendBackComment} hint={r.sendBackHint} required validationMessage={shown ? problem : undefined}>
          <Textarea value={comment} onChange={(_, d) => setComment(d.value)} resize="vertical" />
        </Field>
      )}
      <div className={styles.buttons}>
        {returning ? (
          <>
            <Button size="small" appearance="primary" disabled={op.busy} onClick={sendBack}>
              {r.sendBackConfirm}
            </Button>
            <Button size="small" disabled={op.busy} onClick={cancel}>
              {r.sendBackCancel}
            </Button>
          </>
        ) : (
          <>
            <Button size="small" appearance="primary" disabled={op.busy} onClick={sign}>
              {r.sign}
            </Button>
            <Button size="small" disabled={op.busy} onClick={() => setReturning(true)}>
              {r.sendBack}
            </Button>
          </>
        )}
      </div>
    </li>
  );
}

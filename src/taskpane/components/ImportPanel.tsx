import {
  Body1Strong,
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { LEDGER_INPUT_COLUMNS } from '../../domain/validation';
import { cellDate, type CellValue } from '../../excel/cells';
import type { ImportOutcome, ImportPreview, UndoOutcome } from '../../excel/importRows';
import { ui } from '../../i18n';
import { useLedger, useLedgerOperation, useReadyLedger } from '../hooks/useLedger';
import { errorText } from '../hooks/useSnapshot';
import { FormActions, FormSection } from './FormSection';
import { OperationMessage } from './OperationMessage';

const t = ui.ledgerImport;

const DATE_HEADERS = new Set(LEDGER_INPUT_COLUMNS.filter((c) => c.kind === 'date').map((c) => c.header));

/** A cell of the preview as the user reads it: dates as dates, a blank as 「（空）」. */
export function shownCell(header: string, value: CellValue | null | undefined): string {
  if (value === null || value === undefined || value === '') return t.blank;
  if (DATE_HEADERS.has(header) && typeof value === 'number') return cellDate(value) ?? String(value);
  return String(value);
}

const useStyles = makeStyles({
  counts: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  pair: { display: 'flex', gap: tokens.spacingHorizontalXS },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type PreviewState =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; preview: ImportPreview; seq: number }
  | { kind: 'failed'; message: string };

/** 导入科室台账 (督办员, on 概览): shown once the ledger has been read and is initialised. */
export function ImportPanel(): JSX.Element | null {
  const { snapshot } = useLedger();
  if (!snapshot?.initialised) return null;
  return <ImportForm />;
}

/**
 * Paste → 预览 (nothing written) → 确认导入 (ONE operation id, kept across 重试) → 撤销本次导入.
 * Editing the pasted text drops the preview; a failure keeps the text and the preview.
 */
function ImportForm(): JSX.Element {
  const styles = useStyles();
  const { service } = useReadyLedger();
  const applyOp = useLedgerOperation();
  const undoOp = useLedgerOperation();
  const [text, setText] = useState('');
  const [state, setState] = useState<PreviewState>({ kind: 'idle' });
  const [applied, setApplied] = useState<ImportOutcome | null>(null);
  const [undone, setUndone] = useState<UndoOutcome | null>(null);
  const seq = useRef(0);

  const preview = state.kind === 'done' ? state.preview : null;
  const applicable = preview !== null && preview.add.length + preview.update.length > 0;
  const busy = state.kind === 'busy' || applyOp.busy || undoOp.busy;

  const runPreview = async () => {
    if (busy) return;
    if (text.trim() === '') {
      setState({ kind: 'failed', message: t.empty });
      return;
    }
    setState({ kind: 'busy' });
    try {
      const r = await service.previewImport(text);
      if (r.ok) {
        seq.current += 1;
        setState({ kind: 'done', preview: r.value, seq: seq.current });
      } else {
        setState({ kind: 'failed', message: r.error.message });
      }
    } catch (error) {
      setState({ kind: 'failed', message: ui.op.thrown(errorText(error)) });
    }
  };

  const confirm = () => {
    if (state.kind !== 'done' || !applicable) return;
    const chosen = state.preview;
    void applyOp.run(
      `导入:${state.seq}`,
      async (step) => {
        const outcome = await step('import', (ctx) => service.applyImport(chosen, ctx));
        setApplied(outcome);
        setUndone(null);
        return t.applied(outcome.added.length, outcome.updated.length, outcome.skipped.length, outcome.opId);
      },
      () => {
        setText('');
        setState({ kind: 'idle' });
      },
    );
  };

  const undo = () => {
    if (!applied) return;
    const opId = applied.opId;
    void undoOp.run(`撤销导入:${opId}`, async (step) => {
      const outcome = await step('undo', (ctx) => service.undoImport(opId, ctx));
      setUndone(outcome);
      return t.undone(opId, outcome.restored.length, outcome.already.length, outcome.skipped.length);
    });
  };

  const counts: [key: keyof typeof t.counts, n: number][] = preview
    ? [
        ['add', preview.add.length],
        ['update', preview.update.length],
        ['unchanged', preview.unchanged.length],
        ['errors', preview.errors.length],
        ['duplicates', preview.duplicates.length],
      ]
    : [];

  return (
    <>
      <FormSection id="import" title={t.title}>
        <Caption1>{t.hint}</Caption1>
        <Field label={t.text}>
          <Textarea
            value={text}
            placeholder={t.placeholder}
            rows={6}
            resize="vertical"
            onChange={(_, d) => {
              setText(d.value);
              if (state.kind === 'done') setState({ kind: 'idle' });
            }}
          />
        </Field>
        <FormActions>
          <Button disabled={busy} onClick={() => void runPreview()}>
            {t.preview}
          </Button>
          <Button appearance="primary" disabled={busy || !applicable} onClick={confirm}>
            {t.confirm}
          </Button>
          {applied && (
            <Button disabled={busy} onClick={undo}>
              {t.undo}
            </Button>
          )}
        </FormActions>
        {state.kind === 'busy' && <Spinner size="tiny" label={t.previewBusy} labelPosition="after" />}
        {state.kind === 'failed' && (
          <MessageBar intent="error" politeness="assertive">
            <MessageBarBody>
              <MessageBarTitle>{t.previewFailed}</MessageBarTitle>
              {state.message}
            </MessageBarBody>
          </MessageBar>
        )}
        {preview && (
          <section aria-labelledby="import-preview-title" data-testid="import-preview">
            <Body1Strong as="h4" id="import-preview-title">
              {t.resultTitle}
            </Body1Strong>
            <dl className={styles.counts} aria-label={t.countsLabel}>
              {counts.map(([key, n]) => (
                <div key={key} className={styles.pair} data-count={key}>
                  <dt className={styles.term}>{t.counts[key]}</dt>
                  <dd className={styles.value}>{n}</dd>
                </div>
              ))}
            </dl>
            {!applicable && <Caption1>{t.nothing}</Caption1>}
            <Messages title={t.problemsTitle} id="problems" messages={preview.problems} />
            <Messages title={t.errorsTitle} id="errors" messages={preview.errors.map((e) => e.message)} />
            <Messages title={t.duplicatesTitle} id="duplicates" messages={preview.duplicates.map((d) => d.message)} />
            {preview.update.length > 0 && (
              <>
                <Body1Strong as="h4">{t.updatesTitle}</Body1Strong>
                <ul className={styles.list} data-testid="import-updates">
                  {preview.update.map((u) => (
                    <li key={`${u.pastedRow}`} data-update={u.id}>
                      {t.updateHeading(u.id, u.pastedRow)}
                      <ul className={styles.list}>
                        {u.changes.map((c) => (
                          <li key={c.header}>{t.change(c.header, shownCell(c.header, c.before), shownCell(c.header, c.after))}</li>
                        ))}
                      </ul>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        )}
      </FormSection>
      <OperationMessage op={applyOp} />
      {applied && <Messages title={t.skippedTitle} id="skipped" messages={applied.skipped.map((s) => s.message)} />}
      <OperationMessage op={undoOp} />
      {undone && <Messages title={t.skippedTitle} id="undo-skipped" messages={undone.skipped.map((s) => s.message)} />}
    </>
  );
}

function Messages({ title, id, messages }: { title: string; id: string; messages: string[] }): JSX.Element | null {
  const styles = useStyles();
  if (messages.length === 0) return null;
  return (
    <>
      <Body1Strong as="h4">{title}</Body1Strong>
      <ul className={styles.list} data-testid={`import-${id}`}>
        {messages.map((m, i) => (
          <li key={i}>{m}</li>
        ))}
      </ul>
    </>
  );
}

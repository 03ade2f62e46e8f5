import {
  Body1Strong,
  Button,
  Caption1,
  Checkbox,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { ImportPreview } from '../../domain/import';
import type { ImportOrigin } from '../../domain/import/rowReading';
import { serialToIso } from '../../domain/parseDate';
import { ASSIGN_LEVELS, ITEM_KINDS, SOURCE_CATEGORIES } from '../../domain/types';
import { LEDGER_INPUT_COLUMNS } from '../../domain/validation';
import type { ImportOutcome, ImportRequest } from '../../excel/importApply';
import type { UndoOutcome } from '../../excel/importUndo';
import { importText, ui } from '../../i18n';
import { useLedger, useLedgerOperation, useReadyLedger } from '../hooks/useLedger';
import type { Operation } from '../hooks/useOperation';
import { errorText } from '../hooks/useSnapshot';
import { FormActions, FormSection } from './FormSection';
import { ImportFilePicker } from './ImportFilePicker';
import { MappingChoices } from './ImportMapping';
import { OperationMessage } from './OperationMessage';

const t = importText.panel;

const DATE_HEADERS = new Set(LEDGER_INPUT_COLUMNS.filter((c) => c.kind === 'date').map((c) => c.header));

/** A cell of the preview as the user reads it: dates as dates, a blank as 「（空）」. */
export function shownCell(header: string, value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined || value === '') return t.blank;
  if (DATE_HEADERS.has(header) && typeof value === 'number' && Number.isFinite(value) && value >= 1) return serialToIso(value);
  return String(value);
}

/** The columns a section's sheet usually lacks, with the values new rows take when they are blank. */
const DEFAULT_CHOICES: { header: string; options: readonly string[]; initial: string }[] = [
  { header: '来源类别', options: SOURCE_CATEGORIES, initial: '' },
  { header: '交办层级', options: ASSIGN_LEVELS, initial: '台账其他任务' },
  { header: '事项类型', options: ITEM_KINDS, initial: '一般' },
];
const initialDefaults = () => Object.fromEntries(DEFAULT_CHOICES.map((c) => [c.header, c.initial]));

const useStyles = makeStyles({
  counts: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  pair: { display: 'flex', gap: tokens.spacingHorizontalXS },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  fieldset: { border: 'none', margin: 0, padding: 0, minWidth: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  /** a long option (来源类别) must not widen the pane */
  choice: { minWidth: 0 },
  suggestions: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS },
});

type PreviewState = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; preview: ImportPreview; seq: number } | { kind: 'failed'; message: string };

/** 导入科室台账 (督办员, on 概览): shown once the ledger has been read and is initialised. */
export function ImportPanel(): JSX.Element | null {
  const { snapshot } = useLedger();
  if (!snapshot?.initialised) return null;
  return <ImportForm />;
}

/** The picked sheet's place for messages, while the text is still what was read from it. */
function withOrigin(request: ImportRequest, block: string, from: { text: string; origin: ImportOrigin } | null): ImportRequest {
  return from?.text === block ? { ...request, origin: from.origin } : request;
}

/**
 * Paste → 预览 (nothing written) → 确认导入 (ONE operation id, kept across 重试) → 撤销本次导入.
 * Editing the pasted text or a choice drops the preview; a failure keeps the text and the preview.
 */
function ImportForm(): JSX.Element {
  const { service } = useReadyLedger();
  const applyOp = useLedgerOperation();
  const undoOp = useLedgerOperation();
  const [text, setText] = useState('');
  const [assigned, setAssigned] = useState(false);
  const [defaults, setDefaults] = useState<Record<string, string>>(initialDefaults);
  const [aliases, setAliases] = useState<Record<string, string>>({});
  const [columns, setColumns] = useState<Record<string, string>>({});
  // the picked file's sheet the text came from: its row numbers hold while the text is as read
  const [origin, setOrigin] = useState<{ text: string; origin: ImportOrigin } | null>(null);
  const [state, setState] = useState<PreviewState>({ kind: 'idle' });
  const [applied, setApplied] = useState<ImportOutcome | null>(null);
  const [undone, setUndone] = useState<UndoOutcome | null>(null);
  const seq = useRef(0);

  const preview = state.kind === 'done' ? state.preview : null;
  const applicable = preview !== null && preview.add.length + preview.update.length > 0;
  const busy = state.kind === 'busy' || applyOp.busy || undoOp.busy;
  const request = (sectionAliases = aliases, columnTargets = columns, block = text, from = origin): ImportRequest =>
    withOrigin({ assigned, defaults, sectionAliases, columnTargets }, block, from);
  /** A change to the text or a choice: the preview no longer says what would be imported. */
  const changed =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      if (state.kind === 'done') setState({ kind: 'idle' });
    };

  const runPreview = async (req = request(), block = text) => {
    if (busy) return;
    if (block.trim() === '') return setState({ kind: 'failed', message: t.empty });
    setState({ kind: 'busy' });
    try {
      const r = await service.previewImport(block, req);
      seq.current += 1;
      setState(r.ok ? { kind: 'done', preview: r.value, seq: seq.current } : { kind: 'failed', message: r.error.message });
    } catch (error) {
      setState({ kind: 'failed', message: ui.op.thrown(errorText(error)) });
    }
  };

  /** A 科室 suggestion taken or a column's target changed: previewed again at once. */
  const rechoose = (next: { aliases?: Record<string, string>; columns?: Record<string, string> }) => {
    if (next.aliases) setAliases(next.aliases);
    if (next.columns) setColumns(next.columns);
    void runPreview(request(next.aliases ?? aliases, next.columns ?? columns));
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
        return t.applied(
          outcome.added.map((a) => a.id),
          outcome.updated.length,
          outcome.skipped.length,
        );
      },
      () => {
        setText('');
        setAliases({});
        setColumns({});
        setState({ kind: 'idle' });
      },
    );
  };

  const undo = () => {
    if (!applied || undone) return;
    const opId = applied.opId;
    void undoOp.run(`撤销导入:${opId}`, async (step) => {
      const outcome = await step('undo', (ctx) => service.undoImport(opId, ctx));
      setUndone(outcome);
      return t.undone(outcome.removed.length, outcome.restored.length, outcome.already.length, outcome.skipped.length);
    });
  };

  return (
    <>
      <FormSection id="import" title={t.title}>
        <Caption1>{t.hint}</Caption1>
        <Field label={t.text}>
          <Textarea value={text} placeholder={t.placeholder} rows={6} resize="vertical" onChange={(_, d) => changed(setText)(d.value)} />
        </Field>
        <ImportFilePicker
          disabled={busy}
          onBlock={(block, from) => {
            setText(block);
            setOrigin({ text: block, origin: from });
            void runPreview(request(aliases, columns, block, { text: block, origin: from }), block);
          }}
        />
        <Choices
          assigned={assigned}
          defaults={defaults}
          onAssigned={changed(setAssigned)}
          onDefault={(h, v) => changed(setDefaults)({ ...defaults, [h]: v })}
        />
        <Actions
          busy={busy}
          applicable={applicable}
          canUndo={applied ? undone === null : null}
          onPreview={() => void runPreview()}
          onConfirm={confirm}
          onUndo={undo}
        />
        {state.kind === 'busy' && <Spinner size="tiny" label={t.previewBusy} labelPosition="after" />}
        {state.kind === 'failed' && <PreviewFailed message={state.message} />}
        {preview && (
          <PreviewResult
            preview={preview}
            applicable={applicable}
            busy={busy}
            onAccept={(typed, suggested) => rechoose({ aliases: { ...aliases, [typed]: suggested } })}
            onChoose={(pasted, target) => rechoose({ columns: { ...columns, [pasted]: target } })}
          />
        )}
      </FormSection>
      <Outcomes applyOp={applyOp} undoOp={undoOp} applied={applied} undone={undone} />
    </>
  );
}

interface ActionsProps {
  busy: boolean;
  applicable: boolean;
  /** null: nothing imported yet (no undo button) */
  canUndo: boolean | null;
  onPreview: () => void;
  onConfirm: () => void;
  onUndo: () => void;
}

function Actions({ busy, applicable, canUndo, onPreview, onConfirm, onUndo }: ActionsProps): JSX.Element {
  return (
    <FormActions>
      <Button disabled={busy} onClick={onPreview}>
        {t.preview}
      </Button>
      <Button appearance="primary" disabled={busy || !applicable} onClick={onConfirm}>
        {t.confirm}
      </Button>
      {canUndo !== null && (
        <Button disabled={busy || !canUndo} onClick={onUndo}>
          {t.undo}
        </Button>
      )}
    </FormActions>
  );
}

function PreviewFailed({ message }: { message: string }): JSX.Element {
  return (
    <MessageBar intent="error" politeness="assertive">
      <MessageBarBody>
        <MessageBarTitle>{t.previewFailed}</MessageBarTitle>
        {message}
      </MessageBarBody>
    </MessageBar>
  );
}

interface OutcomeProps {
  applyOp: Operation;
  undoOp: Operation;
  applied: ImportOutcome | null;
  undone: UndoOutcome | null;
}

/** What 确认导入 and 撤销本次导入 did; once undone, only the undo's outcome: the import it cancelled is history. */
function Outcomes({ applyOp, undoOp, applied, undone }: OutcomeProps): JSX.Element {
  return (
    <>
      {!undone && <OperationMessage op={applyOp} />}
      {applied && !undone && <Messages title={t.skippedTitle} id="skipped" messages={applied.skipped.map((s) => s.message)} />}
      <OperationMessage op={undoOp} />
      {undone && <Messages title={t.skippedTitle} id="undo-skipped" messages={undone.skipped.map((s) => s.message)} />}
    </>
  );
}

interface ChoicesProps {
  assigned: boolean;
  defaults: Record<string, string>;
  onAssigned: (assigned: boolean) => void;
  onDefault: (header: string, value: string) => void;
}

/** The clerk's choices for the whole block: already assigned or not, and values for blank columns. */
function Choices({ assigned, defaults, onAssigned, onDefault }: ChoicesProps): JSX.Element {
  return (
    <>
      <Checkbox label={t.assigned} checked={assigned} onChange={(_, d) => onAssigned(d.checked === true)} />
      <DefaultChoices values={defaults} onChange={onDefault} />
    </>
  );
}

/** The values new rows take in the columns a section's sheet leaves blank or lacks. */
function DefaultChoices({ values, onChange }: { values: Record<string, string>; onChange: (header: string, value: string) => void }): JSX.Element {
  const styles = useStyles();
  return (
    <fieldset className={styles.fieldset}>
      <Body1Strong as="h4">{t.defaultsTitle}</Body1Strong>
      <Caption1>{t.defaultsHint}</Caption1>
      {DEFAULT_CHOICES.map((c) => (
        <Field key={c.header} label={c.header}>
          <Select className={styles.choice} value={values[c.header] ?? ''} onChange={(_, d) => onChange(c.header, d.value)}>
            <option value="">{t.noDefault}</option>
            {c.options.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </Select>
        </Field>
      ))}
    </fieldset>
  );
}

interface PreviewProps {
  preview: ImportPreview;
  applicable: boolean;
  busy: boolean;
  onAccept: (typed: string, suggested: string) => void;
  onChoose: (pasted: string, target: string) => void;
}

/** The preview: counts (errors by row), how columns and cells were read, what goes wrong, what changes. */
function PreviewResult({ preview, applicable, busy, onAccept, onChoose }: PreviewProps): JSX.Element {
  const styles = useStyles();
  const counts: [key: keyof typeof t.counts, n: number][] = [
    ['add', preview.add.length],
    ['update', preview.update.length],
    ['unchanged', preview.unchanged.length],
    ['errors', preview.errorRows.length],
    ['duplicates', preview.duplicates.length],
  ];
  // one button per distinct typed name
  const suggestions = [...new Map(preview.suggestions.map((s) => [s.typed, s])).values()];
  return (
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
      {suggestions.length > 0 && (
        <div className={styles.suggestions} data-testid="import-suggestions">
          {suggestions.map((s) => (
            <Button key={s.typed} size="small" disabled={busy} onClick={() => onAccept(s.typed, s.suggested)}>
              {t.useSuggestion(s.typed, s.suggested)}
            </Button>
          ))}
        </div>
      )}
      <Messages title={t.duplicatesTitle} id="duplicates" messages={preview.duplicates.map((d) => d.message)} />
      <MappingChoices mapping={preview.mapping} busy={busy} onChoose={onChoose} />
      <Messages title={t.defaultsUsedTitle} id="defaults" messages={preview.add.length > 0 ? preview.defaultsUsed : []} />
      <Messages title={t.notesTitle} id="notes" messages={preview.notes.map((n) => n.message)} />
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
  );
}

function Messages({ title, id, messages }: { title: string; id: string; messages: string[] }): JSX.Element | null {
  const styles = useStyles();
  if (messages.length === 0) return null;
  return (
    <>
      <Body1Strong as="h4">{title}</Body1Strong>
      <ul className={styles.list} data-testid={`import-${id}`}>
        {messages.map((msg, i) => (
          <li key={i}>{msg}</li>
        ))}
      </ul>
    </>
  );
}

import { Button, Caption1, Field, makeStyles, Select, Spinner, tokens } from '@fluentui/react-components';
import { useId, useRef, useState, type ChangeEvent } from 'react';
import { toClipboardText } from '../../domain/import/sheetRows';
import { importText } from '../../i18n/import';
import type { ImportOrigin } from '../../domain/import/rowReading';
import { readXlsxSheets, type PickedSheet } from '../xlsxFile';

const t = importText.file;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  /** the browser's own file control is not shown (its words follow the browser's language): the button opens it */
  input: { display: 'none' },
  pick: { alignSelf: 'flex-start' },
  choice: { minWidth: 0 },
  failed: { color: tokens.colorPaletteRedForeground1 },
});

type FileState =
  { kind: 'idle' } | { kind: 'reading' } | { kind: 'read'; fileName: string; sheets: PickedSheet[]; sheet: string } | { kind: 'failed'; message: string };

const dataRows = (s: PickedSheet) => Math.max(0, s.records.length - 1);

/**
 * 选择科室的 .xlsx: the file is read in the pane (exceljs loaded only now), a sheet chosen (the
 * first with rows, by default), and its rows handed on as the block a paste would give — the same
 * preview follows.
 */
export function ImportFilePicker({ disabled, onBlock }: { disabled: boolean; onBlock: (text: string, origin: ImportOrigin) => void }): JSX.Element {
  const styles = useStyles();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<FileState>({ kind: 'idle' });

  const use = (fileName: string, sheets: PickedSheet[], sheet: PickedSheet) => {
    setState({ kind: 'read', fileName, sheets, sheet: sheet.name });
    onBlock(toClipboardText(sheet.records), { sheet: t.origin(fileName, sheet.name), firstRow: sheet.firstRow });
  };

  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ''; // the same file again re-reads it
    if (!file) return;
    if (!/\.xlsx$/i.test(file.name)) return setState({ kind: 'failed', message: t.notXlsx(file.name) });
    setState({ kind: 'reading' });
    try {
      const sheets = await readXlsxSheets(await file.arrayBuffer());
      const first = sheets.find((s) => dataRows(s) > 0);
      if (!first) return setState({ kind: 'failed', message: t.noRows(file.name) });
      use(file.name, sheets, first);
    } catch {
      setState({ kind: 'failed', message: t.unreadable(file.name) });
    }
  };

  return (
    <div className={styles.root}>
      <Caption1 id={id}>{t.label}</Caption1>
      <input
        ref={input}
        className={styles.input}
        type="file"
        aria-labelledby={id}
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        disabled={disabled || state.kind === 'reading'}
        onChange={(e) => void pick(e)}
      />
      <Button className={styles.pick} size="small" aria-describedby={id} disabled={disabled || state.kind === 'reading'} onClick={() => input.current?.click()}>
        {t.pick}
      </Button>
      {state.kind === 'reading' && <Spinner size="tiny" label={t.reading} labelPosition="after" />}
      {state.kind === 'failed' && (
        <Caption1 role="alert" className={styles.failed}>
          {state.message}
        </Caption1>
      )}
      {state.kind === 'read' && state.sheets.length > 1 && (
        <Field label={t.sheet}>
          <Select
            className={styles.choice}
            value={state.sheet}
            disabled={disabled}
            onChange={(_, d) => {
              const s = state.sheets.find((x) => x.name === d.value);
              if (s) use(state.fileName, state.sheets, s);
            }}
          >
            {state.sheets.map((s) => (
              <option key={s.name} value={s.name}>
                {t.sheetOption(s.name, dataRows(s))}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {state.kind === 'read' && (
        <Caption1 data-testid="import-file-read">{t.read(state.fileName, state.sheet, dataRows(state.sheets.find((s) => s.name === state.sheet)!))}</Caption1>
      )}
    </div>
  );
}

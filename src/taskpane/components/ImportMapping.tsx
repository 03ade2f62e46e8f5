import { Body1Strong, Caption1, Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import { IMPORT_TARGETS, INTO_NOTE, LEAVE_OUT, type ImportPreview } from '../../domain/import';
import { importText } from '../../i18n/import';

const m = importText.mapping;

const useStyles = makeStyles({
  root: { border: 'none', margin: 0, padding: 0, minWidth: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  choice: { minWidth: 0 },
});

type Column = ImportPreview['mapping'][number];

/** What the column's dropdown shows: its ledger column, or 并入备注 / 不导入. */
const valueOf = (x: Column) => x.target ?? (x.kind === 'note' ? INTO_NOTE : LEAVE_OUT);

/** Why the column goes where it goes (the user's choice, the same name, a usual name, …). */
function hintOf(x: Column): string {
  if (x.kind === 'duplicate' && x.duplicateOf) return m.hints.duplicate(x.duplicateOf.column, x.duplicateOf.target);
  return m.hints[x.kind === 'duplicate' ? 'ignored' : x.kind];
}

/**
 * 列的对应: one dropdown per pasted column — a ledger column, 并入备注 (as "列名：内容") or 不导入.
 * A change previews again; 确认导入 then remembers the choices in 设置 (导入列映射).
 */
export function MappingChoices({
  mapping,
  busy,
  onChoose,
}: {
  mapping: readonly Column[];
  busy: boolean;
  onChoose: (pasted: string, target: string) => void;
}): JSX.Element | null {
  const styles = useStyles();
  if (mapping.length === 0) return null;
  return (
    <fieldset className={styles.root} data-testid="import-mapping">
      <Body1Strong as="h4">{m.title}</Body1Strong>
      <Caption1>{m.hint}</Caption1>
      {mapping.map((x) => (
        <Field key={x.column} label={m.label(x.column, x.pasted)} hint={hintOf(x)}>
          <Select className={styles.choice} value={valueOf(x)} disabled={busy} data-column={x.column} onChange={(_, d) => onChoose(x.pasted, d.value)}>
            {IMPORT_TARGETS.map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
            <option value={INTO_NOTE}>{INTO_NOTE}</option>
            <option value={LEAVE_OUT}>{LEAVE_OUT}</option>
          </Select>
        </Field>
      ))}
    </fieldset>
  );
}

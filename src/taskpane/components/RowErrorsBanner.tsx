import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import type { CellError } from '../../domain/validation';
import { ui } from '../../i18n';
import { groupRowErrors } from '../ledgerView';

const useStyles = makeStyles({
  groups: { margin: `${tokens.spacingVerticalXS} 0 0`, padding: 0, listStyleType: 'none' },
  row: { fontWeight: tokens.fontWeightSemibold },
  messages: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** Rows of the workbook that failed validation, by sheet and row, each message as the reader gave it. */
export function RowErrorsBanner({ errors }: { errors: readonly CellError[] }): JSX.Element | null {
  const styles = useStyles();
  if (errors.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="row-errors">
      <MessageBarBody>
        <MessageBarTitle>{ui.overview.rowErrorsTitle(errors.length)}</MessageBarTitle>
        {ui.overview.rowErrorsBody}
        <ul className={styles.groups}>
          {groupRowErrors(errors).map((group) => (
            <li key={`${group.sheet}-${group.row}`} data-row={`${group.sheet}!${group.row}`}>
              <span className={styles.row}>{ui.overview.rowHeading(group.sheet, group.row)}</span>
              <ul className={styles.messages}>
                {group.errors.map((e, i) => (
                  <li key={i} data-column={e.column}>
                    {e.message}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

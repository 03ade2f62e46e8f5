import { makeStyles, tokens } from '@fluentui/react-components';
import { ui } from '../i18n';
import { SAMPLE_ROWS, WARNING_COLOURS, type SampleRow } from './sampleLedger';

const COLUMNS: ReadonlyArray<{ key: keyof SampleRow; label: string; width: string }> = [
  { key: 'id', label: ui.preview.columns.id, width: '120px' },
  { key: 'content', label: ui.preview.columns.content, width: 'auto' },
  { key: 'section', label: ui.preview.columns.section, width: '110px' },
  { key: 'assignedOn', label: ui.preview.columns.assignedOn, width: '104px' },
  { key: 'state', label: ui.preview.columns.state, width: '84px' },
  { key: 'warning', label: ui.preview.columns.warning, width: '84px' },
];

const useStyles = makeStyles({
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    tableLayout: 'fixed',
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    textAlign: 'left',
  },
  head: {
    backgroundColor: '#1F4E79',
    color: '#FFFFFF',
    fontWeight: tokens.fontWeightSemibold,
  },
  rowNumber: {
    width: '36px',
    textAlign: 'center',
    color: tokens.colorNeutralForeground3,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  warning: { textAlign: 'center', fontWeight: tokens.fontWeightSemibold },
});

/** The sample 台账 rows drawn like a worksheet, 预警状态 in its warning colour. */
export function SampleGrid(): JSX.Element {
  const styles = useStyles();
  return (
    <table className={styles.table} aria-label={ui.preview.sheetTab}>
      <colgroup>
        <col style={{ width: '36px' }} />
        {COLUMNS.map((column) => (
          <col key={column.key} style={{ width: column.width }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th className={`${styles.cell} ${styles.rowNumber}`}>1</th>
          {COLUMNS.map((column) => (
            <th key={column.key} className={`${styles.cell} ${styles.head}`}>
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {SAMPLE_ROWS.map((row, index) => (
          <tr key={row.id}>
            <td className={`${styles.cell} ${styles.rowNumber}`}>{index + 2}</td>
            <td className={styles.cell}>{row.id}</td>
            <td className={styles.cell} title={row.content}>
              {row.content}
            </td>
            <td className={styles.cell}>{row.section}</td>
            <td className={styles.cell}>{row.assignedOn ?? ''}</td>
            <td className={styles.cell}>{row.state}</td>
            <td
              className={`${styles.cell} ${styles.warning}`}
              style={{ backgroundColor: WARNING_COLOURS[row.warning].fill, color: WARNING_COLOURS[row.warning].text }}
            >
              {row.warning}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

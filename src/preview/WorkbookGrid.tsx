import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { chartsOf, hiddenColumns, type ExcelDouble } from '../excel/double';
import { ui } from '../i18n';
import { chartData } from './chartData';
import { CHART_HEIGHT, CHART_WIDTH, ChartPreview } from './ChartPreview';
import { isWarningStatus, WARNING_COLOURS } from './warningColours';
import { SHEET } from '../workbook/sheetNames';
import { TINTED_COLUMNS } from '../workbook/schema';

const MAX_ROWS = 300;
const MAX_COLS = 60;

const useStyles = makeStyles({
  table: {
    borderCollapse: 'collapse',
    tableLayout: 'fixed',
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `1px ${tokens.spacingHorizontalXS}`,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    textAlign: 'left',
    maxWidth: '320px',
  },
  head: {
    position: 'sticky',
    top: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    textAlign: 'center',
    zIndex: 1,
  },
  rowNumber: {
    textAlign: 'center',
    color: tokens.colorNeutralForeground3,
    backgroundColor: tokens.colorNeutralBackground3,
    position: 'sticky',
    left: 0,
  },
  clickable: { cursor: 'pointer' },
  charts: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalM} 0`,
  },
  chartCard: {
    width: `${CHART_WIDTH}px`,
    height: `${CHART_HEIGHT}px`,
    flexShrink: 0,
    backgroundColor: '#FFFFFF',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    boxShadow: tokens.shadow2,
    overflow: 'hidden',
  },
});

function columnName(n: number): string {
  let s = '';
  for (let k = n + 1; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/**
 * One sheet of the preview workbook drawn like a worksheet: the double's cells as Excel would show
 * them, hidden helper columns left out, 台账 rows tinted by their 预警状态 (编号 … 承办科室 and the
 * status cell) as the ledger's conditional formats do. Clicking a 台账 row selects it, which the task pane follows. The sheet's
 * charts (督查看板's, once 刷新看板 ran) are drawn in a row above the cells.
 */
export function WorkbookGrid({ xl, sheet, version }: { xl: ExcelDouble; sheet: string; version: number }): JSX.Element {
  const styles = useStyles();
  const grid = useMemo(() => xl.workbook.sheet(sheet).snapshotGrid(MAX_ROWS, MAX_COLS), [xl, sheet, version]);
  const hidden = useMemo(() => new Set(hiddenColumns(xl.workbook.sheet(sheet))), [xl, sheet, version]);
  const charts = useMemo(() => chartsOf(xl.workbook.sheet(sheet)).map((c) => ({ id: c.id, data: chartData(xl.workbook, c) })), [xl, sheet, version]);
  const [selected, setSelected] = useState<number | null>(null);
  useEffect(() => setSelected(null), [sheet]);
  const header = grid.cells[0] ?? [];
  const statusCol = sheet === SHEET.ledger ? header.findIndex((c) => c.value === '预警状态') : -1;
  const cols = header.map((_, c) => c).filter((c) => !hidden.has(c));
  // as the ledger's conditional formats: the identity block and 预警状态, not the whole row
  const tinted = new Set(header.flatMap((c, i) => (statusCol >= 0 && TINTED_COLUMNS.includes(String(c.value)) ? [i] : [])));
  const select = (r: number) => {
    setSelected(r);
    void xl.events.select(sheet, `A${r + 1}:${columnName(grid.columnCount - 1)}${r + 1}`);
  };
  return (
    <>
      {charts.length > 0 && (
        <div className={styles.charts} role="group" aria-label={ui.preview.chartsLabel(sheet)} data-charts={sheet}>
          {charts.map((c) => (
            <div key={c.id} className={styles.chartCard}>
              <ChartPreview data={c.data} />
            </div>
          ))}
        </div>
      )}
      <table className={styles.table} aria-label={ui.preview.sheetLabel(sheet)} data-sheet={sheet}>
        <thead>
          <tr>
            <th className={`${styles.cell} ${styles.head}`} style={{ width: 36 }} />
            {cols.map((c) => (
              <th key={c} className={`${styles.cell} ${styles.head}`} style={{ width: Math.max(40, Math.min(320, grid.columnWidths[c] * 7)) }}>
                {columnName(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.cells.map((row, r) => {
            const status = statusCol >= 0 && r > 0 ? row[statusCol]?.value : null;
            const tint = isWarningStatus(status) ? WARNING_COLOURS[status] : null;
            const isHeader = r === 0 && grid.tables.length > 0;
            return (
              <tr
                key={r}
                data-row={r + 1}
                className={sheet === SHEET.ledger && r > 0 ? styles.clickable : undefined}
                onClick={sheet === SHEET.ledger && r > 0 ? () => select(r) : undefined}
                style={selected === r ? { outline: '2px solid #107C41' } : undefined}
              >
                <td className={`${styles.cell} ${styles.rowNumber}`}>{r + 1}</td>
                {cols.map((c) => {
                  const cell = row[c];
                  const own = tinted.has(c) ? tint : null;
                  const style: React.CSSProperties = {
                    backgroundColor: isHeader ? '#1F4E79' : (own?.fill ?? cell.fill ?? undefined),
                    color: isHeader ? '#FFFFFF' : (own?.text ?? cell.fontColor ?? undefined),
                    fontWeight: isHeader || cell.bold ? 600 : undefined,
                  };
                  return (
                    <td key={c} className={styles.cell} style={style} title={cell.formula ? `${cell.formula}` : undefined}>
                      {cell.text}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

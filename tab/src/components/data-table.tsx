/** A plain, accessible data table in the Teams look (the table alternative of every chart, and the console's lists). */
import type { ReactNode } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto', maxWidth: '100%' },
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase300 },
  caption: {
    textAlign: 'start',
    color: tokens.colorNeutralForeground2,
    paddingBottom: '6px',
    fontSize: tokens.fontSizeBase200,
  },
  th: {
    textAlign: 'start',
    fontWeight: tokens.fontWeightSemibold,
    padding: '6px 10px',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    whiteSpace: 'nowrap',
  },
  td: {
    padding: '6px 10px',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: 'top',
  },
  num: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
});

export interface Column<R> {
  key: string;
  header: ReactNode;
  cell(row: R): ReactNode;
  numeric?: boolean;
}

export function DataTable<R>({
  columns,
  rows,
  caption,
  rowKey,
  testId,
}: {
  columns: Column<R>[];
  rows: R[];
  caption?: string;
  rowKey(row: R, index: number): string;
  testId?: string;
}) {
  const s = useStyles();
  return (
    <div className={s.wrap}>
      <table className={s.table} data-testid={testId}>
        {caption && <caption className={s.caption}>{caption}</caption>}
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={`${s.th} ${c.numeric ? s.num : ''}`}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={rowKey(r, i)}>
              {columns.map((c, j) =>
                j === 0 ? (
                  <th
                    key={c.key}
                    scope="row"
                    className={`${s.td} ${c.numeric ? s.num : ''}`}
                    style={{ fontWeight: 'normal', textAlign: 'start' }}
                  >
                    {c.cell(r)}
                  </th>
                ) : (
                  <td key={c.key} className={`${s.td} ${c.numeric ? s.num : ''}`}>
                    {c.cell(r)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

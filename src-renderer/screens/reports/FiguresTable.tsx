/**
 * A report's figures as a table: what the chart draws, to read exactly (and what a screen reader
 * reads). Columns say whether they hold money, counts or text; the last row may be the total.
 */
import { useId, type ReactNode } from 'react';
import { MoneyText, NumberText } from '../../components/MoneyText.tsx';

export interface TableColumn<R> {
  label: string;
  /** money/count cells are aligned right and drawn with the shared formats. */
  kind: 'money' | 'count' | 'text';
  cell: (row: R) => ReactNode | number;
}

interface FiguresTableProps<R> {
  title: string;
  columns: ReadonlyArray<TableColumn<R>>;
  rows: readonly R[];
  total?: R;
  rowKey: (row: R, index: number) => string;
  className?: string;
}

function Cell<R>({ column, row }: { column: TableColumn<R>; row: R }) {
  const value = column.cell(row);
  if (typeof value === 'number' && column.kind === 'money') return <MoneyText minor={value} />;
  if (typeof value === 'number' && column.kind === 'count') return <NumberText value={value} />;
  return <>{value}</>;
}

export function FiguresTable<R>({ title, columns, rows, total, rowKey, className }: FiguresTableProps<R>) {
  const titleId = useId();
  return (
    <section className={`report-table card${className ? ` ${className}` : ''}`} aria-labelledby={titleId}>
      <h2 className="report-table-title" id={titleId}>
        {title}
      </h2>
      <div className="table-wrap">
        <table className="table table-compact" aria-labelledby={titleId}>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.label} scope="col" className={c.kind === 'text' ? undefined : 'align-end'}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={rowKey(row, i)}>
                {columns.map((c, j) =>
                  j === 0 ? (
                    <th key={c.label} scope="row" className={c.kind === 'text' ? 'report-row-head' : 'report-row-head align-end'}>
                      <Cell column={c} row={row} />
                    </th>
                  ) : (
                    <td key={c.label} className={c.kind === 'text' ? undefined : 'align-end'}>
                      <Cell column={c} row={row} />
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
          {total ? (
            <tfoot>
              <tr className="report-total">
                {columns.map((c, j) =>
                  j === 0 ? (
                    <th key={c.label} scope="row" className="report-row-head">
                      <Cell column={c} row={total} />
                    </th>
                  ) : (
                    <td key={c.label} className={c.kind === 'text' ? undefined : 'align-end'}>
                      <Cell column={c} row={total} />
                    </td>
                  ),
                )}
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
    </section>
  );
}

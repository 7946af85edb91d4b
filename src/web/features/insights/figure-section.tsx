import { lazy, type ReactNode, Suspense, useId } from 'react';

/*
 * The frame every insight figure shares: a heading, what the figure counts, its chart, its table (the
 * chart's accessible equivalent, one click away) and its CSV with the same filters.
 */

// recharts is large: it loads with the first chart, not with the rest of the app.
export const BarsChart = lazy(() => import('./insight-charts').then((m) => ({ default: m.BarsChart })));
export const PairedBarsChart = lazy(() => import('./insight-charts').then((m) => ({ default: m.PairedBarsChart })));
export const LinesChart = lazy(() => import('./insight-charts').then((m) => ({ default: m.LinesChart })));

export function FigureSection({
  title,
  about,
  chart,
  table,
  csv,
  tableOpen = false,
  children,
}: {
  title: string;
  about: ReactNode;
  /** Nothing to draw: the section says why in `children` instead. */
  chart: ReactNode | null;
  /** Nothing to tabulate: the section's words say why. */
  table: ReactNode | null;
  csv: string;
  /** Open the table at first: for figures whose rows carry actions. */
  tableOpen?: boolean;
  children?: ReactNode;
}) {
  const id = useId();
  return (
    <section className="panel figure" aria-labelledby={`${id}-title`}>
      <div className="figure-head">
        <h2 id={`${id}-title`}>{title}</h2>
        <a className="button secondary" href={csv} download>
          Download CSV<span className="visually-hidden"> of {title}</span>
        </a>
      </div>
      <p className="hint">{about}</p>
      {chart && <Suspense fallback={<p role="status">Drawing the chart…</p>}>{chart}</Suspense>}
      {children}
      {table && (
        <details className="figure-table" open={tableOpen}>
          <summary>Table: {title}</summary>
          {table}
        </details>
      )}
    </section>
  );
}

export interface Column {
  label: string;
  numeric?: boolean;
}

/** A table of a figure: column headers, and the first cell of each row heading its row. */
export function DataTable({
  caption,
  columns,
  rows,
}: {
  caption: ReactNode;
  columns: Column[];
  rows: { key: string; cells: ReactNode[] }[];
}) {
  return (
    <table className="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.label} scope="col" className={c.numeric ? 'num' : undefined}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            {r.cells.map((cell, i) =>
              i === 0 ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: a row's cells are its columns, in order
                <th key={i} scope="row">
                  {cell}
                </th>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: a row's cells are its columns, in order
                <td key={i} className={columns[i]?.numeric ? 'num' : undefined}>
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

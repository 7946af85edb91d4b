import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  Legend,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { cutText } from '../../../server/text';

/*
 * The insights charts (recharts, loaded only with this page). Each chart is one image to assistive
 * technology, named by what it shows; the table beside it is its accessible equivalent and holds every
 * number. Charts never animate: figures are read, not watched, and motion must not be the price of reading.
 */

export interface BarRow {
  label: string;
  /** Null: held back (fewer than k). The bar is then empty and its label says so in words. */
  value: number | null;
  colour?: string;
}

// The theme's colours (ui/tokens.css), so the charts follow the light or dark theme like the rest of the page.
const ink = 'var(--ink)';
const grid = 'var(--line)';
const tick = { fill: ink, fontSize: 13 };

/** Long learners' words (and web addresses) are shortened on the axis; the table keeps them whole. */
const MAX_LABEL = 40;
const short = (text: string) => cutText(text, MAX_LABEL);
/** Room for the longest label on the axis (about 8 pixels a character at 13px), no wider than it needs. */
const axisWidth = (labels: string[]) => Math.max(...labels.map((l) => Math.min(l.length, MAX_LABEL)), 6) * 8 + 16;

function ChartImage({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="chart" role="img" aria-label={label}>
      {children}
    </div>
  );
}

/** The frame both bar charts share: one row a category, its label on the left, bars growing right. */
function RowsOfBars({
  label,
  data,
  rowHeight,
  children,
}: {
  label: string;
  data: { label: string }[];
  rowHeight: number;
  children: React.ReactNode;
}) {
  return (
    <ChartImage label={label}>
      <BarChart
        layout="vertical"
        data={data}
        responsive
        style={{ width: '100%', height: 56 + data.length * rowHeight }}
        margin={{ top: 8, right: 56, bottom: 8, left: 8 }}
        accessibilityLayer={false}
      >
        <CartesianGrid horizontal={false} stroke={grid} />
        <YAxis
          type="category"
          dataKey="label"
          width={axisWidth(data.map((r) => r.label))}
          tick={tick}
          tickFormatter={short}
        />
        {children}
      </BarChart>
    </ChartImage>
  );
}

/** Horizontal bars, one per row, each labelled with its number (or suffix, e.g. "%"). */
export function BarsChart({
  label,
  rows,
  unit = '',
  max,
  colour = 'var(--accent-1)',
  heldBack,
}: {
  label: string;
  rows: BarRow[];
  unit?: string;
  max?: number;
  colour?: string;
  /** The words for a held-back bar, e.g. "fewer than 5". */
  heldBack?: string;
}) {
  const data = rows.map((r) => ({
    ...r,
    length: r.value ?? 0,
    text: r.value === null ? (heldBack ?? '') : `${r.value}${unit}`,
  }));
  return (
    <RowsOfBars label={label} data={data} rowHeight={34}>
      <XAxis
        type="number"
        allowDecimals={false}
        domain={[0, max ?? 'auto']}
        tick={tick}
        tickFormatter={(v) => `${v}${unit}`}
      />
      {/* A held-back bar keeps a sliver, so its words ("fewer than 5") have a place to stand. */}
      <Bar dataKey="length" fill={colour} isAnimationActive={false} barSize={22} minPointSize={3}>
        <LabelList dataKey="text" position="right" fill={ink} />
        {rows.map((r) => (
          <Cell key={r.label} fill={r.colour ?? colour} />
        ))}
      </Bar>
    </RowsOfBars>
  );
}

/** Two bars per row side by side, e.g. learners looking for a mentor against members offering one. */
export function PairedBarsChart({
  label,
  rows,
  series,
}: {
  label: string;
  rows: { label: string; a: number; b: number }[];
  series: { a: string; b: string };
}) {
  return (
    <RowsOfBars label={label} data={rows} rowHeight={56}>
      <XAxis type="number" allowDecimals={false} tick={tick} />
      <Legend verticalAlign="top" wrapperStyle={{ color: ink }} />
      <Bar dataKey="a" name={series.a} fill="var(--accent-1)" isAnimationActive={false} barSize={18}>
        <LabelList dataKey="a" position="right" fill={ink} />
      </Bar>
      <Bar dataKey="b" name={series.b} fill="var(--accent-3)" isAnimationActive={false} barSize={18}>
        <LabelList dataKey="b" position="right" fill={ink} />
      </Bar>
    </RowsOfBars>
  );
}

export interface LineSeries {
  key: string;
  name: string;
  colour: string;
  /** Lines differ by dash as well as colour, so colour is never the only way to tell them apart. */
  dash?: string;
}

/** One line per series over months; a month held back (fewer than k) is a gap in its line. */
export function LinesChart({
  label,
  points,
  series,
}: {
  label: string;
  points: Record<string, string | number | null>[];
  series: LineSeries[];
}) {
  return (
    <ChartImage label={label}>
      <LineChart
        data={points}
        responsive
        style={{ width: '100%', height: 320 }}
        margin={{ top: 8, right: 24, bottom: 8, left: 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid stroke={grid} />
        <XAxis dataKey="month" tick={tick} />
        <YAxis allowDecimals={false} tick={tick} width={48} />
        <Tooltip />
        <Legend wrapperStyle={{ color: ink }} />
        {series.map((s) => (
          <Line
            key={s.key}
            dataKey={s.key}
            name={s.name}
            stroke={s.colour}
            strokeWidth={2.5}
            strokeDasharray={s.dash}
            dot={{ r: 4, fill: s.colour }}
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ChartImage>
  );
}

import { Bar, BarChart, CartesianGrid, Legend, XAxis, YAxis } from 'recharts';
import type { ProgressView } from './progress-api';

/*
 * The completion funnel (recharts): per thing, how many enrolled, tried and reflected. One image to assistive
 * technology, named by what it shows; the table after it holds every number. No animation: figures are read.
 */

const tick = { fill: 'var(--ink)', fontSize: 13 };

export function FunnelChart({ view }: { view: ProgressView }) {
  const data = view.funnel.map((f, i) => ({ label: `${i + 1}`, ...f }));
  return (
    <div
      className="chart"
      role="img"
      aria-label={`Bar chart: of ${view.totals.participants} participants, how many tried and reflected on each of the ${view.things.length} things`}
    >
      <BarChart
        data={data}
        responsive
        style={{ width: '100%', height: 260 }}
        margin={{ top: 8, right: 8, bottom: 8, left: 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid vertical={false} stroke="var(--line)" />
        <XAxis dataKey="label" tick={tick} />
        <YAxis allowDecimals={false} tick={tick} width={40} />
        <Legend />
        <Bar dataKey="enrolled" name="Enrolled" fill="var(--line)" isAnimationActive={false} />
        <Bar dataKey="tried" name="Tried" fill="var(--brand)" fillOpacity={0.6} isAnimationActive={false} />
        <Bar dataKey="reflected" name="Reflected" fill="var(--brand)" isAnimationActive={false} />
      </BarChart>
    </div>
  );
}

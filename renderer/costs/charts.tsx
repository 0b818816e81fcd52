// The cost charts, drawn with recharts in the app's dark palette.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CostBucket } from '../../shared/review.js';
import { formatCredits as credits } from '../library/format.js';

const AXIS = { stroke: '#9c9ea3', fontSize: 11 } as const;
const GRID = '#3a3c41';
const TOOLTIP = {
  contentStyle: { background: '#2b2d31', border: '1px solid #4a4d53', borderRadius: 6, color: '#dcdcdc' },
  labelStyle: { color: '#dcdcdc' },
  cursor: { fill: 'rgba(122, 167, 230, 0.12)' },
} as const;
export const ACCENT = '#7aa7e6';
export const PICK = '#6fbf82';
export const WARN = '#e8c35a';

export function ColumnChart({ data, height = 220 }: { data: CostBucket[]; height?: number }) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke={GRID} vertical={false} />
        <XAxis dataKey="label" tick={AXIS} stroke={GRID} />
        <YAxis tick={AXIS} stroke={GRID} width={48} />
        <Tooltip {...TOOLTIP} formatter={(v) => [`${credits(Number(v))} credits`, 'Spent']} />
        <Bar dataKey="credits" fill={ACCENT} maxBarSize={48} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Horizontal bars: long labels (models, projects, prompts) read better down the side. */
export function RowChart<T extends object>({ data, labelKey, bars, height }: {
  data: T[];
  labelKey: keyof T & string;
  bars: { key: keyof T & string; name: string; colour: string }[];
  height?: number;
}) {
  return (
    <ResponsiveContainer width="100%" height={height ?? Math.max(120, data.length * (bars.length > 1 ? 34 : 26) + 40)}>
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid stroke={GRID} horizontal={false} />
        <XAxis type="number" tick={AXIS} stroke={GRID} />
        <YAxis type="category" dataKey={labelKey as string} tick={AXIS} stroke={GRID} width={150} tickFormatter={(v: string) => (v.length > 24 ? `${v.slice(0, 23)}…` : v)} />
        <Tooltip {...TOOLTIP} />
        {bars.length > 1 && <Legend wrapperStyle={{ color: '#9c9ea3', fontSize: 12 }} />}
        {bars.map((b) => (
          <Bar key={b.key} dataKey={b.key as string} name={b.name} fill={b.colour} maxBarSize={28} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

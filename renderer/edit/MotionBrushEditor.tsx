import { createRef, useEffect, useId, useMemo, useRef, useState, type PointerEvent, type RefObject } from 'react';
import type { NormalizedPoint } from '../../shared/generation.js';
import { defaultBrushSize, MaskPainter, type MaskPainterHandle, type Tool } from './MaskPainter.js';
import { addTrajectoryPoint, endTrajectory, toNormalized, TRAJECTORY_MIN_POINTS } from './raster.js';

/** Kling takes at most 6 moving regions. */
export const MAX_REGIONS = 6;

export interface MotionRegion {
  key: number;
  painter: RefObject<MaskPainterHandle | null>;
  painted: boolean;
  trajectory: NormalizedPoint[];
}

export interface MotionBrushState {
  regions: MotionRegion[];
  /** True when every region has paint and a path of at least two points. */
  ready: boolean;
}

interface Props {
  frameUrl: string;
  width: number;
  height: number;
  onChange(state: MotionBrushState): void;
}

type Mode = 'paint' | 'path';

let nextKey = 1;
const newRegion = (): MotionRegion => ({ key: nextKey++, painter: createRef<MaskPainterHandle>(), painted: false, trajectory: [] });

/**
 * The motion brush on a render's first frame: up to six regions, each painted (what moves) and
 * given a path (where it goes), drawn by dragging. Paths are kept in normalized top-left image
 * coordinates; the adapter converts them (Kling: pixels from the bottom-left).
 */
export function MotionBrushEditor({ frameUrl, width, height, onChange }: Props) {
  const [regions, setRegions] = useState<MotionRegion[]>(() => [newRegion()]);
  const [activeKey, setActiveKey] = useState(regions[0]!.key);
  const [mode, setMode] = useState<Mode>('paint');
  const [tool, setTool] = useState<Tool>('brush');
  const [size, setSize] = useState(() => defaultBrushSize(width, height));
  const drawing = useRef(false);
  const [pathDone, setPathDone] = useState(0);
  const modeName = useId();

  const publish = (next: MotionRegion[]) => setRegions(next);
  // The parent hears of every change after it is committed (never from inside a state update).
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  useEffect(() => {
    if (drawing.current) return;
    onChangeRef.current({ regions, ready: regions.length > 0 && regions.every((r) => r.painted && r.trajectory.length >= TRAJECTORY_MIN_POINTS) });
  }, [regions, pathDone]);
  const patch = (key: number, p: Partial<MotionRegion>) => publish(regions.map((r) => (r.key === key ? { ...r, ...p } : r)));
  const active = regions.find((r) => r.key === activeKey) ?? regions[0]!;
  const index = (key: number) => regions.findIndex((r) => r.key === key) + 1;

  const pathPoint = (e: PointerEvent<SVGSVGElement>) => toNormalized(e.clientX, e.clientY, e.currentTarget.getBoundingClientRect());
  const polyline = useMemo(
    () => regions.map((r) => ({ key: r.key, points: r.trajectory.map((p) => `${p.x * width},${p.y * height}`).join(' ') })),
    [regions, width, height],
  );

  return (
    <div className="motion-brush">
      <div className="mask-tools" role="toolbar" aria-label="Motion brush tools">
        <label className="gen-check">
          <input type="radio" name={modeName} checked={mode === 'paint'} onChange={() => setMode('paint')} /> Paint region
        </label>
        <label className="gen-check">
          <input type="radio" name={modeName} checked={mode === 'path'} onChange={() => setMode('path')} /> Draw path
        </label>
        {mode === 'paint' && (
          <>
            <label className="gen-check">
              <input type="checkbox" checked={tool === 'eraser'} onChange={(e) => setTool(e.target.checked ? 'eraser' : 'brush')} /> Eraser
            </label>
            <label className="field mask-size">
              <span className="field-label">Size: {size} px</span>
              <input type="range" min={2} max={Math.max(16, Math.round(Math.min(width, height) / 3))} value={size} onChange={(e) => setSize(Number(e.target.value))} />
            </label>
          </>
        )}
      </div>
      <ol className="motion-regions" aria-label="Motion regions">
        {regions.map((r) => (
          <li key={r.key} className={r.key === active.key ? 'motion-region motion-region-active' : 'motion-region'}>
            <button type="button" className="button" aria-pressed={r.key === active.key} onClick={() => setActiveKey(r.key)}>
              Region {index(r.key)}
            </button>
            <span className="muted">
              {r.painted ? 'painted' : 'not painted'} · {r.trajectory.length >= TRAJECTORY_MIN_POINTS ? `path of ${r.trajectory.length} points` : 'no path'}
            </span>
            {regions.length > 1 && (
              <button
                type="button"
                className="button button-icon"
                aria-label={`Remove region ${index(r.key)}`}
                onClick={() => {
                  const next = regions.filter((x) => x.key !== r.key);
                  if (r.key === active.key) setActiveKey(next[0]!.key);
                  publish(next);
                }}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button"
        disabled={regions.length >= MAX_REGIONS}
        title={regions.length >= MAX_REGIONS ? `Kling moves at most ${MAX_REGIONS} regions` : undefined}
        onClick={() => {
          const r = newRegion();
          publish([...regions, r]);
          setActiveKey(r.key);
          setMode('paint');
        }}
      >
        Add region
      </button>
      <div className="frame-stage">
        <img className="frame-image" src={frameUrl} width={width} height={height} alt={`First frame (${width}×${height})`} draggable={false} />
        {regions.map((r) => (
          <MaskPainter
            key={r.key}
            ref={r.painter}
            bare
            frameUrl={frameUrl}
            width={width}
            height={height}
            label={`Region ${index(r.key)} mask`}
            active={mode === 'paint' && r.key === active.key}
            tone={`region-${(index(r.key) - 1) % MAX_REGIONS}`}
            tool={tool}
            size={size}
            onPaintedChange={(painted) => {
              setRegions((rs) => rs.map((x) => (x.key === r.key && x.painted !== painted ? { ...x, painted } : x)));
            }}
          />
        ))}
        <svg
          className={mode === 'path' ? 'motion-paths motion-paths-active' : 'motion-paths'}
          viewBox={`0 0 ${width} ${height}`}
          preserveAspectRatio="none"
          role="img"
          aria-label={`Paths: ${regions.map((r) => `region ${index(r.key)} ${r.trajectory.length} points`).join(', ')}`}
          onPointerDown={(e) => {
            if (mode !== 'path' || e.button !== 0) return;
            e.currentTarget.setPointerCapture(e.pointerId);
            drawing.current = true;
            patch(active.key, { trajectory: [pathPoint(e)] });
          }}
          onPointerMove={(e) => {
            if (!drawing.current) return;
            const p = pathPoint(e);
            setRegions((rs) => rs.map((r) => (r.key === active.key ? { ...r, trajectory: addTrajectoryPoint(r.trajectory, p) } : r)));
          }}
          onPointerUp={(e) => {
            if (!drawing.current) return;
            drawing.current = false;
            const end = pathPoint(e);
            setRegions((rs) => rs.map((r) => (r.key === active.key ? { ...r, trajectory: endTrajectory(r.trajectory, end) } : r)));
            setPathDone((n) => n + 1);
          }}
        >
          {polyline.map((l, i) => (
            <polyline key={l.key} className={`motion-path motion-path-${i % MAX_REGIONS}`} points={l.points} vectorEffect="non-scaling-stroke" />
          ))}
        </svg>
      </div>
    </div>
  );
}

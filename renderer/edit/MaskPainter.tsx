import { useCallback, useEffect, useId, useImperativeHandle, useRef, useState, type PointerEvent, type Ref } from 'react';
import { binaryMask, coverage, dataUrlBase64, toNormalized, toPixel } from './raster.js';

export interface MaskPainterHandle {
  /** The mask at the frame's own size: raw base64 PNG, white = painted (or the rest, inverted). */
  toPng(): { png: string; coverage: number };
  clear(): void;
}

interface Props {
  /** The frame painted over, at its natural size: the mask gets exactly this size. */
  frameUrl: string;
  width: number;
  height: number;
  label: string;
  ref?: Ref<MaskPainterHandle>;
  /** Called after each stroke with whether anything is painted. */
  onPaintedChange?(painted: boolean): void;
  /** False hides the tools and lets pointer events through (a region that is not being edited). */
  active?: boolean;
  /** Shown with the tools; the motion brush hides Invert (Kling's masks mark what moves). */
  allowInvert?: boolean;
  tone?: string;
  /** Draw only the paint layer, over a frame drawn by the parent (which then sets tool and size). */
  bare?: boolean;
  tool?: Tool;
  size?: number;
}

export type Tool = 'brush' | 'eraser';

/**
 * Paints a mask over a frame: brush, eraser, brush size (in frame pixels), invert. Strokes go on
 * a canvas the size of the frame, scaled to fit on screen, so the exported mask matches the frame
 * pixel for pixel whatever the window size.
 */
export function MaskPainter(props: Props) {
  const { frameUrl, width, height, label, ref, onPaintedChange, active = true, allowInvert = true, tone = 'mask', bare = false } = props;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const last = useRef<{ x: number; y: number } | null>(null);
  const [ownTool, setTool] = useState<Tool>('brush');
  const [ownSize, setSize] = useState(() => defaultBrushSize(width, height));
  const tool = props.tool ?? ownTool;
  const size = props.size ?? ownSize;
  const [invert, setInvert] = useState(false);
  const [painted, setPainted] = useState(0);
  const toolName = useId();

  const ctx2d = () => canvasRef.current?.getContext('2d', { willReadFrequently: true }) ?? null;

  const measure = useCallback(() => {
    const c = ctx2d();
    if (!c) return 0;
    const share = coverage(binaryMask(c.getImageData(0, 0, width, height).data, false));
    setPainted(share);
    onPaintedChange?.(share > 0);
    return share;
  }, [width, height, onPaintedChange]);

  useImperativeHandle(ref, () => ({
    toPng() {
      const src = ctx2d();
      if (!src) throw new Error('the painter is not ready');
      const mask = binaryMask(src.getImageData(0, 0, width, height).data, invert);
      const out = document.createElement('canvas');
      out.width = width;
      out.height = height;
      const o = out.getContext('2d')!;
      o.putImageData(new ImageData(mask, width, height), 0, 0);
      return { png: dataUrlBase64(out.toDataURL('image/png')), coverage: coverage(mask) };
    },
    clear() {
      ctx2d()?.clearRect(0, 0, width, height);
      measure();
    },
  }), [width, height, invert, measure]);

  useEffect(() => {
    ctx2d()?.clearRect(0, 0, width, height);
  }, [width, height]);

  const at = (e: PointerEvent<HTMLCanvasElement>) => toPixel(toNormalized(e.clientX, e.clientY, e.currentTarget.getBoundingClientRect()), width, height);

  const stroke = (from: { x: number; y: number }, to: { x: number; y: number }) => {
    const c = ctx2d();
    if (!c) return;
    c.globalCompositeOperation = tool === 'eraser' ? 'destination-out' : 'source-over';
    c.strokeStyle = '#fff';
    c.fillStyle = '#fff';
    c.lineCap = 'round';
    c.lineJoin = 'round';
    c.lineWidth = size;
    c.beginPath();
    c.moveTo(from.x, from.y);
    c.lineTo(to.x, to.y);
    c.stroke();
    c.beginPath();
    c.arc(to.x, to.y, size / 2, 0, Math.PI * 2);
    c.fill();
  };

  const canvas = (
    <canvas
      ref={canvasRef}
      className={`mask-canvas mask-tone-${tone}${active ? '' : ' mask-canvas-passive'}`}
      width={width}
      height={height}
      role="img"
      aria-label={`${label}: ${painted > 0 ? `${Math.round(painted * 100)}% painted` : 'nothing painted'}`}
      onPointerDown={(e) => {
        if (!active || e.button !== 0) return;
        e.currentTarget.setPointerCapture(e.pointerId);
        const p = at(e);
        last.current = p;
        stroke(p, p);
      }}
      onPointerMove={(e) => {
        if (!last.current) return;
        const p = at(e);
        stroke(last.current, p);
        last.current = p;
      }}
      onPointerUp={() => {
        if (!last.current) return;
        last.current = null;
        measure();
      }}
      onPointerCancel={() => {
        last.current = null;
        measure();
      }}
    />
  );

  if (bare) return canvas;
  return (
    <div className="mask-painter">
      {active && (
        <div className="mask-tools" role="toolbar" aria-label={`${label} tools`}>
          <label className="gen-check">
            <input type="radio" name={toolName} checked={tool === 'brush'} onChange={() => setTool('brush')} /> Brush
          </label>
          <label className="gen-check">
            <input type="radio" name={toolName} checked={tool === 'eraser'} onChange={() => setTool('eraser')} /> Eraser
          </label>
          <label className="field mask-size">
            <span className="field-label">Size: {size} px</span>
            <input type="range" min={2} max={Math.max(16, Math.round(Math.min(width, height) / 3))} value={size} onChange={(e) => setSize(Number(e.target.value))} />
          </label>
          {allowInvert && (
            <label className="gen-check">
              <input type="checkbox" checked={invert} onChange={(e) => setInvert(e.target.checked)} /> Invert (change everything but the painted area)
            </label>
          )}
          <button type="button" className="button" onClick={() => { ctx2d()?.clearRect(0, 0, width, height); measure(); }}>
            Clear
          </button>
        </div>
      )}
      <div className="frame-stage">
        <img className="frame-image" src={frameUrl} width={width} height={height} alt={`Frame to paint on (${width}×${height})`} draggable={false} />
        {canvas}
      </div>
    </div>
  );
}

/** A brush a twelfth of the frame's short side: big enough to paint a subject in a few strokes. */
export function defaultBrushSize(width: number, height: number): number {
  return Math.max(8, Math.round(Math.min(width, height) / 12));
}

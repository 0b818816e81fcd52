// The conversions behind the edit tools (renderer/edit): pointer → normalized top-left point →
// Kling's bottom-left pixels, painted layer → two-valued mask, the camera picker's one axis, the
// extend-chain warning, and which edits a render offers. Pure functions, so tested here.
import { describe, expect, it } from 'vitest';
import { addTrajectoryPoint, binaryMask, endTrajectory, coverage, dataUrlBase64, toNormalized, toPixel, TRAJECTORY_MAX_POINTS } from '../../renderer/edit/raster.js';
import { cameraSpec, describeMove } from '../../renderer/edit/camera-move.js';
import { baseSpec, editReason, extendWarning, modelFor } from '../../renderer/edit/edit-kinds.js';
import { toKlingTrajectory } from '../../main/providers/kling/trajectory.js';
import { cameraControl } from '../../main/providers/kling/requests.js';
import { KLING_MODELS } from '../../main/providers/kling/capabilities.js';
import { GenerationSpec } from '../../shared/generation.js';
import type { EditContext } from '../../shared/channels/edit.js';

const rgba = (...alphas: number[]) => new Uint8ClampedArray(alphas.flatMap((a) => [255, 255, 255, a]));

describe('pointer to normalized image coordinates', () => {
  const box = { left: 100, top: 50, width: 640, height: 360 };
  it('measures from the drawn image’s top-left corner, in 0..1 whatever its on-screen size', () => {
    expect(toNormalized(100, 50, box)).toEqual({ x: 0, y: 0 });
    expect(toNormalized(740, 410, box)).toEqual({ x: 1, y: 1 });
    expect(toNormalized(260, 140, box)).toEqual({ x: 0.25, y: 0.25 });
  });
  it('clamps a stroke that leaves the image to its edge', () => {
    expect(toNormalized(20, 500, box)).toEqual({ x: 0, y: 1 });
  });
  it('maps back to the frame’s own pixels (the mask canvas is the frame’s size)', () => {
    expect(toPixel({ x: 0.25, y: 0.5 }, 1280, 720)).toEqual({ x: 320, y: 360 });
  });
  it('ends as Kling pixels with the origin at the bottom-left: a point drawn near the top has a large y', () => {
    const drawn = [toNormalized(100 + 64, 50 + 36, box), toNormalized(100 + 576, 50 + 324, box)];
    expect(toKlingTrajectory(drawn, 1280, 720)).toEqual([{ x: 128, y: 648 }, { x: 1152, y: 72 }]);
  });
});

describe('trajectory drawing', () => {
  it('skips points closer than the step, keeps the rest', () => {
    let path = addTrajectoryPoint([], { x: 0.1, y: 0.1 });
    path = addTrajectoryPoint(path, { x: 0.101, y: 0.1 });
    path = addTrajectoryPoint(path, { x: 0.2, y: 0.1 });
    expect(path).toEqual([{ x: 0.1, y: 0.1 }, { x: 0.2, y: 0.1 }]);
  });
  it('never holds more than Kling’s 77 points, and keeps both ends of a long drag', () => {
    let path: { x: number; y: number }[] = [];
    for (let i = 0; i < 300; i++) path = addTrajectoryPoint(path, { x: i / 300, y: 0.5 });
    path = endTrajectory(path, { x: 1, y: 0.5 });
    expect(path.length).toBeLessThanOrEqual(TRAJECTORY_MAX_POINTS);
    expect(path.length).toBeGreaterThan(30);
    expect(path[0]).toEqual({ x: 0, y: 0.5 });
    expect(path[path.length - 1]).toEqual({ x: 1, y: 0.5 });
    expect(() => GenerationSpec.shape.motion.parse([{ maskRefId: 1, trajectory: path }])).not.toThrow();
  });
});

describe('painted layer to mask', () => {
  it('is opaque white where painted and opaque black elsewhere, decided at half coverage', () => {
    const mask = binaryMask(rgba(0, 127, 128, 255), false);
    expect([...mask]).toEqual([0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255, 255, 255, 255, 255, 255]);
  });
  it('inverts to "everything but what I painted"', () => {
    const mask = binaryMask(rgba(0, 255), true);
    expect([...mask]).toEqual([255, 255, 255, 255, 0, 0, 0, 255]);
  });
  it('keeps the frame’s pixel count and reports coverage', () => {
    const painted = rgba(...Array.from({ length: 100 }, (_, i) => (i < 25 ? 255 : 0)));
    const mask = binaryMask(painted, false);
    expect(mask.length).toBe(painted.length);
    expect(coverage(mask)).toBe(0.25);
    expect(coverage(binaryMask(painted, true))).toBe(0.75);
  });
  it('sends raw base64, never a data: URL', () => {
    expect(dataUrlBase64('data:image/png;base64,iVBORw0KGgo=')).toBe('iVBORw0KGgo=');
    expect(() => dataUrlBase64('iVBORw0KGgo=')).toThrow(/data: URL/);
  });
});

describe('camera picker', () => {
  it('a simple move has exactly one non-zero axis on the wire', () => {
    const wire = cameraControl(GenerationSpec.shape.camera.parse(cameraSpec({ type: 'simple', axis: 'pan', amount: -4 }))!) as { config: Record<string, number> };
    expect(Object.entries(wire.config).filter(([, v]) => v !== 0)).toEqual([['pan', -4]]);
    expect(Object.keys(wire.config).sort()).toEqual(['horizontal', 'pan', 'roll', 'tilt', 'vertical', 'zoom']);
  });
  it('a preset carries no axes', () => {
    expect(cameraSpec({ type: 'down_back', axis: 'zoom', amount: 5 })).toEqual({ type: 'down_back' });
  });
  it('describes the move in words for the diagram', () => {
    expect(describeMove({ type: 'simple', axis: 'zoom', amount: 8 })).toBe('The camera zooms in strongly (zoom +8).');
    expect(describeMove({ type: 'simple', axis: 'tilt', amount: -2 })).toBe('The camera tilts down gently (tilt -2).');
  });
});

const ctx = (over: Partial<EditContext> = {}): EditContext => ({
  renderId: 7, title: 'take', accountId: 'demo', provider: 'kling', model: 'kling-v1-6', taskType: 'text_to_video',
  spec: GenerationSpec.parse({ accountId: 'demo', model: 'kling-v1-6', taskType: 'text_to_video', durationS: 5, prompt: 'a fox', projectId: 3, shotId: 4 }),
  hasProviderVideo: true, chainDepth: 0, width: 1280, height: 720, durationMs: 5000, projectId: 3, shotId: 4, ...over,
});

describe('edits offered from a render', () => {
  it('warns from the third extension of a chain on, not before', () => {
    expect(extendWarning(ctx({ chainDepth: 0 }))).toEqual({ depth: 1, warning: null });
    expect(extendWarning(ctx({ chainDepth: 1 }))).toEqual({ depth: 2, warning: null });
    expect(extendWarning(ctx({ chainDepth: 2 })).warning).toMatch(/extension 3 .*quality degrades/);
  });
  it('keeps the render’s model when it does the edit, else takes one that does', () => {
    expect(modelFor('extend', ctx(), KLING_MODELS)?.model).toBe('kling-v1-6');
    expect(modelFor('restyle', ctx(), KLING_MODELS)?.model).toBe('kling-video-o1');
  });
  it('says why an edit is off: imported takes, videos the provider dropped, models that cannot', () => {
    expect(editReason('extend', ctx({ accountId: null, spec: null }), KLING_MODELS)).toMatch(/imported/);
    expect(editReason('restyle', ctx({ hasProviderVideo: false }), KLING_MODELS)).toMatch(/no longer holds/);
    expect(editReason('last_frame', ctx({ hasProviderVideo: false }), KLING_MODELS)).toBeNull();
    const textOnly = KLING_MODELS.filter((m) => m.model === 'kling-v2-6');
    expect(editReason('motion_brush', ctx(), textOnly)).toMatch(/no model on this account/);
  });
  it('files the edit under the render’s project and shot and links it to the render; a reroll repeats the spec, naming the render rerolled', () => {
    const spec = baseSpec('extend', ctx(), KLING_MODELS[1]);
    expect(spec).toMatchObject({ accountId: 'demo', taskType: 'extend', parentRenderId: 7, projectId: 3, shotId: 4 });
    const again = baseSpec('reroll', ctx(), KLING_MODELS[1]);
    expect(again).toEqual({ ...ctx().spec, rerollOf: 7 });
    // A reroll of a reroll names the take it was asked on, not the first one.
    expect(baseSpec('reroll', ctx({ renderId: 9, spec: { ...ctx().spec!, rerollOf: 7 } }), KLING_MODELS[1]).rerollOf).toBe(9);
  });
});

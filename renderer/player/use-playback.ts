// One transport for one or several <video> elements: the detail panel's player is a group of
// one, the compare view a group of two to four. The first attached video is the clock; the
// others follow it (same play state, same time, frame steps together), corrected every frame
// while playing so they stay within a frame of it.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { frameAt } from './timecode.js';

export interface PlaybackState {
  playing: boolean;
  time: number;
  duration: number;
  /** Shuttle speed: negative plays backwards (J), 0 is stopped, 1 is normal play, 2 and 4 are L pressed again. */
  speed: number;
  loop: boolean;
  inPoint: number | null;
  outPoint: number | null;
}

export interface Playback {
  state: PlaybackState;
  fps: number;
  /** Ref callback for pane `index` (0 is the clock). */
  attach(index: number): (el: HTMLVideoElement | null) => void;
  toggle(): void;
  play(): void;
  pause(): void;
  /** Steps every video by `frames` (negative: back), pausing first. */
  step(frames: number): void;
  seek(seconds: number): void;
  /** J (back) and L (forward): each press in the same direction doubles the speed, up to 4×. */
  shuttle(direction: 1 | -1): void;
  setIn(): void;
  setOut(): void;
  clearMarks(): void;
  toggleLoop(): void;
  /** The videos in pane order (for a test hook or a caller that reads them). */
  videos(): HTMLVideoElement[];
}

const MAX_SPEED = 4;

export function usePlayback(fps: number, opts: { loop?: boolean } = {}): Playback {
  const elements = useRef(new Map<number, HTMLVideoElement>());
  const refs = useRef(new Map<number, (el: HTMLVideoElement | null) => void>());
  const [state, setState] = useState<PlaybackState>({
    playing: false, time: 0, duration: 0, speed: 0, loop: opts.loop ?? true, inPoint: null, outPoint: null,
  });
  const stateRef = useRef(state);
  stateRef.current = state;
  const frame = 1 / fps;

  const videos = useCallback(
    () => [...elements.current.entries()].sort(([a], [b]) => a - b).map(([, v]) => v),
    [],
  );
  const clock = () => videos()[0];
  const update = (patch: Partial<PlaybackState>) => setState((s) => ({ ...s, ...patch }));

  const bounds = () => {
    const s = stateRef.current;
    const duration = clock()?.duration || s.duration || 0;
    const start = s.inPoint ?? 0;
    const end = s.outPoint !== null && s.outPoint > start ? s.outPoint : duration;
    return { start, end, duration };
  };

  const seekAll = useCallback((t: number) => {
    for (const v of videos()) {
      const d = Number.isFinite(v.duration) ? v.duration : t;
      v.currentTime = Math.max(0, Math.min(t, d));
    }
    update({ time: Math.max(0, t) });
  }, [videos]);

  const pauseAll = useCallback(() => {
    for (const v of videos()) v.pause();
    // Paused, every pane shows exactly the clock's frame.
    const c = clock();
    if (c) seekAll(c.currentTime);
    update({ playing: false, speed: 0 });
  }, [videos, seekAll]);

  const playAll = useCallback((speed = 1) => {
    const list = videos();
    const c = list[0];
    if (!c) return;
    const { start, end } = bounds();
    if (c.currentTime >= end - frame / 2 || c.currentTime < start) seekAll(start);
    else seekAll(c.currentTime);
    for (const v of list) {
      v.playbackRate = speed;
      v.play().catch((err: unknown) => {
        // Autoplay rules refuse sound without a gesture: play muted rather than not at all.
        if ((err as Error)?.name === 'NotAllowedError' && !v.muted) {
          v.muted = true;
          void v.play().catch(() => undefined);
        }
      });
    }
    update({ playing: true, speed });
  }, [videos, seekAll, frame]);

  // While playing (or shuttling backwards): advance the time shown, keep followers on the clock,
  // and honour the out mark and loop.
  useEffect(() => {
    if (state.speed === 0) return;
    let raf = 0;
    let last = performance.now();
    const tick = (now: number) => {
      const list = videos();
      const c = list[0];
      if (!c) return;
      const dt = (now - last) / 1000;
      last = now;
      const { start, end } = bounds();
      const s = stateRef.current;
      if (s.speed < 0) {
        let t = c.currentTime + s.speed * dt;
        if (t <= start) {
          if (!s.loop) {
            seekAll(start);
            update({ playing: false, speed: 0 });
            return;
          }
          t = end;
        }
        seekAll(t);
      } else {
        if (c.currentTime >= end - 1e-3 || c.ended) {
          if (s.loop) {
            seekAll(start);
            for (const v of list) void v.play().catch(() => undefined);
          } else {
            for (const v of list) v.pause();
            seekAll(end);
            update({ playing: false, speed: 0 });
            return;
          }
        }
        for (const v of list.slice(1)) {
          if (v.ended || (Number.isFinite(v.duration) && c.currentTime > v.duration)) continue;
          const drift = v.currentTime - c.currentTime;
          if (Math.abs(drift) > frame * 0.5) v.currentTime = c.currentTime;
          if (v.paused && !c.paused) void v.play().catch(() => undefined);
        }
        update({ time: c.currentTime });
      }
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [state.speed, videos, seekAll, frame]);

  const attach = useCallback((index: number) => {
    let ref = refs.current.get(index);
    if (!ref) {
      let current: HTMLVideoElement | null = null;
      const onMeta = () => {
        const c = clock();
        if (c) update({ duration: Number.isFinite(c.duration) ? c.duration : 0 });
        // A pane that loads late joins at the clock's time.
        if (current && c && current !== c) current.currentTime = Math.min(c.currentTime, current.duration || 0);
      };
      const onEndOrPause = () => {
        if (current === clock() && current?.paused && stateRef.current.speed > 0 && !current.ended) update({ playing: false, speed: 0 });
      };
      ref = (el) => {
        if (current) {
          current.removeEventListener('loadedmetadata', onMeta);
          current.removeEventListener('pause', onEndOrPause);
          elements.current.delete(index);
        }
        current = el;
        if (el) {
          // Loop and the out mark are handled here, not by the element, so every pane obeys them together.
          el.loop = false;
          elements.current.set(index, el);
          el.addEventListener('loadedmetadata', onMeta);
          el.addEventListener('pause', onEndOrPause);
          if (el.readyState >= 1) onMeta();
        }
      };
      refs.current.set(index, ref);
    }
    return ref;
  }, []);

  return useMemo<Playback>(() => ({
    state,
    fps,
    attach,
    videos,
    play: () => playAll(1),
    pause: pauseAll,
    toggle: () => (stateRef.current.speed !== 0 ? pauseAll() : playAll(1)),
    step: (frames) => {
      const c = clock();
      if (!c) return;
      for (const v of videos()) v.pause();
      const next = (frameAt(c.currentTime, fps) + frames) / fps;
      const limit = Number.isFinite(c.duration) ? c.duration : next;
      seekAll(Math.max(0, Math.min(next, limit)));
      update({ playing: false, speed: 0 });
    },
    seek: (t) => {
      seekAll(t);
    },
    shuttle: (direction) => {
      const s = stateRef.current.speed;
      const same = Math.sign(s) === direction;
      const speed = direction * (same ? Math.min(MAX_SPEED, Math.abs(s) * 2) : 1);
      if (speed > 0) playAll(speed);
      else {
        for (const v of videos()) v.pause();
        update({ playing: true, speed });
      }
    },
    setIn: () => {
      const t = clock()?.currentTime ?? 0;
      setState((s) => ({ ...s, inPoint: t, outPoint: s.outPoint !== null && s.outPoint <= t ? null : s.outPoint }));
    },
    setOut: () => {
      const t = clock()?.currentTime ?? 0;
      setState((s) => ({ ...s, outPoint: t, inPoint: s.inPoint !== null && s.inPoint >= t ? null : s.inPoint }));
    },
    clearMarks: () => update({ inPoint: null, outPoint: null }),
    toggleLoop: () => setState((s) => ({ ...s, loop: !s.loop })),
  }), [state, fps, attach, videos, playAll, pauseAll, seekAll]);
}

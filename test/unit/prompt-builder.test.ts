// The prompt builder's rules (renderer/generate/prompt-builder.ts): shot-list fields to one
// prompt, negative presets, and the project's style lock on every prompt.
import { describe, expect, it } from 'vitest';
import { composePrompt, emptyShotFields, hasPreset, togglePreset, withStyleLock } from '../../renderer/generate/prompt-builder.js';
import { relockPrompt, withoutStyleLock } from '../../shared/style-lock.js';

describe('prompt from shot-list fields', () => {
  it('leads with the framing, then subject and action, then camera, lighting and style', () => {
    expect(composePrompt({ subject: 'a street-food cook', action: 'flips noodles in a wok', framing: 'medium close-up', camera: 'slow push in', lighting: 'firelight and neon', style: '35mm film.' }))
      .toBe('medium close-up of a street-food cook flips noodles in a wok, slow push in, firelight and neon, 35mm film');
  });
  it('leaves empty fields out and tidies spaces', () => {
    expect(composePrompt({ ...emptyShotFields(), subject: '  a  lighthouse ', lighting: 'dusk' })).toBe('a lighthouse, dusk');
    expect(composePrompt(emptyShotFields())).toBe('');
  });
});

describe('negative presets', () => {
  it('toggles a preset in and out of the comma-separated list, keeping what was typed', () => {
    const on = togglePreset('blur', 'no warping');
    expect(on).toBe('blur, no warping');
    expect(hasPreset(on, 'No Warping')).toBe(true);
    expect(togglePreset(on, 'no warping')).toBe('blur');
    expect(togglePreset('', 'no text overlay')).toBe('no text overlay');
  });
});

describe('style lock', () => {
  it('is appended to the prompt once, even to a prompt that already carries it', () => {
    const sent = withStyleLock('a lighthouse at dusk.', '35mm film, muted teal');
    expect(sent).toBe('a lighthouse at dusk. 35mm film, muted teal');
    expect(withStyleLock(sent, '35mm film, muted teal')).toBe(sent);
  });
  it('is the whole prompt when there is no other text, and nothing when unset', () => {
    expect(withStyleLock('', 'muted teal')).toBe('muted teal');
    expect(withStyleLock('a fox', '  ')).toBe('a fox');
  });
  it('comes off again: the words of a prompt as sent, whatever lock the project has now', () => {
    const OLD = '35mm film, muted teal';
    const sent = withStyleLock('a lighthouse at dusk.', OLD);
    expect(withoutStyleLock(sent, OLD)).toBe('a lighthouse at dusk');
    // Sent again with a new lock: the old one is replaced, not followed.
    expect(withStyleLock(withoutStyleLock(sent, OLD), 'Super 8, warm grain')).toBe('a lighthouse at dusk. Super 8, warm grain');
    expect(relockPrompt(sent, OLD, 'Super 8, warm grain')).toBe('a lighthouse at dusk. Super 8, warm grain');
    expect(relockPrompt(sent, OLD, '')).toBe('a lighthouse at dusk');
    // Under the same lock a prompt sent again is the very same prompt.
    for (const words of ['a fox', 'a fox.', 'a fox; ', 'A FOX 35MM FILM, MUTED TEAL', '']) {
      const once = withStyleLock(words, OLD);
      expect(relockPrompt(once, OLD, OLD)).toBe(once);
      expect(withStyleLock(withoutStyleLock(once, OLD), OLD).toLowerCase().split(OLD).length - 1).toBe(1);
    }
  });
  it('leaves a prompt that does not end with the lock applied, or when none was', () => {
    expect(withoutStyleLock('a fox. Super 8', '35mm film')).toBe('a fox. Super 8');
    expect(withoutStyleLock('a fox. 35mm film', undefined)).toBe('a fox. 35mm film');
    expect(withoutStyleLock('a fox. 35mm film', '  ')).toBe('a fox. 35mm film');
    // The lock alone (no words of the user's): nothing left.
    expect(withoutStyleLock('35mm film', '35mm film')).toBe('');
  });
});

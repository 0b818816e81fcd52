import { z } from 'zod';

/** A channel's schema paired with its result type (carried only in the type system). */
export function channel<I extends z.ZodType>(input: I) {
  return { returns: <O>() => ({ input, output: undefined as unknown as O }) };
}

export type ChannelDef = { input: z.ZodType; output: unknown };

export const Id = z.number().int().positive();
export const Empty = z.object({}).strict();

/**
 * Joins the per-domain channel maps into one, refusing a name defined twice (a spread would let
 * the later one win silently).
 */
export function joinChannels<T extends Record<string, ChannelDef>[]>(...maps: T): UnionToIntersection<T[number]> {
  const out: Record<string, ChannelDef> = {};
  for (const map of maps) {
    for (const [name, def] of Object.entries(map)) {
      if (name in out) throw new Error(`contract: channel "${name}" is defined twice`);
      out[name] = def;
    }
  }
  return out as UnionToIntersection<T[number]>;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

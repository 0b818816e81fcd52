// What every provider's price table has in common, so one editor, one contract and one store
// serve seven differently shaped tables. A table is plain nested data (shared/pricing/<id>.ts);
// a price is one numeric leaf, named by its path of keys (['models', 'kling-v1-6', 'per5s',
// 'pro'] — provider-specific keys such as model, mode, resolution or duration). Each provider
// says which leaves are prices a user may correct and how to label them (`describe`); the rest
// (currency conversions, fixed literals) are not offered.

/** Above this a "price" is surely a typo (the dearest built-in figure is 15). */
export const MAX_PRICE = 1_000_000;

/** How a price row reads in Settings and in an estimate's explanation. */
export interface PriceRowLabel {
  /** The model, or what the row is about when it is not one model ("Lip sync", "All models"). */
  model: string;
  /** The mode, resolution, size or duration the price is for; '' when there is none. */
  option: string;
  /** What the number means ("credits per 5 s", "$ per second", "× the clip price"). */
  unit: string;
}

/** Labels a leaf's path, or null when the leaf is not a price a user may edit. */
export type DescribePrice = (path: readonly string[]) => PriceRowLabel | null;

export interface ProviderPricing<T extends object = object> {
  table: T;
  describe: DescribePrice;
}

/** One price as Settings shows it: the built-in figure, the one in use, and whose it is. */
export interface PriceRow extends PriceRowLabel {
  path: string[];
  builtIn: number;
  price: number;
  overridden: boolean;
}

export interface PriceTableView {
  provider: string;
  rows: PriceRow[];
}

/** A price an estimate read, as recorded with it (the ledger's note, the form's explanation). */
export interface PriceUsed extends PriceRowLabel {
  path: string[];
  price: number;
  overridden: boolean;
}

export interface PriceOverride {
  path: readonly string[];
  price: number;
}

/** Every numeric leaf with its path, in the table's own order. */
export function priceLeaves(table: object, prefix: string[] = []): { path: string[]; price: number }[] {
  const out: { path: string[]; price: number }[] = [];
  for (const [key, value] of Object.entries(table)) {
    if (typeof value === 'number') out.push({ path: [...prefix, key], price: value });
    else if (value !== null && typeof value === 'object') out.push(...priceLeaves(value as object, [...prefix, key]));
  }
  return out;
}

/** The numeric leaf at `path`, or undefined when there is none (an unknown key, or not a number). */
export function priceAt(table: object, path: readonly string[]): number | undefined {
  let node: unknown = table;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'number' ? node : undefined;
}

/** True when `path` names a price the user may set in this provider's table. */
export function isEditablePrice(pricing: ProviderPricing, path: readonly string[]): boolean {
  return priceAt(pricing.table, path) !== undefined && pricing.describe(path) !== null;
}

/**
 * A copy of the table with the user's prices in place of the built-in ones. An override whose
 * row no longer exists (a model dropped in a later version) or is not editable is ignored; the
 * built-in table itself is never modified.
 */
export function withOverrides<T extends object>(pricing: ProviderPricing<T>, overrides: readonly PriceOverride[]): T {
  const copy = structuredClone(pricing.table);
  for (const o of overrides) {
    if (!isEditablePrice(pricing, o.path)) continue;
    let node = copy as Record<string, unknown>;
    for (const key of o.path.slice(0, -1)) node = node[key] as Record<string, unknown>;
    node[o.path.at(-1)!] = o.price;
  }
  return copy;
}

/** The table as Settings shows it: every editable price, built-in and in use. */
export function priceRows(pricing: ProviderPricing, overrides: readonly PriceOverride[]): PriceRow[] {
  const mine = new Map(overrides.map((o) => [pathKey(o.path), o.price]));
  const rows: PriceRow[] = [];
  for (const leaf of priceLeaves(pricing.table)) {
    const label = pricing.describe(leaf.path);
    if (!label) continue;
    const own = mine.get(pathKey(leaf.path));
    rows.push({ ...label, path: leaf.path, builtIn: leaf.price, price: own ?? leaf.price, overridden: own !== undefined });
  }
  return rows;
}

/**
 * The table wrapped so that reading a price records its path: the estimate functions stay plain
 * arithmetic over plain data, and the caller still learns exactly which prices an estimate used
 * (for the ledger's note and the form), without each of seven functions reporting it by hand.
 */
export function tracePrices<T extends object>(table: T): { table: T; used: string[][] } {
  const used: string[][] = [];
  const wrap = (node: object, path: string[]): object =>
    new Proxy(node, {
      get(target, key, receiver) {
        const value: unknown = Reflect.get(target, key, receiver);
        if (typeof key !== 'string') return value;
        if (typeof value === 'number') {
          const at = [...path, key];
          if (!used.some((p) => pathKey(p) === pathKey(at))) used.push(at);
          return value;
        }
        return value !== null && typeof value === 'object' ? wrap(value, [...path, key]) : value;
      },
    });
  return { table: wrap(table, []) as T, used };
}

export function pathKey(path: readonly string[]): string {
  return JSON.stringify(path);
}

/** "kling-v1-6 · pro: 3.5 credits per 5 s (your price)" — one used price in words. */
export function describeUsedPrice(p: PriceUsed): string {
  const what = p.option ? `${p.model} · ${p.option}` : p.model;
  return `${what}: ${formatPrice(p.price)} ${p.unit} (${p.overridden ? 'your price' : 'built-in'})`;
}

export function formatPrice(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 4 });
}

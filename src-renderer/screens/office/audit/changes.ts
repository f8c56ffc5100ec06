/**
 * An audit row's before/after, readably: both flattened to leaf fields ("balances.principalMinor"),
 * then only what differs — or, for a new record or an event, what there is. Lists of records (a
 * bill's payments) stay one field each. Pure: the tab formats the values.
 */
export type Leaf = string | number | boolean | null;
/** A list of small records, shown as one line each. */
export type LeafValue = Leaf | Array<Record<string, Leaf>> | Leaf[];

export interface Change {
  /** Dotted path of keys: "balances.principalMinor". */
  path: string;
  /** The last key: what decides how the value is shown (…Minor is money). */
  key: string;
  before: LeafValue | undefined;
  after: LeafValue | undefined;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function toLeafValue(value: unknown): LeafValue {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) {
    if (value.every(isPlainObject)) return value.map((item) => Object.fromEntries(Object.entries(item).map(([k, v]) => [k, isPlainObject(v) || Array.isArray(v) ? JSON.stringify(v) : (v as Leaf)])));
    return value.map((v) => (isPlainObject(v) || Array.isArray(v) ? JSON.stringify(v) : (v as Leaf)));
  }
  return JSON.stringify(value);
}

/** Leaf fields of a JSON value by dotted path (a value that is not an object is one field: ""). */
export function flatten(value: unknown, prefix = '', out = new Map<string, LeafValue>()): Map<string, LeafValue> {
  if (isPlainObject(value)) {
    for (const [key, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${key}` : key, out);
  } else if (value !== undefined) {
    out.set(prefix, toLeafValue(value));
  }
  return out;
}

const same = (a: LeafValue | undefined, b: LeafValue | undefined) => JSON.stringify(a) === JSON.stringify(b);
/** Nothing to show: absent, null, an empty text or list. */
const blank = (v: LeafValue | undefined) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

export function changesOf(before: unknown, after: unknown): Change[] {
  const b = before === null || before === undefined ? new Map<string, LeafValue>() : flatten(before);
  const a = after === null || after === undefined ? new Map<string, LeafValue>() : flatten(after);
  const paths = [...new Set([...b.keys(), ...a.keys()])];
  return paths
    .filter((path) => !same(b.get(path), a.get(path)) && !(blank(b.get(path)) && blank(a.get(path))))
    .map((path) => ({ path, key: path.split('.').at(-1) ?? path, before: b.get(path), after: a.get(path) }));
}

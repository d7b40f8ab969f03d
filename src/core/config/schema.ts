/**
 * A few value checks that compose into a schema, shared by the config and the stored
 * record. A check returns the value it accepts (objects and lists as fresh copies, so
 * nothing of the input's prototype chain survives) or reports the key and why, and
 * returns `undefined`. A check may carry a `fallback`: then a `shape` fills the field
 * with it when the input has none or a bad one, so one table holds both the rule and the
 * default. Written for size: the banner's critical path carries it, for the interface's keys.
 */

/** Category ids: short, and safe in a CSS selector, an attribute and a cookie value. */
export const ID = /^(?!__proto__$)[\w-]{1,40}$/;

/** Reports a problem at a key; returns `undefined` so a check can `return fail(…)`. */
export type Fail = (key: string, message: string) => undefined;

/** Checks the value found at `key`. */
export interface Check<T = unknown> {
  (value: unknown, key: string, fail: Fail): T | undefined;
  /** The value a `shape` uses when the input has none, or a bad one. */
  fallback?: T;
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A check from a test and what passes it (for the message), with an optional fallback. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test narrows the value itself (typeof, Array.isArray)
export const is = <T>(expected: string, test: (value: any) => boolean, fallback?: T): Check<T> =>
  Object.assign((value: unknown, key: string, fail: Fail) => (test(value) ? (value as T) : fail(key, `must be ${expected}`)), { fallback });

export const bool = (fallback?: boolean) => is<boolean>('true or false', (v) => typeof v === 'boolean', fallback);

/** A non-empty string of at most `max` characters, matching `pattern` when given. */
export const text = (max: number, pattern = /^/, fallback?: string): Check<string> =>
  is(
    `a string of 1 to ${max} characters matching ${pattern}`,
    (v) => typeof v === 'string' && !!v && v.length <= max && pattern.test(v),
    fallback,
  );

export const int = (min: number, max: number, fallback?: number): Check<number> =>
  is(`a whole number from ${min} to ${max}`, (v) => Number.isInteger(v) && v >= min && v <= max, fallback);

export const oneOf = <T extends string | number>(options: T[], fallback?: T): Check<T> =>
  is(`one of ${options.join(', ')}`, (v) => options.includes(v), fallback);

/** A list of at most `max` items; bad items are reported and dropped. */
export const list = <T>(item: Check<T>, max = 50, fallback?: T[]): Check<T[]> =>
  Object.assign(
    (value: unknown, key: string, fail: Fail) =>
      Array.isArray(value) && value.length <= max
        ? (value.map((v, i) => item(v, `${key}[${i}]`, fail)).filter((v) => v !== undefined) as T[])
        : fail(key, `must be a list of at most ${max} items`),
    { fallback },
  );

/**
 * An object whose entries are each checked by `checkFor(name)`; a name without a check is
 * reported as unknown (unless `open`), a bad value is reported and left out. `__proto__`
 * and friends never pass.
 */
export const entries =
  <T>(checkFor: (name: string) => Check | undefined, open = false): Check<T> =>
  (value, key, fail) => {
    if (!isObject(value)) return fail(key, 'must be an object');
    const out: Record<string, unknown> = {};
    for (const name of Object.keys(value)) {
      const at = (key ? `${key}.` : '') + name.slice(0, 80);
      const check = /^(__proto__|constructor|prototype)$/.test(name) ? undefined : checkFor(name);
      const checked = check ? check(value[name], at, fail) : open || fail(at, 'is not a known key');
      if (checked !== undefined && check) out[name] = checked;
    }
    return out as T;
  };

/**
 * An object with these known keys. Fields with a fallback are always present in the
 * result: from the input when it passes, else the fallback (a nested shape builds its own
 * from its fields). So `shape(fields)({}, …)` is the defaults.
 */
export const shape = <T>(fields: { [K in keyof T]: Check<T[K]> }, open?: boolean): Check<T> => {
  const table = fields as Record<string, Check>;
  // Own keys only: `valueOf` or `toString` must not find Object.prototype's methods.
  const inner = entries<Record<string, unknown>>((name) => (Object.hasOwn(table, name) ? table[name] : undefined), open);
  const check: Check<T> = (value, key, fail) => {
    const out = inner(value, key, fail);
    if (!out) return;
    for (const name in table) if (!(name in out) && table[name]!.fallback !== undefined) out[name] = table[name]!.fallback;
    return out as T;
  };
  // A nested shape's fallback is a fresh object of its fields' fallbacks, if they have any.
  return Object.defineProperty(check, 'fallback', {
    get: () => {
      const fallback = check({}, '', () => undefined)!;
      return Object.keys(fallback).length ? fallback : undefined;
    },
  });
};

/** An object of any keys matching `pattern`, each value checked by `item`. */
export const record = <T>(pattern: RegExp, item: Check<T>): Check<Record<string, T>> =>
  entries((name) => (pattern.test(name) ? item : undefined));

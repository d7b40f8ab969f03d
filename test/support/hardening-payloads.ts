/**
 * Hostile values for the hardening suite (test/hardening/): markup and script in texts,
 * dangerous URL schemes, prototype-pollution keys, huge and deeply nested values. Every
 * payload that could run sets a flag on the window it runs in, so "nothing ran" is a
 * number that can be checked, not an absence of evidence.
 */
import fc from 'fast-check';

/** The window property every payload increments when it runs. */
export const FLAG = '__kelisimPwned';

/** Runs when evaluated as script, in whatever window it lands. */
const RUN = `(window.${FLAG}=(window.${FLAG}||0)+1)`;

/** Markup and script written where text goes: each would run if it were treated as HTML or code. */
export const TEXT_PAYLOADS: string[] = [
  `<img src=x onerror="${RUN}">`,
  `<script>${RUN}</script>`,
  `"><svg onload="${RUN}">`,
  `'><img src=x onerror='${RUN}'>`,
  `</style></template><script>${RUN}</script>`,
  `<iframe srcdoc="<script>parent.${FLAG}=1</script>"></iframe>`,
  `<a href="javascript:${RUN}">click</a>`,
  `<details open ontoggle="${RUN}">`,
  `{{constructor.constructor('${RUN}')()}}`,
  `\${${RUN}}`,
  `{controller}<b>{address}</b>{n}{date}`,
  "$& $` $' $1",
  `<!--<script>${RUN}</script>-->`,
  '\u202eevil\u202c \u0000 \ufeff \u2028',
];

/** Values written where a URL goes: each must be refused (none is https:, http:, mailto: or relative). */
export const URL_PAYLOADS: string[] = [
  `javascript:${RUN}`,
  `JaVaScRiPt:${RUN}`,
  ` \t\njavascript:${RUN}`,
  `java\nscript:${RUN}`,
  `java\tscript:${RUN}`,
  `\u0001javascript:${RUN}`,
  `data:text/html,<script>${RUN}</script>`,
  `data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==`,
  `vbscript:msgbox(1)`,
  `blob:https://example.kz/0b9d7f8c`,
  `file:///etc/passwd`,
  `ftp://example.kz/x`,
  `ws://example.kz/x`,
];

/** Own keys that attack objects: pollution, markup in a key, and an empty one. */
export const HOSTILE_KEYS: string[] = [
  '__proto__',
  'constructor',
  'prototype',
  'onerror',
  `<img src=x onerror="${RUN}">`,
  '',
  ' ',
  'policy ',
  'x'.repeat(300),
];

/**
 * The names an ordinary object inherits from `Object.prototype`. A schema that looks keys
 * up in a plain object table finds these on every table; test/hardening/config.test.ts
 * covers them at every object position of the config and the record.
 */
export const INHERITED_NAMES: string[] = Object.getOwnPropertyNames(Object.prototype);

/** Whether a key is one of {@link INHERITED_NAMES}. */
export const isInherited = (key: string): boolean => INHERITED_NAMES.includes(key);

/** A string far past every limit the widget sets (the largest is 4096). */
export const hugeString = fc.integer({ min: 5_000, max: 200_000 }).map((n) => `<img src=x onerror="${RUN}">`.padEnd(n, 'A'));

/** Objects or lists nested 20 to 2000 deep. */
export const deepNesting = fc.tuple(fc.integer({ min: 20, max: 2000 }), fc.boolean()).map(([depth, asList]) => {
  let value: unknown = RUN;
  for (let i = 0; i < depth; i++) value = asList ? [value] : { policy: value, __proto__x: 1 };
  return value;
});

/** Keys for generated objects: ordinary, hostile, and fast-check's own dangerous ones, minus inherited names (see above). */
export const anyKey = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...HOSTILE_KEYS)).filter((key) => !isInherited(key));

/** Any JSON-like value, with hostile keys and strings mixed in. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, 1e308, -0, '', 'true', '365'),
    fc.string({ maxLength: 40 }),
    fc.constantFrom(...TEXT_PAYLOADS, ...URL_PAYLOADS),
    fc.integer(),
    fc.double(),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(anyKey, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** A hostile value of any kind for any key: wrong types, payloads, huge and deep values. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileJson },
  { weight: 1, arbitrary: hugeString },
  { weight: 1, arbitrary: deepNesting },
);

/** How many payloads ran in these windows (0 is the only right answer). */
export function payloadsRun(...windows: Array<Window | null | undefined>): number {
  return windows.reduce((sum, w) => sum + Number((w as unknown as Record<string, unknown> | null)?.[FLAG] ?? 0), 0);
}

/**
 * Elements that must never appear inside the widget's shadow root, and attributes that
 * must never be there: if one does, a text was parsed as markup.
 */
export function markupInjected(root: ParentNode): string[] {
  const found: string[] = [];
  for (const element of root.querySelectorAll('*')) {
    const tag = element.localName;
    if (/^(script|img|svg|iframe|object|embed|template|style|b|math|form|base|meta|link)$/.test(tag)) found.push(`<${tag}>`);
    for (const { name, value } of element.attributes) {
      if (/^on/i.test(name)) found.push(`${tag}[${name}]`);
      if (/^(href|src|action|formaction|xlink:href)$/i.test(name) && !safeScheme(value, element.ownerDocument.baseURI))
        found.push(`${tag}[${name}=${value.slice(0, 40)}]`);
    }
  }
  return found;
}

/** https:, http:, mailto: (relative links resolve to the page's own scheme). */
export function safeScheme(value: string, base: string): boolean {
  try {
    return /^(https|http|mailto):$/.test(new URL(value, base).protocol);
  } catch {
    return false;
  }
}

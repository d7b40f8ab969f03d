/**
 * `<kelisim-consent>` in JSX, for a page that places kelisim's root element itself (the
 * loader then uses it rather than adding one to `<body>`). Types only: this module costs
 * nothing at run time. The package's types declare it for React 19 (`React.JSX`, which the
 * `react-jsx` transform reads) and for the global `JSX` namespace (React 18's types and
 * libraries that read it), so `<kelisim-consent />` type-checks without a cast.
 */

/** The attributes a page gives `<kelisim-consent>`: the element has none of its own. */
export interface KelisimConsentAttributes {
  id?: string;
  class?: string;
  className?: string;
  style?: unknown;
  hidden?: boolean;
  slot?: string;
  lang?: string;
  key?: string | number | null;
  ref?: unknown;
  children?: unknown;
  [data: `data-${string}`]: unknown;
}

declare global {
  namespace React {
    namespace JSX {
      interface IntrinsicElements {
        'kelisim-consent': KelisimConsentAttributes;
      }
    }
  }
  namespace JSX {
    interface IntrinsicElements {
      'kelisim-consent': KelisimConsentAttributes;
    }
  }
}

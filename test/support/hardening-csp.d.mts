/** Types of hardening-csp.mjs (shared by the test server and the browser test). */
export declare const CSP_NONCE: string;
export declare const CSP_VARIANTS: Record<'strict' | 'no-nonce' | 'no-kelisim-policy' | 'no-lit-policy', string>;

/**
 * The classic-script build (`dist/kelisim.iife.js`) for places that cannot load modules,
 * such as tag managers: the same loader, with the interface and every language inlined
 * into one file. It sets `window.Kelisim`; it exports nothing.
 */
import './kelisim.js';

import { KelisimConsent } from './kelisim-consent.js';

// Guarded: a second copy of the script on the page (a tag manager and a template, say)
// finds the element defined and uses it, rather than throwing.
if (!customElements.get('kelisim-consent')) customElements.define('kelisim-consent', KelisimConsent);

import { expect } from '@open-wc/testing';
import { resolveConfig } from '../core/config/check.js';
import { createSession } from '../core/session/session.js';
import { KelisimConsent } from './kelisim-consent.js';
import { mount } from './mount.js';
import { part, resetPage, settle, start, until } from '../../test/support/ui.js';

/** A session that is not started: mount() alone, with no page listeners added. */
const session = () => {
  const { config, deferred } = resolveConfig({ language: 'en' });
  return createSession(config, deferred, { mount });
};

describe('mount', () => {
  beforeEach(resetPage);

  it('adds one <kelisim-consent> as the first child of <body>, first in keyboard order, and reuses it', async () => {
    const link = document.createElement('a');
    link.href = '#';
    link.textContent = 'a page link';
    document.body.prepend(link);
    const s = session();
    mount('banner', s);
    mount('preferences', s);
    const elements = document.querySelectorAll('kelisim-consent');
    expect(elements).to.have.length(1);
    expect(document.body.firstElementChild).to.equal(elements[0]);
    link.remove();
    const element = elements[0] as KelisimConsent;
    await until(() => element.renderRoot.querySelector('dialog[open]'), 'the preferences');
    expect(element.renderRoot.querySelector('[part~="banner"]')).to.exist;
    expect(element.shadowRoot, 'open shadow root').to.equal(element.renderRoot);
  });

  it('uses the page’s own element where the page placed it', async () => {
    const holder = document.createElement('div');
    holder.dataset.test = '';
    const own = document.createElement('kelisim-consent');
    holder.append(own);
    document.body.append(holder);
    mount('banner', session());
    expect(document.querySelectorAll('kelisim-consent')).to.have.length(1);
    await until(() => own.renderRoot.querySelector('[part~="banner"]'), 'the banner in the page’s element');
  });

  it('defines the element once; a second copy of the definition does not throw', async () => {
    expect(customElements.get('kelisim-consent')).to.equal(KelisimConsent);
    // Another evaluation of the module, as a second copy of the script would bring; unguarded,
    // customElements.define throws for a name already defined, whatever the class.
    const copy = new URL('../../src/ui/define.ts', import.meta.url);
    copy.searchParams.set('copy', String(Math.random()));
    await import(copy.href);
    expect(customElements.get('kelisim-consent')).to.equal(KelisimConsent);
  });

  it('reports the interface config’s problems once, however often a view is shown', async () => {
    const { config, deferred } = resolveConfig({ language: 'en', layout: 'sideways' });
    const s = createSession(config, deferred, { mount });
    const reported: string[] = [];
    const listener = (event: Event) => reported.push((event as CustomEvent).detail.key);
    document.addEventListener('kelisim:error', listener);
    const original = console.error;
    console.error = () => {};
    try {
      mount('banner', s);
      mount('preferences', s);
      const element = document.querySelector('kelisim-consent')!;
      await until(() => element.renderRoot.querySelector('dialog[open]'), 'the preferences');
      mount('preferences', s);
      await settle(element);
    } finally {
      console.error = original;
      document.removeEventListener('kelisim:error', listener);
    }
    expect(reported).to.deep.equal(['layout']);
  });

  // Last: started sessions keep their page listeners, so this file starts only this one.
  it('any element with data-kelisim-open opens the preferences', async () => {
    const { root, element } = await start();
    const link = document.createElement('a');
    link.href = '#privacy';
    link.dataset.kelisimOpen = '';
    link.dataset.test = '';
    link.textContent = 'Privacy settings';
    document.body.append(link);
    link.click();
    await until(() => root.querySelector('dialog[open]'), 'the preferences');
    await settle(element);
    expect(part<HTMLDialogElement>(root, 'preferences').open).to.be.true;
    expect(location.hash, 'the link’s own navigation is prevented').not.to.equal('#privacy');
  });
});

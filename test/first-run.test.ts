/**
 * A new site's first run (issue 14): the README's first lines keep edunavigator.kz's
 * controller and policy link; on any other host, one console.warn says which keys to set,
 * once, and never as an error.
 */
import { expect } from '@open-wc/testing';
import { firstRunHint } from '../src/core/config/check.js';
import { cleanEachTest, openPage, type TestPage } from './support/page.js';

const policy = { version: '2026-06-01', publishedAt: '2026-06-01' };
/** Collects the page's console.warn lines. */
const before = `window.__warns = []; const warn = console.warn; console.warn = (...args) => { window.__warns.push(args.join(' ')); warn.apply(console, args); };`;
const warns = (page: TestPage) => (page.window as unknown as { __warns: string[] }).__warns.filter((line) => line.startsWith('kelisim:'));

describe('first run on a new site', () => {
  let page: TestPage | undefined;
  cleanEachTest(() => {
    page?.remove();
    page = undefined;
  });

  it('says once, as a warning, which keys to set when the built-in controller and policy link are used here', async () => {
    page = await openPage({ config: { policy }, before });
    expect(warns(page)).to.have.length(1);
    expect(warns(page)[0])
      .to.include(`${location.hostname} shows edunavigator.kz's own controller and policy.url`)
      .and.include('controller (name, bin, address, email)')
      .and.include('texts');
    expect(page.window.__errors, 'not an error').to.deep.equal([]);
    expect(page.window.__events.filter((event) => event.type === 'kelisim:error')).to.deep.equal([]);
    page.remove();
    // The same config on the next page view: checked clean already, nothing said again.
    page = await openPage({ config: { policy }, before });
    expect(warns(page)).to.deep.equal([]);
  });

  it('says nothing to a site that set its own controller and policy link', async () => {
    page = await openPage({
      config: { policy: { ...policy, url: 'https://example.kz/privacy' }, controller: { name: 'Example LLP' } },
      before,
    });
    expect(warns(page)).to.deep.equal([]);
  });

  it('names only what is still edunavigator’s, and says nothing on edunavigator.kz itself', () => {
    expect(firstRunHint({}, 'edunavigator.kz')).to.equal(undefined);
    expect(firstRunHint({}, 'www.edunavigator.kz')).to.equal(undefined);
    expect(firstRunHint({ controller: { name: 'Example LLP' }, policy: { url: '/privacy' } }, 'example.kz')).to.equal(undefined);
    expect(firstRunHint({ controller: { name: 'Example LLP' } }, 'example.kz'))
      .to.include('own policy.url')
      .and.not.include('controller (');
    expect(firstRunHint({ policy: { url: '/privacy' } }, 'example.kz'))
      .to.include('own controller')
      .and.not.include('policy.url (');
    expect(firstRunHint({}, 'notedunavigator.kz')).to.include('notedunavigator.kz shows');
  });
});

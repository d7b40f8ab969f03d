import { expect } from '@open-wc/testing';
import { resolveConfig } from '../config/check.js';
import { createSession } from './session.js';
import { sha256 } from '../receipts/receipts.js';
import {
  bucketName,
  cleanPage,
  collect,
  endpointLog,
  endpointUrl,
  storedRecord,
  waitFor,
  waitForLog,
} from '../../../test/support/core-helpers.js';

/** A started session of its own cookie name (listeners of earlier sessions stay on the page). */
async function started(bucket: string, record?: object, policy = { version: '2026-06-01', publishedAt: '2026-06-01' }) {
  const name = `kelisim_${bucket.replace(/-/g, '_')}`;
  if (record) document.cookie = `${name}=${encodeURIComponent(JSON.stringify(record))}; path=/`;
  const session = createSession(resolveConfig({ policy, endpoint: endpointUrl(bucket), cookie: { name } }).config);
  await session.start();
  return { session, actions: await session.actions() };
}

describe('Actions', () => {
  beforeEach(cleanPage);
  afterEach(cleanPage);

  it('sends banner.shown once per page view, but proves the words shown last', async () => {
    const bucket = bucketName('shown-once');
    const { actions } = await started(bucket);
    actions.viewShown({ view: 'banner', texts: ['Your data', 'Accept all'], uiVersion: 'test/1' });
    actions.viewShown({ view: 'banner', texts: ['Сіздің деректеріңіз', 'Барлығын қабылдау'], uiVersion: 'test/1' });
    actions.acceptAll();
    const log = await waitForLog(bucket, (l) => l.events.some((e) => e.type === 'consent.given'));
    expect(log.events.filter((e) => e.type === 'banner.shown')).to.have.length(1);
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode('Сіздің деректеріңіз\nБарлығын қабылдау'));
    const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
    expect(log.events.find((e) => e.type === 'consent.given')).to.include({ textsHash: hex, uiVersion: 'test/1', method: 'accept-all' });
  });

  it('emits kelisim:notice and sends notice.shown once, and records when the notice was first seen', async () => {
    const bucket = bucketName('notice-once');
    const notices = collect('kelisim:notice');
    const { session, actions } = await started(bucket, storedRecord({ policyVersion: '2025-01-01' }));
    actions.viewShown({ view: 'notice', texts: ['Changed'], uiVersion: 'test/1' });
    actions.viewShown({ view: 'notice', texts: ['Өзгертілді'], uiVersion: 'test/1' });
    notices.stop();
    expect(notices.details).to.have.length(1);
    expect(session.record!.noticeSeen).to.include({ version: '2026-06-01' });
    await waitForLog(bucket, (l) => l.events.some((e) => e.type === 'notice.shown'));
    expect((await endpointLog(bucket)).events.filter((e) => e.type === 'notice.shown')).to.have.length(1);
  });

  it('records the notice seen with the hash of its words; the implicit acceptance a page view later is proven by them', async () => {
    const bucket = bucketName('implicit-proof');
    const { session, actions } = await started(bucket, storedRecord({ policyVersion: '2025-01-01' }));
    const texts = ['Құпиялылық саясаты өзгертілді', 'Жарияланған күні: 2026 ж. 1 маусым.', 'Өзгертулерді қабылдау'];
    actions.viewShown({ view: 'notice', texts, uiVersion: 'test/1' });
    const hex = (await sha256(texts.join('\n')))!;
    await waitFor(() => session.record!.noticeSeen?.textsHash === hex, 2000, 'the hash in noticeSeen');
    const seen = session.record!.noticeSeen!;
    expect(seen).to.deep.equal({ version: '2026-06-01', at: seen.at, textsHash: hex, uiVersion: 'test/1' });
    const shown = (await waitForLog(bucket, (l) => l.events.some((e) => e.type === 'notice.shown'))).events.find(
      (e) => e.type === 'notice.shown',
    );
    expect(shown, "the notice's own receipt names the same words").to.include({ textsHash: hex, uiVersion: 'test/1' });

    // The next page view, past the period: accepted by continued use, with the notice as proof.
    const name = session.config.cookie.name;
    const next = createSession(
      resolveConfig({ policy: { version: '2026-06-01', publishedAt: '2026-06-01' }, endpoint: endpointUrl(bucket), cookie: { name } })
        .config,
    );
    expect((await next.start()).view).to.equal('none');
    const log = await waitForLog(bucket, (l) => l.events.some((e) => e.type === 'policy.accepted.implicit'));
    expect(log.events.find((e) => e.type === 'policy.accepted.implicit')).to.include({
      method: 'implicit',
      textsHash: hex,
      uiVersion: 'test/1',
      noticeShownAt: seen.at,
    });
  });

  it('an implicit acceptance from a notice seen before the words were recorded says when, without a hash', async () => {
    const bucket = bucketName('implicit-unproven');
    const at = new Date(Date.now() - 10 * 86_400_000).toISOString();
    await started(bucket, storedRecord({ policyVersion: '2025-01-01', noticeSeen: { version: '2026-06-01', at } }));
    const log = await waitForLog(bucket, (l) => l.events.some((e) => e.type === 'policy.accepted.implicit'));
    const implicit = log.events.find((e) => e.type === 'policy.accepted.implicit')!;
    expect(implicit).to.include({ noticeShownAt: at });
    expect(implicit.textsHash).to.equal(undefined);
  });

  it('marking a minor turns adult-only categories off without accepting a pending policy change', async () => {
    const bucket = bucketName('minor-pending');
    const before = storedRecord({
      policyVersion: '2025-01-01',
      categories: { necessary: true, analytics: true, marketing: true, partners: true },
    });
    const { session, actions } = await started(bucket, before);
    actions.setSubject(true);
    expect(session.record).to.include({ policyVersion: '2025-01-01', policyAcceptedBy: 'button', decidedAt: before.decidedAt });
    expect(session.record!.categories).to.deep.equal({ necessary: true, analytics: true, marketing: false, partners: false });
    const log = await waitForLog(bucket, (l) => l.events.some((e) => e.type === 'consent.updated'));
    expect(log.events.find((e) => e.type === 'consent.updated')).to.include({ subject: 'minor', method: 'custom' });
  });
});

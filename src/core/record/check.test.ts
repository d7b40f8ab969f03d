import { expect } from '@open-wc/testing';
import { isExpired } from '../policy/current.js';
import { parseRecord } from './check.js';
import type { ConsentRecord } from '../types.js';

const now = new Date('2026-11-24T12:00:00.000Z');
const valid: ConsentRecord = {
  v: 1,
  id: '3f1c2a4e-1111-4222-8333-444455556666',
  policyVersion: '2026-06-01',
  categories: { necessary: true, analytics: false, marketing: false, partners: false },
  decidedAt: '2026-11-24T10:00:00.000Z',
  updatedAt: '2026-11-24T10:00:00.000Z',
  policyAcceptedBy: 'button',
  lang: 'kk',
};
const raw = (over: Record<string, unknown>) => JSON.stringify({ ...valid, ...over });

describe('parseRecord', () => {
  it('reads the record of SPEC §4', () => {
    expect(parseRecord(JSON.stringify(valid), now)).to.deep.equal({ record: valid });
  });

  it("keeps the hash of the notice's words in noticeSeen, and drops a malformed one without losing the choice", () => {
    const hash = 'ab'.repeat(32);
    const kept = parseRecord(
      raw({ noticeSeen: { version: '2027', at: '2026-11-20T00:00:00.000Z', textsHash: hash, uiVersion: '1.1.0' } }),
      now,
    );
    expect(kept.record!.noticeSeen).to.deep.equal({ version: '2027', at: '2026-11-20T00:00:00.000Z', textsHash: hash, uiVersion: '1.1.0' });
    for (const bad of [
      { textsHash: 'xyz', uiVersion: '1' },
      { textsHash: hash },
      { textsHash: hash.toUpperCase(), uiVersion: '1' },
      { textsHash: 7, uiVersion: '1' },
    ]) {
      const { record, problem } = parseRecord(raw({ noticeSeen: { version: '2027', at: '2026-11-20T00:00:00.000Z', ...bad } }), now);
      expect(problem, JSON.stringify(bad)).to.equal(undefined);
      expect(record!.noticeSeen).to.deep.equal({ version: '2027', at: '2026-11-20T00:00:00.000Z' });
    }
  });

  it('keeps noticeSeen and ignores fields a later version may add', () => {
    const { record } = parseRecord(raw({ noticeSeen: { version: '2027', at: '2026-11-20T00:00:00.000Z' }, extra: 1 }), now);
    expect(record!.noticeSeen).to.deep.equal({ version: '2027', at: '2026-11-20T00:00:00.000Z' });
    expect(record).not.to.have.property('extra');
  });

  it('is no choice, quietly, when nothing is stored', () => {
    expect(parseRecord(null, now)).to.deep.equal({ record: null });
    expect(parseRecord('', now)).to.deep.equal({ record: null });
  });

  const bad: Array<[string, string, string]> = [
    ['truncated JSON', JSON.stringify(valid).slice(0, 40), 'record'],
    ['not an object', '[1,2]', 'record'],
    ['a number', '42', 'record'],
    ['another app’s data under our name', '{"theme":"dark"}', 'v'],
    ['unknown format version', raw({ v: 2 }), 'v'],
    ['categories not booleans', raw({ categories: { analytics: 'yes' } }), 'categories.analytics'],
    ['decided in the future', raw({ decidedAt: '2026-11-25T12:00:00.000Z' }), 'decidedAt'],
    ['updated in the future', raw({ updatedAt: '2030-01-01T00:00:00.000Z' }), 'updatedAt'],
    ['not an ISO time', raw({ decidedAt: 'yesterday' }), 'decidedAt'],
    ['unknown language', raw({ lang: 'de' }), 'lang'],
    ['bad acceptance', raw({ policyAcceptedBy: 'silence' }), 'policyAcceptedBy'],
    ['missing id', JSON.stringify({ ...valid, id: undefined }), 'id'],
    ['prototype pollution', raw({ categories: JSON.parse('{"__proto__": true}') }), 'categories.__proto__'],
    ['enormous', raw({ policyVersion: 'x'.repeat(5000) }), 'record'],
  ];
  for (const [name, value, key] of bad) {
    it(`reads ${name} as no choice, and says why`, () => {
      const { record, problem } = parseRecord(value, now);
      expect(record).to.equal(null);
      expect(problem).to.include({ code: 'storage' });
      expect(problem!.key).to.equal(key);
    });
  }

  it('tolerates a clock a few minutes behind the one that wrote it', () => {
    expect(parseRecord(raw({ decidedAt: '2026-11-24T12:04:00.000Z', updatedAt: '2026-11-24T12:04:00.000Z' }), now).record).not.to.equal(
      null,
    );
  });
});

describe('isExpired', () => {
  it('expires consentMaxAgeDays after the decision', () => {
    const decided = { ...valid, decidedAt: '2025-11-24T12:00:00.000Z' };
    expect(isExpired(decided, 365, new Date('2026-11-24T11:59:59.000Z'))).to.equal(false);
    expect(isExpired(decided, 365, new Date('2026-11-24T12:00:00.000Z'))).to.equal(true);
  });
});

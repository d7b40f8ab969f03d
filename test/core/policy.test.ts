import { expect } from '@open-wc/testing';
import { defaults } from '../../src/core/defaults.js';
import { decide, implicitAcceptanceAt } from '../../src/core/policy.js';
import type { ConsentRecord, CoreConfig, View } from '../../src/core/types.js';

/** Local calendar dates: the rule counts days in the visitor's calendar. */
const day = (iso: string, hour = 12) => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y!, m! - 1, d!, hour);
};

const v2: CoreConfig = { ...defaults(), policy: { version: '2026-06-01', publishedAt: '2026-06-01', implicitAcceptanceDays: 7 } };

const record = (over: Partial<ConsentRecord> = {}): ConsentRecord => ({
  v: 1,
  id: '3f1c2a4e-1111-4222-8333-444455556666',
  policyVersion: '2026-01-01',
  categories: { necessary: true, analytics: true, marketing: false },
  decidedAt: day('2026-05-20').toISOString(),
  updatedAt: day('2026-05-20').toISOString(),
  policyAcceptedBy: 'button',
  lang: 'kk',
  ...over,
});
const seen = (at: string, version = '2026-06-01') => record({ noticeSeen: { version, at: day(at).toISOString() } });
const current = record({ policyVersion: '2026-06-01' });

describe('decide(record, config, now): clause 1.2 as a table', () => {
  const cases: Array<[string, ConsentRecord | null, Date, View]> = [
    ['first visit', null, day('2026-06-01'), 'banner'],
    ['current version', current, day('2026-06-30'), 'none'],
    ['changed, publication day, never seen', record(), day('2026-06-01'), 'notice'],
    ['day 6, notice seen on day 1', seen('2026-06-02'), day('2026-06-07', 23), 'notice'],
    ['day 7 at midnight, seen earlier', seen('2026-06-02'), day('2026-06-08', 0), 'implicit'],
    ['day 7 one minute before midnight', seen('2026-06-02'), new Date(2026, 5, 7, 23, 59), 'notice'],
    ['day 30, never seen: told first', record(), day('2026-07-01'), 'notice'],
    ['day 30, seen on day 29', seen('2026-06-30'), day('2026-07-01'), 'implicit'],
    ['seen, but for an older version', seen('2026-06-02', '2026-03-01'), day('2026-07-01'), 'notice'],
    ['consent expired (365 days)', record({ policyVersion: '2026-06-01', decidedAt: day('2025-06-01').toISOString() }), day('2026-06-02'), 'banner'],
    ['expired beats a pending notice', seen('2026-06-02', '2026-06-01'), day('2027-05-21'), 'banner'],
  ];
  for (const [name, stored, now, view] of cases) {
    it(name, () => expect(decide(stored, v2, now)).to.equal(view));
  }

  it('never accepts implicitly without a publication date', () => {
    const undated: CoreConfig = { ...v2, policy: { version: '2026-06-01', implicitAcceptanceDays: 7 } };
    expect(decide(seen('2026-06-02'), undated, day('2027-01-01'))).to.equal('notice');
  });

  it('implicitAcceptanceDays 0 accepts on the next page view after the notice', () => {
    const immediate: CoreConfig = { ...v2, policy: { ...v2.policy, implicitAcceptanceDays: 0 } };
    expect(decide(seen('2026-06-01'), immediate, day('2026-06-01', 13))).to.equal('implicit');
    expect(decide(record(), immediate, day('2026-06-01', 13))).to.equal('notice');
  });
});

describe('implicitAcceptanceAt', () => {
  it('is the start of the 7th calendar day after publication, in local time', () => {
    const at = implicitAcceptanceAt(v2.policy)!;
    expect([at.getFullYear(), at.getMonth(), at.getDate(), at.getHours()]).to.deep.equal([2026, 5, 8, 0]);
  });

  it('counts calendar days from a date-time, not 24-hour periods', () => {
    const at = implicitAcceptanceAt({ version: 'x', publishedAt: new Date(2026, 0, 31, 23, 30).toISOString(), implicitAcceptanceDays: 7 })!;
    expect([at.getMonth(), at.getDate(), at.getHours()]).to.deep.equal([1, 7, 0]);
  });

  it('is null without a publication date', () => {
    expect(implicitAcceptanceAt({ version: 'x', implicitAcceptanceDays: 7 })).to.equal(null);
  });
});

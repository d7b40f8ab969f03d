import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { defaults } from '../config/defaults.js';
import type { ConsentRecord, CoreConfig, View } from '../types.js';
import { calendarDay, decide, implicitAcceptanceAt, publicationDay, startOfDay } from './clause-1-2.js';

const MINUTE = 60_000;

const policy = (publishedAt: string | undefined, implicitAcceptanceDays = 7, timeZone = 'Asia/Almaty'): CoreConfig['policy'] => ({
  version: '2026-11-25',
  ...(publishedAt ? { publishedAt } : {}),
  implicitAcceptanceDays,
  timeZone,
});
const configWith = (p: CoreConfig['policy']): CoreConfig => ({ ...defaults(), policy: p });

const record = (over: Partial<ConsentRecord> = {}): ConsentRecord => ({
  v: 1,
  id: '3f1c2a4e-1111-4222-8333-444455556666',
  policyVersion: '2026-06-01',
  categories: { necessary: true, analytics: true, marketing: false },
  decidedAt: '2026-11-20T07:00:00.000Z',
  updatedAt: '2026-11-20T07:00:00.000Z',
  policyAcceptedBy: 'button',
  lang: 'kk',
  ...over,
});
/** Shown the notice for 2026-11-25 on 26 November. */
const told = record({ noticeSeen: { version: '2026-11-25', at: '2026-11-26T06:00:00.000Z' } });
const untold = record();

/**
 * Clause 1.2 as the policy counts: "after 7 calendar days following the day of publication
 * have passed", in Kazakhstan's calendar (UTC+05:00). Published on day D, continued use
 * accepts from 00:00 of D + N + 1 there: published 25 November, from 3 December.
 */
const TABLE: Array<[string, string, number, string]> = [
  // [what, publishedAt, N, first accepting instant (UTC)]
  ['a bare date, N = 7 (the policy’s example)', '2026-11-25', 7, '2026-12-02T19:00:00.000Z'],
  ['a bare date, N = 1', '2026-11-25', 1, '2026-11-26T19:00:00.000Z'],
  ['a bare date, N = 0: the day after publication', '2026-11-25', 0, '2026-11-25T19:00:00.000Z'],
  ['late on 25 November in Kazakhstan', '2026-11-25T23:59:00+05:00', 7, '2026-12-02T19:00:00.000Z'],
  ['20:00 UTC on 25 November is 26 November in Kazakhstan', '2026-11-25T20:00:00Z', 7, '2026-12-03T19:00:00.000Z'],
  ['10:00 in UTC−8 on 25 November is still the 25th in Kazakhstan', '2026-11-25T10:00:00-08:00', 7, '2026-12-02T19:00:00.000Z'],
  ['00:30 in UTC+14 on 26 November is the 25th in Kazakhstan', '2026-11-26T00:30:00+14:00', 7, '2026-12-02T19:00:00.000Z'],
  ['a date-time without an offset is Kazakhstan’s wall clock', '2026-11-25T23:30', 7, '2026-12-02T19:00:00.000Z'],
  ['across a month end, N = 7', '2026-11-30', 7, '2026-12-07T19:00:00.000Z'],
  ['across a year end, N = 1', '2026-12-31', 1, '2027-01-01T19:00:00.000Z'],
];

/** Visitors' zones: UTC−8, UTC, UTC+5, UTC+14 (POSIX `Etc/GMT` names have the sign reversed). */
const VISITORS = ['Etc/GMT+8', 'UTC', 'Etc/GMT-5', 'Etc/GMT-14'];

for (const visitorZone of VISITORS) {
  describe(`clause 1.2 for a visitor in ${visitorZone}`, () => {
    before(() => executeServerCommand('emulate-timezone', { timeZone: visitorZone }));
    after(() => executeServerCommand('emulate-timezone', { timeZone: '' }));

    it('runs in that zone (the emulation took effect)', () => {
      expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.equal(visitorZone);
    });

    for (const [what, publishedAt, days, expected] of TABLE) {
      describe(`${what} (${publishedAt}, N = ${days})`, () => {
        const p = policy(publishedAt, days);
        const boundary = Date.parse(expected);

        it(`accepts from ${expected}, 00:00 in Kazakhstan`, () => {
          expect(implicitAcceptanceAt(p)!.toISOString()).to.equal(expected);
          expect(calendarDay(new Date(boundary), 'Asia/Almaty')).to.include({ day: new Date(boundary + 5 * 60 * MINUTE).getUTCDate() });
        });

        it('the minute before: still the notice; the minute of: accepted by continued use', () => {
          expect(decide(told, configWith(p), new Date(boundary - MINUTE))).to.equal('notice');
          expect(decide(told, configWith(p), new Date(boundary))).to.equal('implicit');
        });

        it('never for a visitor who was never shown the notice', () => {
          expect(decide(untold, configWith(p), new Date(boundary + 30 * 24 * 60 * MINUTE))).to.equal('notice');
        });
      });
    }
  });
}

describe('decide(record, config, now)', () => {
  const v = configWith(policy('2026-11-25'));
  const current = record({ policyVersion: '2026-11-25' });
  const cases: Array<[string, ConsentRecord | null, string, View]> = [
    ['first visit', null, '2026-11-25T10:00:00Z', 'banner'],
    ['current version', current, '2026-12-30T10:00:00Z', 'none'],
    ['changed, publication day, never seen', untold, '2026-11-25T10:00:00Z', 'notice'],
    ['2 December 23:59 in Kazakhstan, seen earlier', told, '2026-12-02T18:59:00Z', 'notice'],
    ['3 December 00:00 in Kazakhstan, seen earlier', told, '2026-12-02T19:00:00Z', 'implicit'],
    [
      'seen, but for an older version',
      record({ noticeSeen: { version: '2026-06-01', at: '2026-11-26T06:00:00.000Z' } }),
      '2027-01-10T10:00:00Z',
      'notice',
    ],
    [
      'consent expired (365 days)',
      record({ policyVersion: '2026-11-25', decidedAt: '2025-11-20T07:00:00.000Z' }),
      '2026-11-21T10:00:00Z',
      'banner',
    ],
    ['expired beats a pending notice', told, '2027-11-21T10:00:00Z', 'banner'],
  ];
  for (const [name, stored, now, view] of cases) {
    it(name, () => expect(decide(stored, v, new Date(now))).to.equal(view));
  }

  it('never accepts implicitly without a publication date', () => {
    expect(decide(told, configWith(policy(undefined)), new Date('2027-01-01T10:00:00Z'))).to.equal('notice');
    expect(implicitAcceptanceAt(policy(undefined))).to.equal(null);
  });

  it('counts in the configured calendar: the same date in New York accepts 10 hours later', () => {
    const newYork = implicitAcceptanceAt(policy('2026-11-25', 7, 'America/New_York'))!;
    expect(newYork.toISOString()).to.equal('2026-12-03T05:00:00.000Z');
  });
});

describe('calendar helpers', () => {
  it('startOfDay is 00:00 of that day in the zone, across a daylight-saving change', () => {
    expect(startOfDay({ year: 2026, month: 12, day: 3 }, 'Asia/Almaty').toISOString()).to.equal('2026-12-02T19:00:00.000Z');
    // Berlin moves to summer time on 29 March 2026: midnight is still UTC+1 that day, UTC+2 the next.
    expect(startOfDay({ year: 2026, month: 3, day: 29 }, 'Europe/Berlin').toISOString()).to.equal('2026-03-28T23:00:00.000Z');
    expect(startOfDay({ year: 2026, month: 3, day: 30 }, 'Europe/Berlin').toISOString()).to.equal('2026-03-29T22:00:00.000Z');
    expect(startOfDay({ year: 2026, month: 11, day: 32 }, 'UTC').toISOString()).to.equal('2026-12-02T00:00:00.000Z');
  });

  it('publicationDay reads bare dates as written and date-times where they fall', () => {
    expect(publicationDay('2026-11-25', 'Asia/Almaty')).to.deep.equal({ year: 2026, month: 11, day: 25 });
    expect(publicationDay('2026-11-25T19:00:00Z', 'Asia/Almaty')).to.deep.equal({ year: 2026, month: 11, day: 26 });
    expect(publicationDay('2026-11-25T18:59:59Z', 'Asia/Almaty')).to.deep.equal({ year: 2026, month: 11, day: 25 });
  });

  it('publicationDay refuses what is not an ISO date, or a day that does not exist', () => {
    for (const value of [
      'June 1',
      '2026-13-45T00:00',
      '2026-13-45',
      '2026-02-30',
      '2026-02-30T10:00:00Z',
      '',
      '01.06.2026',
      '2026-06-01T25:00:00Z',
    ])
      expect(publicationDay(value, 'UTC'), value).to.equal(null);
  });
});

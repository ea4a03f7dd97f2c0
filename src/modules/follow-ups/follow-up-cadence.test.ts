import { parsePeriod } from '../../shared/period';
import { periodicFollowUp, postActivationFollowUp, postRepairFollowUp } from './follow-up-cadence';

describe('cadence follow-ups', () => {
  it('are due 7 × 24 h after activation, keyed by the order', () => {
    const followUp = postActivationFollowUp({
      orderId: 'o1',
      activatedAt: new Date('2026-03-29T10:00:00Z'),
    });
    expect(followUp).toEqual({
      externalId: 'POST_ACTIVATION:o1',
      purpose: 'POST_ACTIVATION',
      dueAt: new Date('2026-04-05T10:00:00Z'),
    });
  });

  it('are due 3 × 24 h after a ticket closure, keyed by the ticket', () => {
    const followUp = postRepairFollowUp({
      ticketId: 't1',
      closedAt: new Date('2026-12-30T23:00:00Z'),
    });
    expect(followUp).toEqual({
      externalId: 'POST_REPAIR:t1',
      purpose: 'POST_REPAIR',
      dueAt: new Date('2027-01-02T23:00:00Z'),
    });
  });

  it('make the periodic visit due at 00:00 on the 15th of the middle month, in the zone', () => {
    // 2026-Q1 in Shanghai (UTC+8): 15 February 00:00 local = 14 February 16:00 UTC.
    expect(periodicFollowUp('a1', parsePeriod('2026-Q1', 'Asia/Shanghai'))).toEqual({
      externalId: 'PERIODIC:a1:2026-Q1',
      purpose: 'PERIODIC',
      dueAt: new Date('2026-02-14T16:00:00Z'),
    });
    // 2026-Q4 in Berlin: 15 November 00:00 CET (UTC+1).
    expect(periodicFollowUp('a1', parsePeriod('2026-Q4', 'Europe/Berlin')).dueAt).toEqual(
      new Date('2026-11-14T23:00:00Z'),
    );
  });

  it('refuse a period that is not a quarter', () => {
    expect(() => periodicFollowUp('a1', parsePeriod('2026-03'))).toThrow(RangeError);
  });
});

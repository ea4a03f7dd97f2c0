import { Types } from 'mongoose';
import { repeatChanges, repeatsOfNew, type RepeatRow } from './fault-ticket.repeats';

const day = (n: number) => new Date(Date.UTC(2025, 2, 1) + n * 86_400_000);
const account = new Types.ObjectId();

const ticket = (
  fields: Partial<RepeatRow> & Pick<RepeatRow, 'reportedAt' | 'finalRestoredAt'>,
): RepeatRow => ({
  _id: new Types.ObjectId(),
  accountId: account,
  branchCode: 'BA',
  serviceRef: 'CIRCUIT-1',
  repeatOfTicketId: null,
  measuredAt: fields.finalRestoredAt,
  ...fields,
});

describe('repeatChanges', () => {
  const window = { from: day(0), to: day(90) };

  it('links a ticket reported within 30 days of a restoration, whatever the input order', () => {
    const earlier = ticket({ reportedAt: day(1), finalRestoredAt: day(2) });
    const later = ticket({ reportedAt: day(20), finalRestoredAt: day(21) });
    const changes = repeatChanges([later, earlier], window);
    expect(changes).toEqual([
      { before: later, after: { ...later, repeatOfTicketId: earlier._id } },
    ]);
  });

  it('unlinks a ticket whose earlier one was reopened, and leaves correct links alone', () => {
    const earlier = ticket({ reportedAt: day(1), finalRestoredAt: null });
    const later = ticket({
      reportedAt: day(20),
      finalRestoredAt: day(21),
      repeatOfTicketId: earlier._id,
    });
    const third = ticket({
      reportedAt: day(40),
      finalRestoredAt: null,
      repeatOfTicketId: later._id,
    });
    const changes = repeatChanges([earlier, later, third], window);
    expect(changes.map((c) => [c.after._id, c.after.repeatOfTicketId])).toEqual([
      [later._id, null],
    ]);
  });

  it('keeps apart other services and tickets reported outside the window', () => {
    const earlier = ticket({ reportedAt: day(1), finalRestoredAt: day(2) });
    const otherService = ticket({
      reportedAt: day(5),
      finalRestoredAt: null,
      serviceRef: 'CIRCUIT-2',
    });
    const outside = ticket({ reportedAt: day(10), finalRestoredAt: null });
    expect(repeatChanges([earlier, otherService, outside], { from: day(0), to: day(9) })).toEqual(
      [],
    );
  });
});

describe('repeatsOfNew', () => {
  const pair = `${account.toHexString()}|CIRCUIT-1`;
  const fresh = (reportedAt: Date, finalRestoredAt: Date | null, serviceRef = 'CIRCUIT-1') => ({
    id: new Types.ObjectId(),
    accountId: account,
    serviceRef,
    reportedAt,
    finalRestoredAt,
  });

  it('decides from the kept tickets and the batch: the one restored last within 30 days wins', () => {
    const keptEarly = new Types.ObjectId().toHexString();
    const keptLate = new Types.ObjectId().toHexString();
    const services = new Map([
      [
        pair,
        {
          // Restored on day 2 and day 5; a ticket reported on day 20 repeats the later (day 5).
          [keptEarly]: { r: day(1), f: day(2) },
          [keptLate]: { r: day(4), f: day(5) },
        },
      ],
    ]);
    const batchMate = fresh(day(8), day(9)); // restored day 9: later still, so it wins for day 20
    const onDay20 = fresh(day(20), null);
    const onDay3 = fresh(day(3), day(3)); // 1 day after day 2's restoration: repeats keptEarly
    // 40 days after the last restoration before it (day 9): none within 30 days.
    const onDay49 = fresh(day(49), null);
    const otherService = fresh(day(10), null, 'CIRCUIT-2'); // nothing kept on its service
    const decided = repeatsOfNew([onDay20, batchMate, onDay3, onDay49, otherService], services);
    expect(decided).toEqual(
      new Map([
        [onDay20.id.toHexString(), batchMate.id],
        [batchMate.id.toHexString(), new Types.ObjectId(keptLate)],
        [onDay3.id.toHexString(), new Types.ObjectId(keptEarly)],
        [onDay49.id.toHexString(), null],
        [otherService.id.toHexString(), null],
      ]),
    );
  });
});

import { Types } from 'mongoose';
import { repeatChanges, type RepeatRow } from './fault-ticket.repeats';

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

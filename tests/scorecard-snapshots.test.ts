import { parsePeriod } from '../src/shared/period';
import { rowWindow, scorecardInputsFrom } from '../src/modules/scorecards/scorecard-data';
import { scorecardFigures } from '../src/modules/scorecards/scorecard-figures';
import { loadRowsFromRollups } from '../src/modules/scorecards/scorecard-rollups';
import {
  readSnapshots,
  snapshotWritesSettled,
  storeSnapshots,
} from '../src/modules/scorecards/scorecard-snapshots';
import { ScorecardSnapshotModel, snapshotId } from '../src/modules/scorecards/scorecard.model';
import { startTestService, stopTestService, type TestService } from './support/test-service';
import { buildWorld, ok, type World } from './support/world';

// A snapshot computed from the rollups is stored only over the version of it read before the
// rollups were, so a measured write landing between that read and the store can never leave a
// snapshot without it (nor can one computed before it be served afterwards).
const Q = '2026-Q1';
const ID = snapshotId('BA', Q);
const CARD = `query { branchScorecard(branchCode: "BA", period: "${Q}") {
  faultWithinSlaRate { value numerator denominator } } }`;

describe('scorecard snapshots stored over the version read', () => {
  let service: TestService;
  let world: World;
  let hour = 0;
  const admin = (query: string, variables?: Record<string, unknown>) =>
    ok(service, service.adminToken, query, variables);

  /** A MAJOR ticket of BA reported on 10 Jan 2026 (a new hour each), restored `hours` later. */
  async function ticket(hours: number) {
    hour += 1;
    const reported = new Date(Date.parse('2026-01-10T00:00:00+08:00') + hour * 3_600_000);
    const { openFaultTicket } = await admin(
      'mutation($i: OpenFaultTicketInput!) { openFaultTicket(input: $i) { id } }',
      {
        i: {
          accountId: world.accounts.own,
          serviceRef: `C-${hour}`,
          severity: 'MAJOR',
          channel: 'HOTLINE',
          reportedAt: reported.toISOString(),
        },
      },
    );
    const at = (minutes: number) => new Date(reported.getTime() + minutes * 60_000).toISOString();
    await admin(
      'mutation($id: ID!, $at: DateTime!) { acknowledgeFaultTicket(id: $id, at: $at) { id } }',
      {
        id: openFaultTicket.id,
        at: at(10),
      },
    );
    await admin(
      'mutation($id: ID!, $at: DateTime!) { restoreFaultTicket(id: $id, at: $at) { id } }',
      {
        id: openFaultTicket.id,
        at: at(hours * 60),
      },
    );
  }

  /** BA's figures of Q computed from the rollups as they are now (what a cold read computes). */
  async function computedNow() {
    const window = rowWindow(parsePeriod(Q), new Date());
    const rows = await loadRowsFromRollups(['BA'], window);
    return scorecardFigures(scorecardInputsFrom(['BA'], window, rows).get('BA')!);
  }

  const shown = async () => (await admin(CARD)).branchScorecard.faultWithinSlaRate;
  const stored = () => ScorecardSnapshotModel.collection.findOne({ _id: ID } as never);

  /**
   * Stores `before` over the versions `seen`: refused (the snapshot stays marked); the card then
   * shows `within` of `tickets` within the SLA (computed), and that is what gets stored.
   */
  async function storeRefusedThenShown(
    before: Awaited<ReturnType<typeof computedNow>>,
    seen: Awaited<ReturnType<typeof readSnapshots>>['seen'],
    within: number,
    tickets: number,
  ) {
    const computed = [{ branchCode: 'BA', figures: before, period: parsePeriod(Q) }];
    await storeSnapshots(computed, seen, new Date());
    const refused = await stored();
    expect(refused).toMatchObject({ stale: true });
    expect(refused!.figures?.faultWithinSlaRate).not.toEqual(before.faultWithinSlaRate);
    const rate = { value: within / tickets, numerator: within, denominator: tickets };
    expect(await shown()).toMatchObject(rate);
    await snapshotWritesSettled();
    expect(await stored()).toMatchObject({
      stale: false,
      figures: { faultWithinSlaRate: { numerator: within, denominator: tickets } },
    });
  }

  beforeAll(async () => {
    service = await startTestService();
    world = await buildWorld(service);
    await ticket(2);
  });
  afterAll(() => stopTestService(service));

  it('a snapshot computed before a measured write is not stored after it', async () => {
    await ScorecardSnapshotModel.deleteMany({});
    const { seen } = await readSnapshots([ID]);
    expect(seen.get(ID)).toBeNull();
    const before = await computedNow();
    // Restored after 2 h (≤ 8 h, MAJOR): 1 of 1 within the SLA.
    expect(before.faultWithinSlaRate).toMatchObject({ numerator: 1, denominator: 1 });
    // Restored after 10 h (> 8 h): the period now holds 1 of 2 within; its snapshot is marked.
    await ticket(10);
    await storeRefusedThenShown(before, seen, 1, 2);
  });

  it('a stale snapshot is stored over only by a computation that read its current version', async () => {
    await ticket(1);
    const { seen } = await readSnapshots([ID]);
    expect(seen.get(ID)).not.toBeNull();
    const before = await computedNow();
    // 2 h and 1 h within, 10 h not: 2 of 3; then a fourth, 12 h, lands before the store.
    expect(before.faultWithinSlaRate).toMatchObject({ numerator: 2, denominator: 3 });
    await ticket(12);
    await storeRefusedThenShown(before, seen, 2, 4);
    // Served from that snapshot now, and the same figure: 2 of 4.
    expect(await shown()).toMatchObject({ value: 0.5, numerator: 2, denominator: 4 });
  });
});

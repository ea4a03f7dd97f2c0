import { isDeepStrictEqual } from 'node:util';
import { Types } from 'mongoose';
import { registerBackfill } from '../../db/backfill-once';
import { findByIds } from '../../db/id-parts';
import { auditConsequence, type AuditActor } from '../audit/audit.service';
import {
  consequence,
  CONSEQUENCE_ORDER,
  registerConsequenceKind,
  type PendingConsequence,
} from '../consequences/consequence-kinds';
import {
  applyPending,
  PENDING,
  pushPending,
  type RecordWithPending,
} from '../consequences/pending-consequences';
import { finishAfter, registeredWrite, type RegisteredWrite } from '../consequences/write-register';
import { measuredChangeConsequences } from '../journey/measured-record';
import { findRepeatOf, REPEAT_WINDOW_MS } from './fault-lifecycle';
import { FaultServiceModel, type FaultServiceDoc, type ServiceTicket } from './fault-service.model';
import { FaultTicketModel } from './fault-ticket.model';
import { addToGroup } from '../../shared/groups';
import { step } from '../../shared/steps';

/** A ticket's service and instants before or after a write (both, when it changed). */
export type TouchedTicket = {
  accountId: Types.ObjectId;
  serviceRef: string;
  reportedAt: Date;
  finalRestoredAt: Date | null;
};

/** What re-deriving needs of a stored ticket. */
export type RepeatRow = {
  _id: Types.ObjectId;
  accountId: Types.ObjectId;
  branchCode: string;
  serviceRef: string;
  reportedAt: Date;
  finalRestoredAt: Date | null;
  repeatOfTicketId: Types.ObjectId | null;
  measuredAt: Date | null;
};

/** A ticket whose `repeatOfTicketId` was re-derived to another value. */
export type RepeatChange = { before: RepeatRow; after: RepeatRow };

const pairKey = (ticket: { accountId: Types.ObjectId; serviceRef: string }) =>
  `${ticket.accountId.toHexString()}|${ticket.serviceRef}`;

/**
 * The `repeatOfTicketId` every ticket of the pairs should have, as `findRepeatOf` decides, for the
 * tickets reported within [from, to]: their candidates (finally restored within the window before
 * their report) are all among `tickets`. Returns those whose stored value differs.
 */
export function repeatChanges(
  tickets: readonly RepeatRow[],
  window: { from: Date; to: Date },
): RepeatChange[] {
  const byPair = new Map<string, RepeatRow[]>();
  for (const ticket of tickets) {
    addToGroup(byPair, pairKey(ticket), ticket);
  }
  const changes: RepeatChange[] = [];
  for (const group of byPair.values()) {
    const candidates = group.map((doc) => ({
      id: doc._id.toHexString(),
      accountId: doc.accountId.toHexString(),
      serviceRef: doc.serviceRef,
      reportedAt: doc.reportedAt,
      finalRestoredAt: doc.finalRestoredAt,
      doc,
    }));
    for (const candidate of candidates) {
      const { doc } = candidate;
      if (doc.reportedAt < window.from || doc.reportedAt > window.to) continue;
      const repeatOf = findRepeatOf(candidate, candidates)?.doc._id ?? null;
      if (String(repeatOf ?? '') === String(doc.repeatOfTicketId ?? '')) continue;
      changes.push({ before: doc, after: { ...doc, repeatOfTicketId: repeatOf } });
    }
  }
  return changes;
}

/** A ticket about to be inserted, with the id it will have. */
export type NewTicket = TouchedTicket & { id: Types.ObjectId };

/**
 * "Repeat of" of tickets about to be inserted, as `findRepeatOf` decides from what is known before
 * the write: the tickets their services' documents keep and each other. Written with the insert,
 * so a new ticket's own value needs no write (nor audit entry, nor rollup change) of its own; the
 * re-derivation after the write still runs and corrects what this could not see (a ticket of a
 * concurrent batch, or one whose consequences are still pending).
 */
export function repeatsOfNew(
  tickets: readonly NewTicket[],
  services: ServiceTickets,
): Map<string, Types.ObjectId | null> {
  const byPair = new Map<string, NewTicket[]>();
  for (const ticket of tickets) addToGroup(byPair, pairKey(ticket), ticket);
  const decided = new Map<string, Types.ObjectId | null>();
  for (const [pair, group] of byPair) {
    const [accountId, serviceRef] = [group[0]!.accountId.toHexString(), group[0]!.serviceRef];
    const candidates = [
      ...Object.entries(services.get(pair) ?? {}).map(([id, kept]) => ({
        id,
        accountId,
        serviceRef,
        reportedAt: kept.r,
        finalRestoredAt: kept.f ?? null,
      })),
      ...group.map((ticket) => ({
        id: ticket.id.toHexString(),
        accountId,
        serviceRef,
        reportedAt: ticket.reportedAt,
        finalRestoredAt: ticket.finalRestoredAt,
      })),
    ];
    for (const ticket of group) {
      const self = candidates.find((c) => c.id === ticket.id.toHexString())!;
      const repeatOf = findRepeatOf(self, candidates);
      decided.set(ticket.id.toHexString(), repeatOf ? new Types.ObjectId(repeatOf.id) : null);
    }
  }
  return decided;
}

/** `repeatsOfNew` with the services' documents read for it (one read by bare `_id $in`). */
export async function repeatsOfNewTickets(
  tickets: readonly NewTicket[],
): Promise<Map<string, Types.ObjectId | null>> {
  if (tickets.length === 0) return new Map();
  return repeatsOfNew(tickets, await readServices(tickets));
}

const PROJECTION = {
  accountId: 1,
  branchCode: 1,
  serviceRef: 1,
  reportedAt: 1,
  finalRestoredAt: 1,
  repeatOfTicketId: 1,
  measuredAt: 1,
};

/** A moved ticket version, with the ticket's id when known (the record its consequence is in). */
export type Moved = TouchedTicket & { id?: Types.ObjectId };

// Keeps each moved ticket in its service's document as the ticket is now (read by bare `_id $in`),
// and out of the documents of the services it left. Before the documents are read: of two
// concurrent re-derivations on one service, the later reader sees both tickets.
async function keepServices(moved: readonly Moved[]): Promise<void> {
  const ids = [...new Map(moved.flatMap((m) => (m.id ? [[String(m.id), m.id]] : []))).values()];
  if (ids.length === 0) return;
  const now = await findByIds<RepeatRow>(FaultTicketModel.collection, ids, PROJECTION);
  const current = new Map(now.map((ticket) => [String(ticket._id), ticket]));
  const writes = new Map<string, object>();
  // The services each ticket was moved between, grouped once (a batch moves a thousand tickets).
  const movedPairs = new Map<string, Set<string>>();
  for (const m of moved)
    if (m.id)
      movedPairs.set(String(m.id), (movedPairs.get(String(m.id)) ?? new Set()).add(pairKey(m)));
  const pairsOf = (id: string) =>
    new Set([
      ...(movedPairs.get(id) ?? []),
      ...(current.has(id) ? [pairKey(current.get(id)!)] : []),
    ]);
  for (const id of ids.map(String)) {
    const ticket = current.get(id);
    for (const pair of pairsOf(id)) {
      const path = `tickets.${id}`;
      const here = ticket && pairKey(ticket) === pair;
      writes.set(`${pair} ${id}`, {
        updateOne: here
          ? {
              filter: { _id: pair },
              update: {
                $set: { [path]: { r: ticket.reportedAt, f: ticket.finalRestoredAt ?? null } },
              },
              upsert: true,
            }
          : { filter: { _id: pair }, update: { $unset: { [path]: '' } } },
      });
    }
  }
  await FaultServiceModel.collection.bulkWrite([...writes.values()] as never, { ordered: false });
}

/** Each service's kept tickets, by service key. */
type ServiceTickets = Map<string, Record<string, ServiceTicket>>;

/** The services' documents of the moved tickets, as they are now. */
export async function readServices(moved: readonly Moved[]): Promise<ServiceTickets> {
  const pairs = [...new Set(moved.map(pairKey))];
  const docs = await findByIds<FaultServiceDoc>(FaultServiceModel.collection, pairs);
  return new Map(docs.map((doc) => [doc._id, doc.tickets ?? {}]));
}

type Range = { field: 'r' | 'f'; from: number; to: number };

// Ids of the kept tickets of the given services within any of the time ranges.
function idsWithin(
  services: ServiceTickets,
  of: readonly { accountId: Types.ObjectId; serviceRef: string }[],
  ranges: readonly Range[],
): string[] {
  const within = (at: Date | null | undefined, range: Range) =>
    at != null && at.getTime() >= range.from && at.getTime() <= range.to;
  return [...new Set(of.map(pairKey))].flatMap((pair) =>
    Object.entries(services.get(pair) ?? {})
      .filter(([, t]) => ranges.some((range) => within(range.field === 'r' ? t.r : t.f, range)))
      .map(([id]) => id),
  );
}

/**
 * Changes written, with the consequences each stored in its ticket (not yet applied) and the
 * register entries of those writes (finished once they are applied).
 */
type Rederived = {
  changes: RepeatChange[];
  stored: RecordWithPending[];
  registered: RegisteredWrite[];
};

/**
 * Re-derives "repeat of" around tickets a write moved (imports: new, or another service,
 * report or final restoration; old and new versions), after the write, so the answer depends
 * neither on the order of the rows nor on which concurrent batch wrote first. The moved tickets
 * are first kept in their services' documents; those documents then name the tickets needed, and
 * the tickets whose value changes are written (`repeatsFrom`). The consequences stored with the
 * changes are returned to be applied by the caller's pass.
 */
async function rederiveRepeatsAround(
  touched: readonly Moved[],
  auditActor: AuditActor,
): Promise<Rederived> {
  if (touched.length === 0) return { changes: [], stored: [], registered: [] };
  await step('keep services', () => keepServices(touched));
  return rederive(touched, await step('read services', () => readServices(touched)), auditActor);
}

// Rounds after which a re-derivation still racing others gives up: its consequence stays pending
// and the sweep applies it again.
const MAX_ROUNDS = 10;

/**
 * Decides and writes the changes from `services` as read, then reads the services again: a
 * concurrent re-derivation may have kept a ticket there after that read and written its own
 * (complete) answer before this one's write replaced it with an answer from the stale read. While
 * the services differ, decides again. Without transactions this makes the last writer of a ticket
 * one whose services read was not stale. Applies the consequences stored with the changes.
 */
export async function repeatsFrom(
  touched: readonly Moved[],
  services: ServiceTickets,
  auditActor: AuditActor,
): Promise<RepeatChange[]> {
  const { changes, stored, registered } = await rederive(touched, services, auditActor);
  await finishAfter(registered, () => applyPending(FaultTicketModel, stored));
  return changes;
}

async function rederive(
  touched: readonly Moved[],
  services: ServiceTickets,
  auditActor: AuditActor,
): Promise<Rederived> {
  const all: Rederived = { changes: [], stored: [], registered: [] };
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const { changes, stored, registered } = await writeRepeatChanges(touched, services, auditActor);
    all.changes.push(...changes);
    all.stored.push(...stored);
    all.registered.push(...registered);
    if (changes.length === 0) return all;
    const again = await readServices(touched);
    if (isDeepStrictEqual(again, services)) return all;
    services = again;
  }
  throw new Error(`"repeat of" still racing after ${MAX_ROUNDS} rounds`);
}

// The tickets the services name around the moved ones (the moved ones, those reported within the
// window after one of their restorations, what the moved ones may repeat, and what tickets
// reported after all the moved ones may repeat), read in one query by bare `_id $in`; then one
// bulk write for those whose value changes, each with its consequences (audit entry, rollups,
// snapshot invalidation) stored in it.
async function writeRepeatChanges(
  touched: readonly Moved[],
  services: ServiceTickets,
  auditActor: AuditActor,
): Promise<Rederived> {
  const reports = touched.map((t) => t.reportedAt.getTime());
  const restorations = touched.flatMap((t) => (t.finalRestoredAt ? [t.finalRestoredAt] : []));
  const first = Math.min(...reports);
  const lastReport = Math.max(...reports);
  const lastAffected = Math.max(
    lastReport,
    ...restorations.map((at) => at.getTime() + REPEAT_WINDOW_MS),
  );
  const around = idsWithin(services, touched, [
    { field: 'r', from: first, to: lastAffected },
    { field: 'f', from: first - REPEAT_WINDOW_MS, to: lastReport },
  ]);
  // Tickets reported after all the moved ones, and what they may repeat.
  const aroundIds = new Set(around);
  const later = [...services].flatMap(([pair, tickets]) =>
    Object.entries(tickets)
      .filter(([id, t]) => aroundIds.has(id) && t.r.getTime() > lastReport)
      .map(([, t]) => ({ pair, r: t.r.getTime() })),
  );
  const laterPairs = new Set(later.map((t) => t.pair));
  const earlier =
    later.length === 0
      ? []
      : idsWithin(
          services,
          touched.filter((t) => laterPairs.has(pairKey(t))),
          [
            {
              field: 'f',
              from: Math.min(...later.map((t) => t.r)) - REPEAT_WINDOW_MS,
              to: Math.max(...later.map((t) => t.r)),
            },
          ],
        );
  const ids = [...new Set([...around, ...earlier])].map((id) => new Types.ObjectId(id));
  const read =
    ids.length === 0
      ? []
      : await findByIds<RepeatRow>(FaultTicketModel.collection, ids, PROJECTION);
  const changes = repeatChanges(read, { from: new Date(first), to: new Date(lastAffected) });
  if (changes.length === 0) return { changes, stored: [], registered: [] };
  // Each change stores its audit entry and snapshot invalidation with itself.
  const pending = changes.map((change) => changeConsequences(change, auditActor));
  // A derived field outside the revision, as for the mutations: lifecycle writes never set it.
  const { registered } = await registeredWrite(
    FaultTicketModel,
    { ids: changes.map(({ after }) => after._id) },
    () =>
      FaultTicketModel.bulkWrite(
        changes.map(({ after }, i) => ({
          updateOne: {
            filter: { _id: after._id },
            update: {
              $set: { repeatOfTicketId: after.repeatOfTicketId },
              ...pushPending(pending[i]!),
            },
          },
        })),
        { ordered: false },
      ),
  );
  return {
    changes,
    stored: changes.map(({ after }, i) => ({ _id: after._id, [PENDING]: pending[i]! })),
    registered: [registered],
  };
}

/** Fields of a ticket that decide scorecard figures (as MEASURED_FAULT_FIELDS) that a repeat moves. */
const REPEAT_MEASURED = ['repeatOfTicketId'] as const;

function changeConsequences(
  { before, after }: RepeatChange,
  auditActor: AuditActor,
): PendingConsequence[] {
  return [
    auditConsequence({
      actor: auditActor,
      action: 'rederiveRepeatFault',
      entityType: 'FaultTicket',
      entityId: String(after._id),
      branchCode: after.branchCode,
      changes: [
        {
          field: 'repeatOfTicketId',
          before: before.repeatOfTicketId,
          after: after.repeatOfTicketId,
        },
      ],
    }),
    ...measuredChangeConsequences({
      branchCode: after.branchCode,
      before,
      after,
      fields: REPEAT_MEASURED,
    }),
  ];
}

/**
 * "Repeat of" re-derived around tickets a write moved, as a consequence of that write: the moved
 * versions are its arguments; a batch of them is re-derived at once. Idempotent: a second
 * application finds every value already right and changes nothing.
 */
export function repeatsConsequence(moved: TouchedTicket[]): PendingConsequence<TouchedTicket[]> {
  return consequence('faultRepeats', moved);
}

// The ticket is the record the consequence is stored in. The changes' consequences join the pass
// applying this one (an import batch's: their rollups, snapshot invalidation and clearing go with
// the batch's own; their audit entries in one more insert).
registerConsequenceKind<TouchedTicket[]>('faultRepeats', CONSEQUENCE_ORDER.derived, async (due) => {
  const { stored, registered } = await rederiveRepeatsAround(
    due.flatMap((item) =>
      item.args.map((version) => ({ ...version, id: item.recordId as Types.ObjectId })),
    ),
    { system: 'repeat-faults' },
  );
  return { model: FaultTicketModel, records: stored, registered };
});

// The service documents of tickets stored before they were kept, once per database.
registerBackfill('faultServices:1', async () => {
  const cursor = FaultTicketModel.collection.find({}, { projection: PROJECTION });
  let batch: Moved[] = [];
  for await (const ticket of cursor) {
    const row = ticket as unknown as RepeatRow;
    batch.push({ ...row, id: row._id });
    if (batch.length === 1000) {
      await keepServices(batch);
      batch = [];
    }
  }
  await keepServices(batch);
});

import mongoose from 'mongoose';
import { auditConsequence } from '../src/modules/audit/audit.service';
import {
  FINISHED_AFTER_MS,
  sweepPendingConsequences,
  sweepUnregistered,
} from '../src/modules/consequences/register-sweep';
import { KeyAccountModel } from '../src/modules/accounts/account.model';
import {
  REGISTER_COLLECTION,
  registerWrite,
  type RegisterEntry,
} from '../src/modules/consequences/write-register';
import { loadConfig } from '../src/config/env';
import { createLogger } from '../src/config/logger';
import { startConsequenceSweep } from '../src/modules/consequences/consequence-sweep';
import { captureCommands, type SentCommand } from './support/command-counter';
import { loadTestDemoData } from './support/demo';
import { scanningFilters } from './support/keyed-filters';
import { registerLeftWrite } from './support/left-pending';
import { startTestService, stopTestService, type TestService } from './support/test-service';
import { buildWorld, ok, type World } from './support/world';

// The register of writes (write-register): every write that stores consequences in records names
// them there first, and the sweep reaches those records through it, by `_id` or unique key only.

const db = () => mongoose.connection.db!;
const MINUTE = 60_000;
const ago = (ms: number) => new Date(Date.now() - ms);
const registerEntries = () =>
  db().collection<RegisterEntry>(REGISTER_COLLECTION).find({}).toArray();

type Doc = Record<string, unknown>;
// Entries a part of an update stores (`$push` of one or `$each`, `$setOnInsert` or `$set` a list).
const stored = (part: Doc | undefined): unknown[] => {
  const value = part?.pendingConsequences as unknown;
  if (Array.isArray(value)) return value;
  if (!value || typeof value !== 'object') return [];
  return Array.isArray((value as Doc).$each) ? ((value as Doc).$each as unknown[]) : [value];
};

// A record as a write names it: `id:<id>` or `key:<fields>`, in its collection.
const byId = (collection: string, id: unknown) => `${collection} id:${String(id)}`;
const byKey = (collection: string, key: Doc) =>
  `${collection} key:${JSON.stringify(
    Object.keys(key)
      .sort()
      .map((k) => [k, String(key[k])]),
  )}`;

// The record an update statement stores entries in, by name, or null when it stores none. An
// upsert storing them only on insert stores them in the record it inserts (its `_id` when set).
function updated(collection: string, filter: Doc, update: Doc | undefined): string | null {
  const onInsert = stored(update?.$setOnInsert as Doc | undefined).length > 0;
  const always = ['$push', '$set'].some((op) => stored(update?.[op] as Doc | undefined).length > 0);
  if (!onInsert && !always) return null;
  const insertedId = (update?.$setOnInsert as Doc | undefined)?._id;
  if (!always && insertedId !== undefined) return byId(collection, insertedId);
  return filter._id !== undefined ? byId(collection, filter._id) : byKey(collection, filter);
}

// The records a command writes with pending consequences, by name.
function pendingWritesOf({ name, collection, body }: SentCommand): string[] {
  const at = String(collection);
  if (name === 'insert')
    return (body.documents as Doc[])
      .filter((doc) => stored(doc).length > 0)
      .map((doc) => byId(at, doc._id));
  if (name === 'update')
    return (body.updates as { q: Doc; u: Doc }[]).flatMap(
      (statement) => updated(at, statement.q, statement.u) ?? [],
    );
  if (name === 'findAndModify')
    return [updated(at, body.query as Doc, body.update as Doc) ?? []].flat();
  return [];
}

// What a register insert names.
function registeredBy(command: SentCommand): string[] {
  if (command.name !== 'insert' || command.collection !== REGISTER_COLLECTION) return [];
  return (command.body.documents as RegisterEntry[]).flatMap((entry) => {
    const collection = mongoose.models[entry.model]!.collection.name;
    return [
      ...entry.ids.map((id) => byId(collection, id)),
      ...entry.keys.map((key) => byKey(collection, key)),
    ];
  });
}

// Each write of pending consequences whose records no earlier register insert named.
function unregisteredWrites(commands: SentCommand[]): string[] {
  const named = new Set<string>();
  const missing: string[] = [];
  for (const command of commands) {
    for (const name of registeredBy(command)) named.add(name);
    for (const name of pendingWritesOf(command))
      if (!named.has(name)) missing.push(`${command.name}: ${name}`);
  }
  return missing;
}

describe('the register of writes', () => {
  let service: TestService;
  let world: World;
  beforeAll(async () => {
    // No periodic sweep: the tests run it themselves, and its reads are what they look at.
    service = await startTestService({ CONSEQUENCE_SWEEP_INTERVAL_MS: '0' });
  }, 300_000);
  afterAll(() => stopTestService(service));

  it('names every record a write stores consequences in before the write, and is empty after', async () => {
    const commands = await captureCommands(async () => {
      world = await buildWorld(service);
      for (const [query, variables] of REFERENCE_WRITES)
        await ok(service, service.adminToken, query, variables);
      await followUpWrites(service, world);
      await importWrites(service);
      // Imports of every kind, lifecycle events (cadence follow-ups), repeat faults, follow-ups
      // and surveys: the demo data set.
      await loadTestDemoData();
    });
    const registers = commands.filter((c) => registeredBy(c).length > 0);
    const writes = commands.filter((c) => pendingWritesOf(c).length > 0);
    expect(registers.length).toBeGreaterThan(100);
    expect(writes.length).toBeGreaterThan(100);
    expect(unregisteredWrites(commands)).toEqual([]);
    // Every write finished: nothing is left for the sweep.
    expect(await registerEntries()).toEqual([]);
  }, 300_000);

  it('knows an unregistered write when it sees one', () => {
    const id = new mongoose.Types.ObjectId();
    const pending = [
      { _id: new mongoose.Types.ObjectId(), kind: 'audit', args: {}, at: new Date() },
    ];
    const write = {
      name: 'update',
      collection: 'keyaccounts',
      body: {
        updates: [
          {
            q: { _id: id, revision: 1 },
            u: { $push: { pendingConsequences: { $each: pending } } },
          },
        ],
      },
    };
    const registered = {
      name: 'insert',
      collection: REGISTER_COLLECTION,
      body: { documents: [{ _id: id, at: new Date(), model: 'KeyAccount', ids: [id], keys: [] }] },
    };
    expect(unregisteredWrites([write])).toEqual([`update: keyaccounts id:${String(id)}`]);
    expect(unregisteredWrites([write, registered])).toHaveLength(1);
    expect(unregisteredWrites([registered, write])).toEqual([]);
  });

  // An audit entry pending in a record, as a kill after its write leaves it (an hour old).
  async function leaveAudit(collection: string, filter: Doc, registeredAt = ago(60 * MINUTE)) {
    const entry = auditConsequence({
      actor: { system: 'register-test' },
      action: 'leftPending',
      entityType: 'Test',
      entityId: JSON.stringify(filter),
      branchCode: null,
      changes: [],
    });
    const pending = { ...entry, at: ago(60 * MINUTE) };
    await registerLeftWrite(collection, filter, registeredAt);
    await db()
      .collection(collection)
      .updateOne(filter, { $push: { pendingConsequences: pending } } as never);
    return entry._id;
  }
  const audited = async (id: unknown) =>
    (await db()
      .collection('auditentries')
      .countDocuments({ _id: id as never })) === 1;

  // An audit entry stored in an account as pending (due at `at`), as a write stores it.
  async function pushAudit(account: mongoose.Types.ObjectId, action: string, at?: Date) {
    const entry = auditConsequence({
      actor: { system: 'register-test' },
      action,
      entityType: 'KeyAccount',
      entityId: String(account),
      branchCode: null,
      changes: [],
    });
    await db()
      .collection('keyaccounts')
      .updateOne({ _id: account }, {
        $push: { pendingConsequences: { ...entry, at: at ?? entry.at } },
      } as never);
    return entry;
  }

  it('is read by the sweep whole, and the records it names by `_id` or unique key only', async () => {
    const account = new mongoose.Types.ObjectId(world.accounts.own);
    const byIdEntry = await leaveAudit('keyaccounts', { _id: account });
    const byKeyEntry = await leaveAudit('competitors', { code: 'SWEEPCO' });
    // A write still on its way (registered a minute ago, records not yet written) and one whose
    // process died after clearing its records.
    await registerLeftWrite('keyaccounts', { _id: new mongoose.Types.ObjectId() }, ago(MINUTE));
    await registerLeftWrite('competitors', { code: 'NOPE' }, ago(60 * MINUTE));

    const commands = await captureCommands(() => sweepPendingConsequences({ minAgeMs: 0 }));
    expect(await audited(byIdEntry)).toBe(true);
    expect(await audited(byKeyEntry)).toBe(true);
    // The register itself is read whole: it holds only unfinished writes (here four).
    expect(await scanningFilters(commands)).toEqual([
      { name: 'find', collection: REGISTER_COLLECTION, filter: {} },
    ]);
    // The write on its way stays registered; the others are over.
    expect((await registerEntries()).map((e) => e.model)).toEqual(['KeyAccount']);

    // What the sweep did before the register existed scans every collection holding records.
    const scanned = await scanningFilters(await captureCommands(() => sweepUnregistered()));
    expect(scanned.map((s) => s.collection)).toEqual(
      expect.arrayContaining(['keyaccounts', 'competitors', 'faulttickets']),
    );
  });

  it('keeps a write on its way until its records are written, then applies them', async () => {
    await db().collection(REGISTER_COLLECTION).deleteMany({});
    const account = new mongoose.Types.ObjectId(world.accounts.sameBranch);
    // Registered two minutes ago by a process that died or is slow; nothing written yet.
    await registerLeftWrite('keyaccounts', { _id: account }, ago(2 * MINUTE));
    expect(await sweepPendingConsequences({ minAgeMs: MINUTE })).toBe(0);
    expect(await registerEntries()).toHaveLength(1);
    // The write lands after that round: the next one still finds it through its entry.
    const entry = await pushAudit(account, 'lateWrite', ago(2 * MINUTE));
    expect(await sweepPendingConsequences({ minAgeMs: MINUTE })).toBe(1);
    expect(await audited(entry._id)).toBe(true);
    // Kept until FINISHED_AFTER_MS after its registration, then removed.
    expect(await registerEntries()).toHaveLength(1);
    await db()
      .collection(REGISTER_COLLECTION)
      .updateMany({}, { $set: { at: ago(FINISHED_AFTER_MS + MINUTE) } });
    await sweepPendingConsequences({ minAgeMs: MINUTE });
    expect(await registerEntries()).toEqual([]);
  });

  it("leaves this process's running writes to themselves, until they end", async () => {
    const account = new mongoose.Types.ObjectId(world.accounts.otherBranch);
    const registered = await registerWrite(KeyAccountModel, { ids: [account] });
    const entry = await pushAudit(account, 'runningWrite', ago(2 * MINUTE));
    expect(await sweepPendingConsequences({ minAgeMs: 0 })).toBe(0);
    // The writer failed (its error told): the sweep finishes it.
    registered.drop();
    expect(await sweepPendingConsequences({ minAgeMs: 0 })).toBe(1);
    expect(await audited(entry._id)).toBe(true);
    await registered.finish();
    expect(await registerEntries()).toEqual([]);
  });

  it('applies entries stored before writes were registered once, at the first start', async () => {
    const account = new mongoose.Types.ObjectId(world.accounts.own);
    const entry = await pushAudit(account, 'storedBefore');
    // Not in the register: the sweep does not see it.
    expect(await sweepPendingConsequences({ minAgeMs: 0 })).toBe(0);
    // A start on a database that has not had this version: found by one scan.
    await db()
      .collection('backfills')
      .deleteOne({ _id: 'unregisteredConsequences:1' as never });
    const first = await captureCommands(async () => (await startConsequenceSweep(QUIET))());
    expect(await audited(entry._id)).toBe(true);
    expect((await scanningFilters(first)).map((s) => s.collection)).toContain('keyaccounts');
    // Later starts only read the register.
    const later = await captureCommands(async () => (await startConsequenceSweep(QUIET))());
    expect(await scanningFilters(later)).toEqual([
      { name: 'find', collection: REGISTER_COLLECTION, filter: {} },
    ]);
  });

  it('finds, by a rare scan, entries older than the register keeps its own', async () => {
    const [late, running] = [world.accounts.sameBranch, world.accounts.otherBranch].map(
      (id) => new mongoose.Types.ObjectId(id),
    );
    // A write that landed after its entry was over (FINISHED_AFTER_MS), then its process died.
    const old = await pushAudit(late!, 'landedLate', ago(FINISHED_AFTER_MS + MINUTE));
    // A younger unnamed entry is a running writer's own: the register still keeps its entry.
    const young = await pushAudit(running!, 'stillRunning', ago(MINUTE));
    expect(await sweepPendingConsequences({ minAgeMs: 0 })).toBe(0);
    const stop = await startConsequenceSweep({ ...QUIET, scanIntervalMs: 50 });
    try {
      for (let waited = 0; !(await audited(old._id)) && waited < 10_000; waited += 50)
        await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      await stop();
    }
    expect(await audited(old._id)).toBe(true);
    expect(await audited(young._id)).toBe(false);
  });
});

// A follow-up scheduled, then completed raising a consultation; a token issued, then revoked.
async function followUpWrites(service: TestService, world: World) {
  const { scheduleFollowUp } = await ok(service, service.adminToken, SCHEDULE, {
    i: {
      accountId: world.accounts.own,
      purpose: 'OTHER',
      channel: 'ON_SITE',
      dueAt: '2025-03-01T02:00:00Z',
    },
  });
  await ok(service, service.adminToken, COMPLETE, {
    id: scheduleFollowUp.id,
    at: '2025-03-01T03:00:00Z',
    raise: { topic: 'register' },
  });
  const { issueToken } = await ok(service, service.adminToken, ISSUE, {});
  await ok(service, service.adminToken, REVOKE, { id: issueToken.apiToken.id });
}

// Imports: new accounts; fault tickets on one service (repeats), then imported again changed.
async function importWrites(service: TestService) {
  const accounts = ['RA-1', 'RA-2'].map((externalId) => ({
    externalId,
    name: `Account ${externalId}`,
    branchCode: 'BA',
    accountManagerLogin: 'mgrA1',
  }));
  await ok(service, service.adminToken, IMPORT, {
    kind: 'accounts',
    source: 'CRM',
    rows: accounts,
  });
  const base = Date.parse('2025-04-01T00:00:00Z');
  const iso = (ms: number) => new Date(ms).toISOString();
  const tickets = (closedAfter: number) =>
    Array.from({ length: 6 }, (_, i) => ({
      externalId: `RT-${i}`,
      accountExternalId: 'A1',
      serviceRef: 'RS-1',
      severity: 'MINOR',
      channel: 'HOTLINE',
      reportedAt: iso(base + i * 86_400_000),
      restoredAt: iso(base + i * 86_400_000 + 7_200_000),
      closedAt: iso(base + i * 86_400_000 + closedAfter),
    }));
  for (const closedAfter of [9_000_000, 10_000_000])
    await ok(service, service.adminToken, IMPORT, {
      kind: 'fault-tickets',
      source: 'OSS',
      rows: tickets(closedAfter),
    });
}

const IMPORT = `mutation($kind: String!, $source: String!, $rows: [JSONObject!]!) {
  importRecords(kind: $kind, sourceSystem: $source, rows: $rows) { inserted updated }
}`;
const SCHEDULE = 'mutation($i: ScheduleFollowUpInput!) { scheduleFollowUp(input: $i) { id } }';
const COMPLETE = `mutation($id: ID!, $at: DateTime!, $raise: RaiseConsultationInput) {
  completeFollowUp(id: $id, at: $at, raiseConsultation: $raise) { id } }`;
const ISSUE =
  'mutation { issueToken(input: { login: "registrar", label: "third" }) { apiToken { id } } }';
const REVOKE = 'mutation($id: ID!) { revokeToken(id: $id) { id } }';

const QUIET = { logger: createLogger(loadConfig({ LOG_LEVEL: 'silent' })), intervalMs: 0 };

// Writes of reference data and of single records through the API, each with consequences.
const REFERENCE_WRITES: [string, Doc][] = [
  [
    'mutation($i: CreateBranchInput!) { createBranch(input: $i) { code } }',
    { i: { code: 'RG', name: 'Register' } },
  ],
  [
    'mutation($i: CreateUserInput!) { createUser(input: $i) { token } }',
    { i: { login: 'registrar', name: 'R', role: 'HQ_ANALYST' } },
  ],
  ['mutation { issueToken(input: { login: "registrar", label: "second" }) { token } }', {}],
  [
    'mutation($i: SetSlaPolicyInput!) { setSlaPolicy(input: $i) { version } }',
    {
      i: {
        scope: 'BRANCH',
        scopeKey: 'RG',
        effectiveFrom: '2025-01-01T00:00:00Z',
        restorationTargets: [{ severity: 'MINOR', minutes: 720 }],
      },
    },
  ],
  [
    'mutation($i: ScorecardTargetInput!) { setScorecardTarget(input: $i) { target } }',
    { i: { branchCode: 'RG', period: '2026-Q1', figure: 'activationOnTimeRate', target: 0.9 } },
  ],
  [
    'mutation($i: SurveyAttributeInput!) { upsertSurveyAttribute(input: $i) { key } }',
    { i: { key: 'REGISTER', label: 'Register', stage: 'CONSULTING' } },
  ],
  [
    'mutation($i: CompetitorInput!) { upsertCompetitor(input: $i) { code } }',
    { i: { code: 'SWEEPCO', name: 'Sweep Co' } },
  ],
];

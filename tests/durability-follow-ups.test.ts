import {
  killDuringBurst,
  openStore,
  serviceProcesses,
  type ServiceProcess,
} from './support/service-process';
import { ANY_PENDING } from '../src/modules/consequences/pending-consequences';
import { createAccount, createBranch, createUser } from './support/world';

// Real processes on the embedded H2 store: a burst of follow-up and survey mutations, the service
// and its database SIGKILLed together in the middle of it, then started again on the same data.

jest.setTimeout(180_000);

const SCHEDULE = 'mutation($i: ScheduleFollowUpInput!) { scheduleFollowUp(input: $i) { id } }';
const COMPLETE = `mutation($id: ID!, $at: DateTime!, $raise: RaiseConsultationInput) {
  completeFollowUp(id: $id, at: $at, raiseConsultation: $raise) { id status } }`;
const SURVEY =
  'mutation($i: RecordSurveyResponseInput!) { recordSurveyResponse(input: $i) { id } }';

type Action = 'scheduleFollowUp' | 'completeFollowUp' | 'recordSurveyResponse';

// One worker's round: schedule a visit, complete it (raising a consultation), record a survey
// response. Each acknowledged write is noted as (action, record id).
async function round(
  service: ServiceProcess,
  accountId: string,
  n: number,
  acknowledged: { action: Action; id: string }[],
) {
  const at = new Date(Date.parse('2025-05-01T00:00:00Z') + n * 60_000).toISOString();
  const call = async <T>(query: string, variables: Record<string, unknown>) =>
    (await service.graphql<T>(query, variables, service.adminToken)).data;
  const scheduled = await call<{ scheduleFollowUp: { id: string } }>(SCHEDULE, {
    i: { accountId, purpose: 'OTHER', channel: 'PHONE', dueAt: at },
  });
  if (!scheduled?.scheduleFollowUp) return;
  const { id } = scheduled.scheduleFollowUp;
  acknowledged.push({ action: 'scheduleFollowUp', id });
  const completed = await call<{ completeFollowUp: { id: string } }>(COMPLETE, {
    id,
    at,
    raise: { topic: `raised ${n}` },
  });
  if (completed?.completeFollowUp) acknowledged.push({ action: 'completeFollowUp', id });
  const survey = await call<{ recordSurveyResponse: { id: string } }>(SURVEY, {
    i: { accountId, respondedAt: at, channel: 'PHONE', cs1: 8, cs2: 9, cs3: 7 },
  });
  if (survey?.recordSurveyResponse) {
    acknowledged.push({ action: 'recordSurveyResponse', id: survey.recordSurveyResponse.id });
  }
}

describe('durable follow-up and survey mutations', () => {
  const services = serviceProcesses();

  it('keeps every acknowledged write with exactly one audit entry across SIGKILL of both processes', async () => {
    const dataDir = services.dataDir();
    const service = await services.start(dataDir);
    await createBranch(service, 'BK');
    await createUser(service, 'mgrK', { role: 'ACCOUNT_MANAGER', branchCode: 'BK' });
    const accountId = await createAccount(service, {
      externalId: 'KA-FU',
      branchCode: 'BK',
      accountManagerLogin: 'mgrK',
      openedAt: '2024-01-01T00:00:00Z',
    });

    const acknowledged: { action: Action; id: string }[] = [];
    await killDuringBurst({
      service,
      workers: 8,
      enough: () => acknowledged.length >= 150,
      work: (n) => round(service, accountId, n, acknowledged),
    });

    // Started again on the same data: its start applies whatever was left pending.
    await services.start(dataDir);
    const store = await openStore(dataDir);
    try {
      const { db } = store;
      const followUps = await db.collection('followups').find({}).toArray();
      const surveys = await db.collection('surveyresponses').find({}).toArray();
      const consultations = await db.collection('consultations').find({}).toArray();
      const audits = await db.collection('auditentries').find({}).toArray();
      const count = (action: string, id: string) =>
        audits.filter((a) => a.action === action && a.entityId === id).length;

      // Every acknowledged write is stored, with exactly one audit entry.
      const stored = new Map(
        [...followUps, ...surveys].map((record) => [String(record._id), record]),
      );
      expect(acknowledged.filter(({ id }) => !stored.has(id))).toEqual([]);
      expect(
        acknowledged
          .filter(({ action }) => action === 'completeFollowUp')
          .filter(({ id }) => stored.get(id)!.status !== 'COMPLETED'),
      ).toEqual([]);
      expect(acknowledged.filter(({ action, id }) => count(action, id) !== 1)).toEqual([]);

      // So is every stored write, acknowledged or cut off before its answer, and nothing else.
      const completed = followUps.filter((f) => f.status === 'COMPLETED');
      expect(followUps.filter((f) => count('scheduleFollowUp', String(f._id)) !== 1)).toEqual([]);
      expect(completed.filter((f) => count('completeFollowUp', String(f._id)) !== 1)).toEqual([]);
      expect(surveys.filter((s) => count('recordSurveyResponse', String(s._id)) !== 1)).toEqual([]);
      const byAction = (action: string) => audits.filter((a) => a.action === action).length;
      expect(byAction('scheduleFollowUp')).toBe(followUps.length);
      expect(byAction('completeFollowUp')).toBe(completed.length);
      expect(byAction('recordSurveyResponse')).toBe(surveys.length);

      // Each completion raised exactly one consultation, linked to it and audited once.
      expect(consultations).toHaveLength(completed.length);
      expect(new Set(completed.map((f) => String(f.raisedConsultationId)))).toEqual(
        new Set(consultations.map((c) => String(c._id))),
      );
      expect(byAction('createConsultation')).toBe(consultations.length);

      // Nothing is left pending.
      for (const name of ['followups', 'surveyresponses', 'consultations', 'keyaccounts']) {
        expect(await db.collection(name).countDocuments(ANY_PENDING)).toBe(0);
      }
      expect(acknowledged.length).toBeGreaterThanOrEqual(150);
      expect(await store.rollupDifferences()).toEqual([]);
      expect(await store.listDifferences()).toEqual([]);
    } finally {
      await store.close();
    }
  });
});

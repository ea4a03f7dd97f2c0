import { refreshRollups } from '../rollups/rollup.service';
import { systemScope } from '../access/scope';
import { accountCreatedConsequences } from '../accounts/account-created';
import { KeyAccountModel } from '../accounts/account.model';
import { upsertWithConsequences } from '../consequences/pending-consequences';
import { UserModel } from '../auth/user.model';
import { userCopyConsequence } from '../accounts/directory-copies';
import { createJourneyRecord } from '../journey-records/journey-record.service';
import { ConsultationModel } from '../journey-records/journey-records.model';
import { DEMO_ACTOR, daysAgo } from './demo-actor';
import { DEMO_BRANCHES } from './demo-data';
import { createRandom, type Random } from './random';

const scope = systemScope('demo');

const INDUSTRIES = [
  'Finance',
  'Government',
  'Healthcare',
  'Education',
  'Manufacturing',
  'Logistics',
  'Retail',
  'Energy',
];
const NAME_PARTS: Record<string, string[]> = {
  Finance: ['Commercial Bank', 'Rural Credit Union', 'Securities', 'Insurance Branch'],
  Government: ['Tax Bureau', 'Public Security Bureau', 'Municipal Data Office', 'Customs Office'],
  Healthcare: ['People’s Hospital', 'Maternal and Child Hospital', 'Health Commission'],
  Education: ['University', 'Vocational College', 'Education Bureau'],
  Manufacturing: ['Auto Parts Co.', 'Textile Group', 'Electronics Co.', 'Machinery Works'],
  Logistics: ['Port Logistics', 'Express Hub', 'Cold Chain Co.'],
  Retail: ['Department Store Group', 'Supermarket Chain'],
  Energy: ['Power Supply Company', 'Gas Group', 'Water Works'],
};
const CITIES: Record<string, string> = {
  HZ: 'Hangzhou',
  NB: 'Ningbo',
  WZ: 'Wenzhou',
  SX: 'Shaoxing',
  JH: 'Jinhua',
};
const TOPICS = [
  'Dedicated line bandwidth upgrade',
  'Cloud connect pricing',
  'SD-WAN options',
  'Invoice format',
  'IDC rack space',
];

async function upsertUser(
  login: string,
  name: string,
  role: string,
  branchCode: string | null,
  sourceSystem: string | null = null,
) {
  // Its copy in its branch's directory is stored with it, as with every user created.
  await upsertWithConsequences(UserModel, {
    filter: { login },
    update: { $setOnInsert: { login, name, role, branchCode, sourceSystem } },
    consequences: [userCopyConsequence()],
  });
}

async function seedPeople(): Promise<void> {
  await upsertUser('hq.analyst', 'HQ Analyst', 'HQ_ANALYST', null);
  await upsertUser('int.crm', 'CRM integration', 'INTEGRATION', null, 'CRM');
  await upsertUser('int.oss', 'Trouble-ticket integration', 'INTEGRATION', null, 'OSS');
  for (const branch of DEMO_BRANCHES) {
    await upsertUser(
      `head.${branch.code.toLowerCase()}`,
      `${CITIES[branch.code]} branch head`,
      'BRANCH_HEAD',
      branch.code,
    );
    for (const n of [1, 2, 3]) {
      await upsertUser(
        `am.${branch.code.toLowerCase()}${n}`,
        `${CITIES[branch.code]} manager ${n}`,
        'ACCOUNT_MANAGER',
        branch.code,
      );
    }
  }
}

async function seedAccounts(random: Random): Promise<void> {
  for (const branch of DEMO_BRANCHES) {
    const managers = await UserModel.find({ branchCode: branch.code, role: 'ACCOUNT_MANAGER' })
      .sort({ login: 1 })
      .lean();
    const count = branch.code === 'HZ' ? 16 : 11;
    for (let i = 1; i <= count; i += 1) {
      const industry = random.pick(INDUSTRIES);
      const externalId = `CRM-${branch.code}-${String(i).padStart(3, '0')}`;
      // Its consequences are those of its creation: a seed run again leaves it as it is.
      await upsertWithConsequences(KeyAccountModel, {
        filter: { sourceSystem: 'CRM', externalId },
        update: {
          $setOnInsert: {
            sourceSystem: 'CRM',
            externalId,
            name: `${CITIES[branch.code]} ${random.pick(NAME_PARTS[industry]!)} ${i}`,
            industry,
            tier: random.pick(['A', 'A', 'B', 'B', 'C']),
            branchCode: branch.code,
            accountManagerId: managers[i % managers.length]!._id,
            contacts: [
              {
                name: `Contact ${externalId}`,
                role: 'IT manager',
                phone: `0571-8${String(i).padStart(6, '0')}`,
              },
            ],
            status: 'ACTIVE',
            openedAt: daysAgo(random.int(500, 1800)),
          },
        },
        consequences: accountCreatedConsequences(),
        onInsertOnly: true,
        queryOptions: { scope },
      });
    }
  }
  // Written directly (not through the account service): their rollups are refreshed here (a
  // no-op inside loadDemoData, which rebuilds them at the end; tests run this step alone too).
  const accounts = await KeyAccountModel.find(
    { sourceSystem: 'CRM' },
    { _id: 1 },
    { scope },
  ).lean();
  await refreshRollups(
    'KeyAccount',
    accounts.map((account) => account._id),
  );
}

async function seedRecordsOf(accountId: string, random: Random): Promise<void> {
  const input = (fields: Record<string, unknown>) => ({ accountId, ...fields });
  for (let n = random.int(1, 3); n > 0; n -= 1) {
    const askedAt = daysAgo(random.int(10, 450) + random.next());
    await createJourneyRecord('Consultation', {
      actor: DEMO_ACTOR,
      input: input({
        channel: random.pick(['ACCOUNT_MANAGER', 'HOTLINE', 'ONLINE']),
        askedAt,
        answeredAt: new Date(askedAt.getTime() + random.int(10, 600) * 60_000),
        topic: random.pick(TOPICS),
        resolved: random.chance(0.85),
      }),
    });
  }
  const submittedAt = daysAgo(random.int(200, 460));
  await createJourneyRecord('BusinessHandling', {
    actor: DEMO_ACTOR,
    input: input({
      kind: random.pick(['NEW_CONTRACT', 'AGREEMENT', 'RENEWAL']),
      channel: random.pick(['ACCOUNT_MANAGER', 'BUSINESS_HALL', 'ONLINE']),
      submittedAt,
      completedAt: new Date(submittedAt.getTime() + random.int(1, 10) * 86_400_000),
      customerTrips: random.int(1, 3),
      oneStop: random.chance(0.6),
    }),
  });
  const openedAt = daysAgo(random.int(5, 300));
  await createJourneyRecord('BillingInteraction', {
    actor: DEMO_ACTOR,
    input: input({
      kind: random.pick(['INQUIRY', 'STATEMENT', 'PAYMENT', 'DISPUTE']),
      channel: random.pick(['ACCOUNT_MANAGER', 'HOTLINE', 'SELF_SERVICE']),
      openedAt,
      resolvedAt: new Date(openedAt.getTime() + random.int(1, 72) * 3_600_000),
      accurate: random.chance(0.92),
    }),
  });
  if (random.chance(0.5)) {
    const startAt = daysAgo(random.int(5, 400));
    await createJourneyRecord('MaintenanceRecord', {
      actor: DEMO_ACTOR,
      input: input({
        planned: random.chance(0.7),
        performedBy: random.pick(['OWN_STAFF', 'CONTRACTOR']),
        notifiedAt: random.chance(0.8) ? new Date(startAt.getTime() - 2 * 86_400_000) : null,
        startAt,
        endAt: new Date(startAt.getTime() + random.int(1, 6) * 3_600_000),
        impact: random.pick(['NONE', 'NONE', 'DEGRADED', 'OUTAGE']),
      }),
    });
  }
}

// Per-account seeds from the natural key, so records do not depend on generated ObjectIds.
const seedOf = (text: string) =>
  [...text].reduce((hash, ch) => Math.imul(hash ^ ch.charCodeAt(0), 16777619), 2166136261);

/**
 * Demo people (one head and three managers per branch, an HQ analyst, two integrations) and key
 * accounts with consultations, handlings, billing and maintenance. Accounts that already have
 * records are skipped, so the step can run again without duplicating anything.
 */
export async function seedPeopleAndAccounts(): Promise<void> {
  const random = createRandom(20261115);
  await seedPeople();
  await seedAccounts(random);
  const accounts = await KeyAccountModel.find(
    { sourceSystem: 'CRM' },
    { _id: 1, externalId: 1 },
    { scope },
  )
    .sort({ externalId: 1 })
    .lean();
  for (const account of accounts) {
    const seeded = await ConsultationModel.exists({ accountId: account._id }).setOptions({ scope });
    if (!seeded) await seedRecordsOf(String(account._id), createRandom(seedOf(account.externalId)));
  }
}

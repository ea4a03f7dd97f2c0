import {
  leadTimeFor,
  policyInForce,
  resolvePolicy,
  toSlaClock,
  type PolicyTerms,
  type PolicyVersion,
} from './resolve-policy';

const cst = (local: string): Date => new Date(`${local}:00+08:00`);
const NONE: PolicyTerms = {
  productLeadTimes: [],
  otherProductsLeadMinutes: null,
  restorationTargets: [],
  acknowledgementTargetMinutes: null,
  clock: null,
};
let nextId = 0;
const version = (
  scope: PolicyVersion['scope'],
  scopeKey: string,
  n: number,
  effectiveFrom: string,
  terms: Partial<PolicyTerms> = {},
): PolicyVersion => ({
  id: `p${(nextId += 1)}`,
  scope,
  scopeKey,
  version: n,
  effectiveFrom: cst(effectiveFrom),
  ...NONE,
  ...terms,
});

const DEFAULT_V1 = version('DEFAULT', 'default', 1, '2020-01-01T00:00', {
  productLeadTimes: [
    { product: 'BROADBAND', minutes: 4320 },
    { product: 'DEDICATED_LINE', minutes: 7200 },
  ],
  otherProductsLeadMinutes: 4320,
  restorationTargets: [
    { severity: 'CRITICAL', minutes: 240 },
    { severity: 'MAJOR', minutes: 480 },
    { severity: 'MINOR', minutes: 1440 },
  ],
  acknowledgementTargetMinutes: 30,
  clock: { kind: 'TWENTY_FOUR_SEVEN' },
});
const DEFAULT_V2 = { ...DEFAULT_V1, id: 'd2', version: 2, effectiveFrom: cst('2025-01-01T00:00') };
const HZ_V1 = version('BRANCH', 'HZ', 1, '2024-06-01T00:00', {
  restorationTargets: [{ severity: 'MINOR', minutes: 720 }],
  clock: {
    kind: 'BUSINESS_HOURS',
    weekdays: [1, 2, 3, 4, 5],
    open: '09:00',
    close: '18:00',
    breaks: [],
    holidays: [],
  },
});
const ACCOUNT_V1 = version('ACCOUNT', 'acc1', 1, '2024-01-01T00:00', {
  restorationTargets: [{ severity: 'CRITICAL', minutes: 180 }],
});
const ACCOUNT_V2 = version('ACCOUNT', 'acc1', 2, '2025-03-01T00:00', {
  restorationTargets: [{ severity: 'CRITICAL', minutes: 120 }],
  productLeadTimes: [{ product: 'DEDICATED_LINE', minutes: 2880 }],
});
const ALL = [DEFAULT_V1, DEFAULT_V2, HZ_V1, ACCOUNT_V1, ACCOUNT_V2];
const target = (at: string, branchCode = 'HZ') => ({
  accountId: 'acc1',
  branchCode,
  timeZone: 'Asia/Shanghai',
  at: cst(at),
});

describe('policyInForce', () => {
  it('takes the highest version already effective at the instant', () => {
    expect(policyInForce(ALL, 'ACCOUNT', 'acc1', cst('2025-02-28T23:59'))).toBe(ACCOUNT_V1);
    expect(policyInForce(ALL, 'ACCOUNT', 'acc1', cst('2025-03-01T00:00'))).toBe(ACCOUNT_V2);
    expect(policyInForce(ALL, 'ACCOUNT', 'acc1', cst('2023-12-31T00:00'))).toBeNull();
    expect(policyInForce(ALL, 'ACCOUNT', 'other', cst('2025-06-01T00:00'))).toBeNull();
  });

  it('lets a later version with an earlier effective date supersede an older one', () => {
    const corrected = {
      ...ACCOUNT_V2,
      id: 'c3',
      version: 3,
      effectiveFrom: cst('2024-02-01T00:00'),
    };
    expect(policyInForce([...ALL, corrected], 'ACCOUNT', 'acc1', cst('2025-06-01T00:00'))).toBe(
      corrected,
    );
  });
});

describe('resolvePolicy', () => {
  it('lets the account override the branch override the default, field by field', () => {
    const policy = resolvePolicy(ALL, target('2025-06-01T10:00'));
    expect(policy.reason).toBe('account agreement v2 overrides branch HZ v1 overrides default v2');
    expect(policy.versions).toEqual([ACCOUNT_V2, HZ_V1, DEFAULT_V2]);
    // CRITICAL from the account, MINOR from the branch, MAJOR falls through to the default.
    expect(policy.restorationTargets).toEqual({ CRITICAL: 120, MAJOR: 480, MINOR: 720 });
    expect(policy.productLeadTimes).toEqual([
      { product: 'BROADBAND', minutes: 4320 },
      { product: 'DEDICATED_LINE', minutes: 2880 },
    ]);
    expect(policy.acknowledgementTargetMinutes).toBe(30);
    expect(policy.clock).toEqual({
      kind: 'BUSINESS_HOURS',
      hours: {
        timeZone: 'Asia/Shanghai',
        weekdays: [1, 2, 3, 4, 5],
        open: '09:00',
        close: '18:00',
        breaks: [],
        holidays: [],
      },
    });
    const sourceOf = (field: string) => policy.sources.find((s) => s.field === field)?.version;
    expect(sourceOf('restorationTargets.CRITICAL')).toBe(ACCOUNT_V2);
    expect(sourceOf('restorationTargets.MINOR')).toBe(HZ_V1);
    expect(sourceOf('restorationTargets.MAJOR')).toBe(DEFAULT_V2);
    expect(sourceOf('productLeadTimes.DEDICATED_LINE')).toBe(ACCOUNT_V2);
    expect(sourceOf('clock')).toBe(HZ_V1);
    expect(sourceOf('acknowledgementTargetMinutes')).toBe(DEFAULT_V2);
  });

  it('uses the versions in force at the instant, not the newest ones', () => {
    const policy = resolvePolicy(ALL, target('2024-03-01T10:00'));
    // Branch HZ v1 starts 2024-06-01 and default v2 on 2025-01-01: neither is in force yet.
    expect(policy.reason).toBe('account agreement v1 overrides default v1');
    expect(policy.restorationTargets).toEqual({ CRITICAL: 180, MAJOR: 480, MINOR: 1440 });
    expect(policy.clock).toEqual({ kind: 'TWENTY_FOUR_SEVEN' });
  });

  it('falls back to the default alone for another branch and account', () => {
    const policy = resolvePolicy(ALL, { ...target('2025-06-01T10:00', 'NB'), accountId: 'x' });
    expect(policy.reason).toBe('default v2');
    expect(policy.restorationTargets).toEqual({ CRITICAL: 240, MAJOR: 480, MINOR: 1440 });
  });

  it('says so when an override in force sets nothing (it ended an earlier one)', () => {
    const ended = version('ACCOUNT', 'acc1', 3, '2025-05-01T00:00');
    const policy = resolvePolicy([...ALL, ended], target('2025-06-01T10:00'));
    expect(policy.reason).toBe(
      'account agreement v3 (sets nothing) overrides branch HZ v1 overrides default v2',
    );
    expect(policy.restorationTargets.CRITICAL).toBe(240);
  });

  it('takes complaint targets from the rules (120 / 2880) when no version sets them', () => {
    // The stored default versions predate complaints: they set neither target.
    const policy = resolvePolicy(ALL, target('2025-06-01T10:00'));
    expect(policy.complaintFirstContactMinutes).toBe(120);
    expect(policy.complaintResolutionMinutes).toBe(2880);
    expect(policy.sources.some((s) => s.field.startsWith('complaint'))).toBe(false);
  });

  it('lets any level set complaint targets, field by field', () => {
    const branch = version('BRANCH', 'HZ', 2, '2025-05-01T00:00', {
      clock: HZ_V1.clock,
      complaintResolutionMinutes: 1440,
    });
    const account = version('ACCOUNT', 'acc1', 3, '2025-05-01T00:00', {
      complaintFirstContactMinutes: 60,
    });
    const policy = resolvePolicy([...ALL, branch, account], target('2025-06-01T10:00'));
    expect(policy.complaintFirstContactMinutes).toBe(60);
    expect(policy.complaintResolutionMinutes).toBe(1440);
    const sourceOf = (field: string) => policy.sources.find((s) => s.field === field)?.version;
    expect(sourceOf('complaintFirstContactMinutes')).toBe(account);
    expect(sourceOf('complaintResolutionMinutes')).toBe(branch);
  });

  it('fails without a default policy in force', () => {
    expect(() => resolvePolicy([HZ_V1], target('2025-06-01T10:00'))).toThrow(RangeError);
    expect(() => resolvePolicy(ALL, target('2019-06-01T10:00'))).toThrow(/no default/);
  });
});

describe('leadTimeFor', () => {
  it('uses the product entry, case-insensitively, else the others lead time', () => {
    const policy = resolvePolicy(ALL, target('2025-06-01T10:00'));
    expect(leadTimeFor(policy, ' dedicated_line ')).toBe(2880);
    expect(leadTimeFor(policy, 'BROADBAND')).toBe(4320);
    expect(leadTimeFor(policy, 'IDC')).toBe(4320);
  });
});

describe('toSlaClock', () => {
  it('reads business hours in the given zone and leaves 24 × 7 alone', () => {
    expect(toSlaClock({ kind: 'TWENTY_FOUR_SEVEN' }, 'Asia/Shanghai')).toEqual({
      kind: 'TWENTY_FOUR_SEVEN',
    });
    const clock = toSlaClock(HZ_V1.clock!, 'Asia/Urumqi');
    expect(clock.kind === 'BUSINESS_HOURS' && clock.hours.timeZone).toBe('Asia/Urumqi');
  });
});

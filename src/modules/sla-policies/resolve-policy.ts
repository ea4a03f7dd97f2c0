import type { BusinessHours, SlaClock } from '../faults/sla-clock';

/**
 * Complaint targets of the measurement rules (first contact within 2 h, resolution within 48 h),
 * in force wherever no policy version sets its own: policies stored before complaints existed set
 * none, and a default policy need not set them.
 */
export const DEFAULT_COMPLAINT_TARGET_MINUTES = {
  complaintFirstContactMinutes: 2 * 60,
  complaintResolutionMinutes: 48 * 60,
} as const;

/** The complaint targets a policy version may set. */
export const COMPLAINT_TARGET_FIELDS = [
  'complaintFirstContactMinutes',
  'complaintResolutionMinutes',
] as const;

/** Fault severity tiers, highest first (measurement rules "Fault repair"). */
export const SEVERITIES = ['CRITICAL', 'MAJOR', 'MINOR'] as const;

/** A fault severity tier. */
export type Severity = (typeof SEVERITIES)[number];

/** Levels a policy can be set at, from the most general to the most specific. */
export const POLICY_SCOPES = ['DEFAULT', 'BRANCH', 'ACCOUNT'] as const;

/** The level a policy is set at. */
export type PolicyScope = (typeof POLICY_SCOPES)[number];

/** The scope key of the one default policy. */
export const DEFAULT_SCOPE_KEY = 'default';

/** A policy's clock as stored: business hours take their time zone from the account's branch. */
export type PolicyClock =
  { kind: 'TWENTY_FOUR_SEVEN' } | ({ kind: 'BUSINESS_HOURS' } & Omit<BusinessHours, 'timeZone'>);

/** What one policy version sets; an override leaves empty lists / nulls to the next level. */
export type PolicyTerms = {
  /** Promised activation lead time per product code (minutes, 24 × 7). */
  productLeadTimes: { product: string; minutes: number }[];
  /** Lead time of products without their own entry. */
  otherProductsLeadMinutes: number | null;
  /** Restoration target per severity tier (minutes on the policy's clock). */
  restorationTargets: { severity: Severity; minutes: number }[];
  /** Acknowledgement target (minutes, 24 × 7). */
  acknowledgementTargetMinutes: number | null;
  clock: PolicyClock | null;
  /** Complaint first-contact target (minutes on the policy's clock); absent in older versions. */
  complaintFirstContactMinutes?: number | null;
  /** Complaint resolution target (minutes on the policy's clock); absent in older versions. */
  complaintResolutionMinutes?: number | null;
};

/** One stored version of a policy; versions of a (scope, scopeKey) are numbered 1, 2, …. */
export type PolicyVersion = PolicyTerms & {
  id: string;
  scope: PolicyScope;
  /** `default`, a branch code or an account id. */
  scopeKey: string;
  version: number;
  /** From when this version applies (to records opened at or after it). */
  effectiveFrom: Date;
};

/** The account, branch and instant a policy is resolved for. */
export type PolicyTarget = {
  accountId: string;
  branchCode: string;
  /** The branch's time zone, in which business hours are read. */
  timeZone: string;
  at: Date;
};

/** The values in force for one account at one instant, and where each came from. */
export type EffectivePolicy<V extends PolicyVersion = PolicyVersion> = {
  productLeadTimes: { product: string; minutes: number }[];
  otherProductsLeadMinutes: number;
  restorationTargets: Record<Severity, number>;
  acknowledgementTargetMinutes: number;
  clock: SlaClock;
  /** First contact of a complaint (minutes on `clock`); the rules' 2 h when no version sets it. */
  complaintFirstContactMinutes: number;
  /** Resolution of a complaint (minutes on `clock`); the rules' 48 h when no version sets it. */
  complaintResolutionMinutes: number;
  /** The versions in force, most specific first (account, branch, default). */
  versions: V[];
  /**
   * For every value, the version that supplied it (`productLeadTimes.BROADBAND`, `clock`, …);
   * complaint targets taken from the rules' defaults have no entry.
   */
  sources: { field: string; version: V }[];
  /** Human-readable resolution, e.g. `account agreement v2 overrides branch HZ v1 overrides default v3`. */
  reason: string;
};

/** Product codes are compared case-insensitively: stored trimmed and upper-cased. */
export function normalizeProduct(product: string): string {
  return product.trim().toUpperCase();
}

/**
 * The version of one (scope, scopeKey) in force at `at`: the highest version whose
 * `effectiveFrom` ≤ `at` (a newer version supersedes older ones from its effective date on).
 */
export function policyInForce<V extends PolicyVersion>(
  versions: readonly V[],
  scope: PolicyScope,
  scopeKey: string,
  at: Date,
): V | null {
  return versions.reduce<V | null>((best, next) => {
    const applies =
      next.scope === scope &&
      next.scopeKey === scopeKey &&
      next.effectiveFrom.getTime() <= at.getTime();
    return applies && (best === null || next.version > best.version) ? next : best;
  }, null);
}

/** How a version is named in explanations. */
export function policyLabel(version: Pick<PolicyVersion, 'scope' | 'scopeKey' | 'version'>) {
  switch (version.scope) {
    case 'ACCOUNT':
      return `account agreement v${version.version}`;
    case 'BRANCH':
      return `branch ${version.scopeKey} v${version.version}`;
    case 'DEFAULT':
      return `default v${version.version}`;
  }
}

/** Whether a version sets anything at all (an empty override ends an earlier one). */
export function setsAnything(terms: PolicyTerms): boolean {
  return (
    terms.productLeadTimes.length > 0 ||
    terms.otherProductsLeadMinutes !== null ||
    terms.restorationTargets.length > 0 ||
    terms.acknowledgementTargetMinutes !== null ||
    terms.clock !== null ||
    COMPLAINT_TARGET_FIELDS.some((field) => terms[field] != null)
  );
}

/** The stored clock read in a time zone. */
export function toSlaClock(clock: PolicyClock, timeZone: string): SlaClock {
  if (clock.kind === 'TWENTY_FOUR_SEVEN') return { kind: 'TWENTY_FOUR_SEVEN' };
  const { kind: _kind, ...hours } = clock;
  return { kind: 'BUSINESS_HOURS', hours: { ...hours, timeZone } };
}

/**
 * Resolves the policy for an account at an instant: the account agreement in force overrides the
 * branch policy in force, which overrides the default policy in force; every value an override
 * does not set falls through to the next level (lead times per product, targets per tier).
 * Throws when no default policy is in force at that instant.
 */
export function resolvePolicy<V extends PolicyVersion>(
  versions: readonly V[],
  target: PolicyTarget,
): EffectivePolicy<V> {
  const levels = [
    policyInForce(versions, 'ACCOUNT', target.accountId, target.at),
    policyInForce(versions, 'BRANCH', target.branchCode, target.at),
    policyInForce(versions, 'DEFAULT', DEFAULT_SCOPE_KEY, target.at),
  ].filter((level): level is V => level !== null);
  if (levels.at(-1)?.scope !== 'DEFAULT') {
    throw new RangeError(`no default SLA policy in force at ${target.at.toISOString()}`);
  }
  const sources: { field: string; version: V }[] = [];
  const pick = <T>(field: string, valueOf: (level: V) => T | null | undefined): T => {
    const level = levels.find((candidate) => valueOf(candidate) != null);
    if (!level) throw new RangeError(`the default SLA policy does not set ${field}`);
    sources.push({ field, version: level });
    return valueOf(level)!;
  };

  const products = [
    ...new Set(levels.flatMap((level) => level.productLeadTimes.map((p) => p.product))),
  ].sort();
  const productLeadTimes = products.map((product) => ({
    product,
    minutes: pick(
      `productLeadTimes.${product}`,
      (level) => level.productLeadTimes.find((p) => p.product === product)?.minutes,
    ),
  }));
  const otherProductsLeadMinutes = pick(
    'otherProductsLeadMinutes',
    (level) => level.otherProductsLeadMinutes,
  );
  const restorationTargets = Object.fromEntries(
    SEVERITIES.map((severity) => [
      severity,
      pick(
        `restorationTargets.${severity}`,
        (level) => level.restorationTargets.find((t) => t.severity === severity)?.minutes,
      ),
    ]),
  ) as Record<Severity, number>;
  const acknowledgementTargetMinutes = pick(
    'acknowledgementTargetMinutes',
    (level) => level.acknowledgementTargetMinutes,
  );
  const clock = toSlaClock(
    pick('clock', (level) => level.clock),
    target.timeZone,
  );
  // Unlike the values above, a default policy need not set these: the rules' defaults apply.
  const complaintTarget = (field: (typeof COMPLAINT_TARGET_FIELDS)[number]) =>
    levels.some((level) => level[field] != null)
      ? pick(field, (level) => level[field])
      : DEFAULT_COMPLAINT_TARGET_MINUTES[field];
  const reason = levels
    .map((level) => policyLabel(level) + (setsAnything(level) ? '' : ' (sets nothing)'))
    .join(' overrides ');
  return {
    productLeadTimes,
    otherProductsLeadMinutes,
    restorationTargets,
    acknowledgementTargetMinutes,
    clock,
    complaintFirstContactMinutes: complaintTarget('complaintFirstContactMinutes'),
    complaintResolutionMinutes: complaintTarget('complaintResolutionMinutes'),
    versions: levels,
    sources,
    reason,
  };
}

/** The promised lead time of a product under an effective policy (its own entry, else others). */
export function leadTimeFor(policy: EffectivePolicy, product: string): number {
  const code = normalizeProduct(product);
  return (
    policy.productLeadTimes.find((entry) => entry.product === code)?.minutes ??
    policy.otherProductsLeadMinutes
  );
}

import type { Actor } from '../auth/actor';

/** The service itself, writing the demo data set through the same services people use. */
export const DEMO_ACTOR: Actor = {
  userId: 'system',
  login: 'system:demo',
  role: 'ADMIN',
  branchCode: null,
  sourceSystem: 'DEMO',
};

/** Fixed reference instant of the demo data set, so every machine generates the same records. */
export const DEMO_NOW = new Date('2026-11-15T00:00:00+08:00');

/** An instant `days` days (fractional) before the demo reference instant. */
export const daysAgo = (days: number): Date => new Date(DEMO_NOW.getTime() - days * 86_400_000);

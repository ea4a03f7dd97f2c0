import { demoClockAt, setDemoClock } from '../../src/modules/demo/demo-actor';
import { loadDemoData } from '../../src/modules/demo/demo-seed';

/**
 * The instant demo data is laid out around in tests: fixed, so every run generates the same
 * records and the tests' periods ("2026-Q2") keep their data whatever the day.
 */
export const DEMO_TEST_NOW = new Date('2026-11-15T00:00:00+08:00');

/** Loads the demo data set laid out around DEMO_TEST_NOW. */
export const loadTestDemoData = (): Promise<void> => loadDemoData({ now: DEMO_TEST_NOW });

/** For tests that run single demo steps: sets the clock loadDemoData would set. */
export const useTestDemoClock = (): void => setDemoClock(demoClockAt(DEMO_TEST_NOW));

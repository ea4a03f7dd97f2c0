import { currentStage } from './journey-stage';

describe('currentStage', () => {
  const none = { openFaultStage: null, hasOpenActivation: false, latestStage: null };

  it('puts an account without records in CONSULTING', () => {
    expect(currentStage(none)).toBe('CONSULTING');
  });

  it('follows the most recent record when nothing is open', () => {
    expect(currentStage({ ...none, latestStage: 'BILLING' })).toBe('BILLING');
  });

  it('lets an open activation outrank the latest record', () => {
    expect(currentStage({ ...none, hasOpenActivation: true, latestStage: 'BILLING' })).toBe(
      'ACTIVATION',
    );
  });

  it('lets an open fault outrank everything, in its own stage', () => {
    const evidence = {
      openFaultStage: 'FAULT_REPORTING' as const,
      hasOpenActivation: true,
      latestStage: 'BILLING' as const,
    };
    expect(currentStage(evidence)).toBe('FAULT_REPORTING');
    expect(currentStage({ ...evidence, openFaultStage: 'REPAIR' })).toBe('REPAIR');
  });
});

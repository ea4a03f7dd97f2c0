import { currentStep, recordSteps, step, syncStep } from './steps';

describe('steps', () => {
  it('name nested steps by their path, for their time and for the work inside them', async () => {
    const seen: string[] = [];
    const stop = recordSteps((name) => seen.push(name));
    const inner: (string | undefined)[] = [];
    try {
      await step('batch', async () => {
        await step('apply', async () => {
          inner.push(currentStep());
          await Promise.resolve();
          inner.push(currentStep());
        });
        syncStep('plan', () => inner.push(currentStep()));
      });
    } finally {
      stop();
    }
    // The sink hears each step when it ends; the work sees the step it runs in, also after an await.
    expect(seen).toEqual(['batch > apply', 'batch > plan', 'batch']);
    expect(inner).toEqual(['batch > apply', 'batch > apply', 'batch']);
  });

  it('are only their work while nothing records them', async () => {
    expect(await step('batch', async () => currentStep())).toBeUndefined();
    expect(syncStep('plan', () => 42)).toBe(42);
  });

  it('report a failing step too, and pass its error on', async () => {
    const seen: string[] = [];
    const stop = recordSteps((name) => seen.push(name));
    try {
      await expect(step('write', () => Promise.reject(new Error('lost')))).rejects.toThrow('lost');
    } finally {
      stop();
    }
    expect(seen).toEqual(['write']);
  });
});

import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Named steps of a write path (an import batch: its reads, its bulk write, each consequence kind
 * applied, the clearing), so a benchmark can tell where a batch's time and commands go. Off unless
 * a benchmark records them (`recordSteps`): a step is then only its work, nothing measured.
 */
export type StepSink = (step: string, ms: number) => void;

const current = new AsyncLocalStorage<string>();
let sink: StepSink | null = null;

/** Records every step's time until the returned function is called (one recorder at a time). */
export function recordSteps(onStep: StepSink): () => void {
  sink = onStep;
  return () => {
    sink = null;
  };
}

/**
 * The step running now, as the path of the steps around it (`apply > rollup`), while recorded:
 * a command's monitoring event names the step that sent it.
 */
export function currentStep(): string | undefined {
  return current.getStore();
}

/** Runs `work` as the step `name` (inside the step running now, if any). */
export async function step<T>(name: string, work: () => Promise<T>): Promise<T> {
  const onStep = sink;
  if (!onStep) return work();
  const path = pathOf(name);
  const started = performance.now();
  try {
    return await current.run(path, work);
  } finally {
    onStep(path, performance.now() - started);
  }
}

/** `step` for synchronous work (parsing, planning). */
export function syncStep<T>(name: string, work: () => T): T {
  const onStep = sink;
  if (!onStep) return work();
  const started = performance.now();
  try {
    return work();
  } finally {
    onStep(pathOf(name), performance.now() - started);
  }
}

const pathOf = (name: string) => {
  const outer = current.getStore();
  return outer ? `${outer} > ${name}` : name;
};

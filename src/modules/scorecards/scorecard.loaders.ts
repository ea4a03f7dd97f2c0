import DataLoader from 'dataloader';
import { AppError, badInput } from '../../shared/errors';
import type { BranchCard } from './scorecard-card';
import { rankedScorecards } from './scorecard.service';

/**
 * Most periods one request may ask scorecards of: a year of months, as the web app's trend asks. Each period's cards (and its previous period's,
 * for comparison) are computed once per request however many fields ask, so one request computes
 * at most 2 × this × (number of branches) scorecards.
 */
export const MAX_SCORECARD_PERIODS_PER_REQUEST = 12;

/** The ranked cards of a period, computed once per request, for at most a few periods. */
export function createScorecardsByPeriod() {
  const asked = new Set<string>();
  return new DataLoader<string, BranchCard[]>(async (labels) =>
    Promise.all(
      labels.map(async (label) => {
        asked.add(label);
        if (asked.size > MAX_SCORECARD_PERIODS_PER_REQUEST) {
          return badInput(
            'period',
            `one request may ask scorecards of at most ${MAX_SCORECARD_PERIODS_PER_REQUEST} periods`,
          );
        }
        // A bad label fails its own field only, not the others batched with it.
        return rankedScorecards(label).catch((error: unknown) =>
          error instanceof AppError ? error : Promise.reject(error),
        );
      }),
    ),
  );
}

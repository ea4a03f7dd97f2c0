import { Router } from 'express';
import { AppError } from '../shared/errors';
import { authenticate } from '../modules/auth/auth.service';
import { scorecardsCsv } from '../modules/scorecards/scorecard-csv';
import { scorecardRanking } from '../modules/scorecards/scorecard.service';

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
};

/** `GET /scorecards/:period.csv`: the ranking as CSV, with the same token and scope as GraphQL. */
export function scorecardExportRouter(): Router {
  const router = Router();
  router.get('/scorecards/:period.csv', async (req, res) => {
    try {
      const actor = await authenticate(req.headers.authorization);
      const cards = await scorecardRanking({ actor, period: req.params.period });
      res
        .type('text/csv; charset=utf-8')
        .attachment(`scorecards-${req.params.period}.csv`)
        .send(scorecardsCsv(cards));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      res
        .status(STATUS[error.code] ?? 400)
        .json({ errors: [{ message: error.message, extensions: { code: error.code } }] });
    }
  });
  return router;
}

import { Router } from 'express';
import { AppError } from '../shared/errors';
import { authenticate } from '../modules/auth/auth.service';
import { scorecardsCsv } from '../modules/scorecards/scorecard-csv';
import { branchScorecard, scorecardRanking } from '../modules/scorecards/scorecard.service';

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
};

/**
 * `GET /scorecards/:period.csv`: the ranking as CSV, with the same token and scope as GraphQL;
 * `?branch=CODE` gives that one branch's row, with `branchScorecard`'s access check.
 */
export function scorecardExportRouter(): Router {
  const router = Router();
  router.get('/scorecards/:period.csv', async (req, res) => {
    try {
      const actor = await authenticate(req.headers.authorization);
      const { period } = req.params;
      const branchCode = typeof req.query.branch === 'string' ? req.query.branch : undefined;
      const cards = branchCode
        ? [await branchScorecard({ actor, branchCode, period })]
        : await scorecardRanking({ actor, period });
      res
        .type('text/csv; charset=utf-8')
        .attachment(`scorecards-${period}${branchCode ? `-${branchCode}` : ''}.csv`)
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

import type { Types } from 'mongoose';
import { rollupConsequences } from '../rollups/rollup.service';
import { z } from 'zod';
import { FollowUpModel } from '../follow-ups/follow-up.model';
import {
  instantsConsequences,
  DEFAULT_ACCOUNT_SOURCE,
  describeKey,
  insertOnly,
  loadAccounts,
  loadByKeys,
  optionalCodeCell,
  planRows,
  pastInstantCell,
  visibleTo,
  writableAccount,
  type LinkedAccount,
  type RecordKey,
  type RecordsByKey,
} from '../imports/account-linked-rows';
import { loadByExternalIds, upsertPlannedRows, type PlannedRow } from '../imports/batch-upsert';
import { registerImportKind, type ImportContext, type ImportOutcome } from '../imports/import-kind';
import { parseRows, rejected } from '../imports/parse-rows';
import { optionalTextCell, textCell } from '../imports/row-fields';
import { knownCompetitorCodes } from '../competitors/competitor.service';
import {
  MAX_ATTRIBUTE_SCORES,
  parseAttributeScores,
  parseCompetitorScores,
  type ScoresCell,
} from './attribute-scores-cell';
import { SurveyAttributeModel } from './attribute-catalogue.model';
import { SurveyResponseModel } from './survey-response.model';
import { scale } from './survey.inputs';

// A score on its scale, as a CSV cell (digits) or an NDJSON number; empty = not given.
const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);
const scoreCell = () => z.preprocess(blankToUndefined, scale(1, 10, { coerce: true }));
const optionalNpsCell = () =>
  z
    .preprocess(blankToUndefined, scale(0, 10, { coerce: true }).optional())
    .transform((value) => value ?? null);

// A cell of scored entries; its parser names the first bad entry.
function scoresCell<T>(parse: (value: unknown) => ScoresCell<T>) {
  return z
    .unknown()
    .optional()
    .transform((value, ctx) => {
      const cell = parse(value);
      if (cell.ok) return cell.scores;
      ctx.addIssue({ code: 'custom', message: cell.reason });
      return z.NEVER;
    });
}

const surveyResponseRow = z.object({
  externalId: textCell(100),
  accountExternalId: textCell(100),
  accountSourceSystem: optionalCodeCell(),
  respondedAt: pastInstantCell(),
  channel: textCell(50),
  respondent: optionalTextCell(200),
  cs1: scoreCell(),
  cs2: scoreCell(),
  cs3: scoreCell(),
  nps: optionalNpsCell(),
  comment: optionalTextCell(4000),
  followUpExternalId: optionalTextCell(100),
  followUpSourceSystem: optionalCodeCell(),
  // Optional column: without it (or empty) a response has no attribute scores.
  attributes: scoresCell(parseAttributeScores),
  // Optional column: the respondent's CS1–CS3 for competitors.
  competitors: scoresCell(parseCompetitorScores),
});

type SurveyImportRow = z.infer<typeof surveyResponseRow>;

type LinkedFollowUp = RecordKey & {
  _id: Types.ObjectId;
  accountId: Types.ObjectId;
  branchCode: string;
};

const accountKey = (row: SurveyImportRow): RecordKey => ({
  sourceSystem: row.accountSourceSystem ?? DEFAULT_ACCOUNT_SOURCE,
  externalId: row.accountExternalId,
});

// A linked follow-up is by default one the same system delivered (its follow-ups import).
const followUpKey = (context: ImportContext, row: SurveyImportRow): RecordKey | null =>
  row.followUpExternalId
    ? {
        sourceSystem: row.followUpSourceSystem ?? context.sourceSystem,
        externalId: row.followUpExternalId,
      }
    : null;

// Active catalogue keys among those the batch scores, in one query.
async function activeAttributes(rows: SurveyImportRow[]): Promise<Set<string>> {
  const keys = [...new Set(rows.flatMap((row) => row.attributes.map((a) => a.attribute)))];
  if (keys.length === 0) return new Set();
  const found = await SurveyAttributeModel.find(
    { key: { $in: keys }, active: true },
    { key: 1 },
  ).lean();
  return new Set(found.map((entry) => entry.key));
}

type References = {
  accounts: RecordsByKey<LinkedAccount>;
  followUps: RecordsByKey<LinkedFollowUp>;
  catalogue: Set<string>;
  competitors: Set<string>;
};

/** One valid row checked against the catalogue, its references and access, then planned. */
function planRow(
  context: ImportContext,
  index: number,
  row: SurveyImportRow,
  refs: References,
  stored: Record<string, unknown> | undefined,
): PlannedRow | ImportOutcome {
  const unknown = row.attributes.findIndex((a) => !refs.catalogue.has(a.attribute));
  if (unknown >= 0) {
    const { attribute } = row.attributes[unknown]!;
    return rejected('attributes', `entry ${unknown + 1}: no active survey attribute ${attribute}`);
  }
  const unlisted = row.competitors.findIndex((c) => !refs.competitors.has(c.competitor));
  if (unlisted >= 0) {
    const { competitor } = row.competitors[unlisted]!;
    return rejected('competitors', `entry ${unlisted + 1}: no competitor ${competitor}`);
  }
  const checked = writableAccount(context, accountKey(row), refs.accounts, stored);
  if (!checked.ok) return checked.outcome;
  const { account } = checked;
  const linkKey = followUpKey(context, row);
  const followUp = refs.followUps.get(linkKey);
  if (linkKey && !visibleTo(context, followUp))
    return rejected('followUpExternalId', `no follow-up ${describeKey(linkKey)}`);
  if (followUp && !followUp.accountId.equals(account._id))
    return rejected(
      'followUpExternalId',
      `the follow-up ${describeKey(followUp)} is of another account`,
    );
  return {
    index,
    externalId: row.externalId,
    branchCode: account.branchCode,
    fields: {
      accountId: account._id,
      branchCode: account.branchCode,
      stage: 'SURVEY',
      journeyAt: row.respondedAt,
      respondedAt: row.respondedAt,
      channel: row.channel,
      respondent: row.respondent,
      cs1: row.cs1,
      cs2: row.cs2,
      cs3: row.cs3,
      nps: row.nps,
      attributes: row.attributes,
      competitors: row.competitors,
      comment: row.comment,
      followUpId: followUp?._id ?? null,
      ...insertOnly(context, stored),
    },
  };
}

/**
 * Imports survey responses: upsert by (sourceSystem, externalId) with the rules of
 * `recordSurveyResponse` (scales, catalogue, competitor list, not in the future); accounts, linked follow-ups, the
 * catalogue and stored responses of the whole batch are read in one query each. Every written
 * response invalidates the scorecards of its response time (and of its old one if it moved).
 */
async function importSurveyResponses(
  context: ImportContext,
  raw: Record<string, unknown>[],
): Promise<ImportOutcome[]> {
  const { valid, outcomes } = parseRows(surveyResponseRow, raw);
  const rows = valid.map((v) => v.row);
  const [accounts, followUps, catalogue, competitors, existing] = await Promise.all([
    loadAccounts(rows.map(accountKey)),
    loadByKeys<LinkedFollowUp>(
      FollowUpModel,
      rows.map((row) => followUpKey(context, row)),
    ),
    activeAttributes(rows),
    knownCompetitorCodes(rows.flatMap((row) => row.competitors.map((c) => c.competitor))),
    loadByExternalIds(
      SurveyResponseModel,
      context.sourceSystem,
      rows.map((row) => row.externalId),
    ),
  ]);
  const refs = { accounts, followUps, catalogue, competitors };
  const planned = planRows({
    valid,
    existing,
    outcomes,
    plan: (index, row, stored) => planRow(context, index, row, refs, stored),
  });
  const written = await upsertPlannedRows({
    model: SurveyResponseModel,
    entityType: 'SurveyResponse',
    sourceSystem: context.sourceSystem,
    actor: context.actor,
    rows: planned,
    existing,
    dryRun: context.dryRun,
    // Any change of a response changes the satisfaction figures of its period.
    // A row whose contribution changed refreshes its own rollups.
    consequencesOf: ({ branchCode, before, after }) => [
      ...rollupConsequences(branchCode, before, after),
      ...instantsConsequences(branchCode, [before?.respondedAt, after.respondedAt]),
    ],
  });
  for (const [index, outcome] of written) outcomes.set(index, outcome);
  return raw.map((_, index) => outcomes.get(index)!);
}

registerImportKind({
  kind: 'survey-responses',
  columns: [
    {
      name: 'externalId',
      required: true,
      description: 'id in the survey system (natural key with the source system)',
    },
    { name: 'accountExternalId', required: true, description: 'external id of the key account' },
    {
      name: 'accountSourceSystem',
      required: false,
      description: `source system of the account (default ${DEFAULT_ACCOUNT_SOURCE})`,
    },
    {
      name: 'respondedAt',
      required: true,
      description: 'response time, ISO-8601 with offset; not in the future',
    },
    {
      name: 'channel',
      required: true,
      description: 'how the survey was taken (e.g. PHONE, WEB, IVR)',
    },
    { name: 'respondent', required: false, description: 'who answered' },
    { name: 'cs1', required: true, description: 'overall satisfaction, integer 1–10' },
    { name: 'cs2', required: true, description: 'against expectation, integer 1–10' },
    { name: 'cs3', required: true, description: 'against the ideal, integer 1–10' },
    { name: 'nps', required: false, description: 'would recommend, integer 0–10' },
    { name: 'comment', required: false, description: 'free text' },
    {
      name: 'followUpExternalId',
      required: false,
      description: 'external id of the follow-up of the same account the survey was taken in',
    },
    {
      name: 'followUpSourceSystem',
      required: false,
      description: 'source system of that follow-up (default: the import’s source system)',
    },
    {
      name: 'attributes',
      required: false,
      description: `KEY:performance:importance entries separated by ; (scores 1–10, active catalogue keys, each once, at most ${MAX_ATTRIBUTE_SCORES}); NDJSON may give an array of {attribute, performance, importance}`,
    },
    {
      name: 'competitors',
      required: false,
      description: `CODE:cs1:cs2:cs3 entries separated by ; (the respondent's scores 1–10 for a listed competitor, each once, at most ${MAX_ATTRIBUTE_SCORES}); NDJSON may give an array of {competitor, cs1, cs2, cs3}`,
    },
  ],
  importBatch: importSurveyResponses,
});

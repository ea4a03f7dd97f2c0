import { rollupConsequences } from '../rollups/rollup.service';
import { Types } from 'mongoose';
import { findConnectionsByKey } from '../../db/keyset-pagination';
import { badInput, fromDuplicateKey } from '../../shared/errors';
import { validate } from '../../shared/validate';
import { actorScope, type Scope } from '../access/scope';
import { requireWritableAccount } from '../accounts/account.service';
import { requireActor, type Actor } from '../auth/actor';
import { auditChange } from '../audit/audit.service';
import { createWithConsequences } from '../consequences/pending-consequences';
import { createdRecordConsequences } from '../journey/revisioned-write';
import { findFollowUp } from '../follow-ups/follow-up.service';
import { lifecycleConsequence } from '../journey/lifecycle-hooks';
import { requireKnownCompetitors } from '../competitors/competitor.service';
import { requireActiveAttributes } from './attribute-catalogue.service';
import { SurveyResponseModel, type SurveyResponseRow } from './survey-response.model';
import { recordSurveyResponseInput } from './survey.inputs';

/** Source system of responses recorded through the API without one. */
export const JOURNEY_SOURCE = 'JOURNEY';

/**
 * Records a survey response on an account the actor may write. Steps: validate (scales,
 * duplicates, not in the future), access, catalogue, competitor and follow-up checks, store (with
 * its audit entry and measured-record event as consequences). Nothing is stored when any check fails.
 */
export async function recordSurveyResponse(options: {
  actor: Actor | null;
  input: unknown;
}): Promise<SurveyResponseRow> {
  const actor = requireActor(options.actor);
  const input = validate(recordSurveyResponseInput, options.input);
  const account = await requireWritableAccount(actor, input.accountId);
  const attributes = input.attributes ?? [];
  await requireActiveAttributes(
    attributes.map((a) => a.attribute),
    'input.attributes',
  );
  const competitors = input.competitors ?? [];
  await requireKnownCompetitors(
    competitors.map((c) => c.competitor),
    'input.competitors',
  );
  if (input.followUpId) {
    const followUp = await findFollowUp(actorScope(actor), input.followUpId);
    if (!followUp || !followUp.accountId.equals(account._id)) {
      throw badInput('input.followUpId', 'no follow-up of this account has this id');
    }
  }
  const _id = new Types.ObjectId();
  const fields = {
    _id,
    sourceSystem: input.sourceSystem ?? JOURNEY_SOURCE,
    externalId: input.externalId ?? _id.toHexString(),
    accountId: account._id,
    branchCode: account.branchCode,
    stage: 'SURVEY',
    journeyAt: input.respondedAt,
    recordedBy: actor.login,
    respondedAt: input.respondedAt,
    channel: input.channel,
    respondent: input.respondent ?? null,
    cs1: input.cs1,
    cs2: input.cs2,
    cs3: input.cs3,
    nps: input.nps ?? null,
    attributes,
    competitors,
    comment: input.comment ?? null,
    followUpId: input.followUpId ? new Types.ObjectId(input.followUpId) : null,
  };
  // The audit entry and the measured-record event are stored with the response.
  return createWithConsequences<SurveyResponseRow>(SurveyResponseModel, fields, (response) => [
    auditChange({
      actor,
      action: 'recordSurveyResponse',
      entityType: 'SurveyResponse',
      entityId: String(response._id),
      branchCode: response.branchCode,
      before: null,
      after: response,
    }),
    ...rollupConsequences(response.branchCode, null, response),
    lifecycleConsequence('measuredRecordWritten', {
      branchCode: response.branchCode,
      eventTimes: [response.respondedAt],
    }),
    ...createdRecordConsequences(SurveyResponseModel, response),
  ]).catch((error: unknown) => {
    throw fromDuplicateKey(
      error,
      'input.externalId',
      'a survey response with this externalId and sourceSystem exists',
    );
  });
}

/** Arguments of `KeyAccount.surveyResponses`. */
export type AccountResponseArgs = { first?: number | null; after?: string | null };

/** Survey responses of many accounts at once, newest first, one page per account. */
export function loadAccountResponses(
  scope: Scope,
  accountIds: readonly Types.ObjectId[],
  args: AccountResponseArgs,
) {
  return findConnectionsByKey<SurveyResponseRow>(SurveyResponseModel, {
    scope,
    keyField: 'accountId',
    keys: accountIds,
    filter: {},
    sort: [{ field: 'respondedAt', direction: -1 }],
    args,
  });
}

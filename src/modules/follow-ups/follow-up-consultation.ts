import { isDuplicateKey } from '../../db/duplicate-key';
import type { Types } from 'mongoose';
import { systemScope } from '../access/scope';
import type { AuditActor } from '../audit/audit.service';
import {
  consequence,
  CONSEQUENCE_ORDER,
  registerConsequenceKind,
  type PendingConsequence,
} from '../consequences/consequence-kinds';
import { insertJourneyRecord } from '../journey-records/journey-record.service';
import { RECORD_KINDS } from '../journey-records/record-kinds';
import { FollowUpModel, type FollowUpRow } from './follow-up.model';

/** The consequence kind: a consultation raised during a completed visit. */
export const RAISE_CONSULTATION = 'raiseConsultation';

type RaiseArgs = {
  followUpId: Types.ObjectId;
  accountId: Types.ObjectId;
  branchCode: string;
  askedAt: Date;
  topic: string;
  actor: AuditActor;
  recordedBy: string;
};

/**
 * An issue raised during the visit becomes a consultation asked through the account manager at the
 * completion time, stored with the completion. The consultation takes the consequence's id, so it
 * is created once however often the consequence is applied.
 */
export function raiseConsultationConsequence(
  actor: AuditActor & { login: string },
  followUp: FollowUpRow,
  topic: string,
): PendingConsequence<RaiseArgs> {
  return consequence<RaiseArgs>(RAISE_CONSULTATION, {
    followUpId: followUp._id,
    accountId: followUp.accountId,
    branchCode: followUp.branchCode,
    askedAt: followUp.completedAt!,
    topic,
    actor,
    recordedBy: actor.login,
  });
}

const scope = systemScope('follow-up-consultation');

registerConsequenceKind<RaiseArgs>(RAISE_CONSULTATION, CONSEQUENCE_ORDER.derived, async (due) => {
  for (const { id, args } of due) {
    await insertJourneyRecord(RECORD_KINDS.Consultation, {
      _id: id,
      actor: args.actor,
      recordedBy: args.recordedBy,
      account: { _id: args.accountId, branchCode: args.branchCode },
      fields: { channel: 'ACCOUNT_MANAGER', askedAt: args.askedAt, topic: args.topic },
    }).catch((error: unknown) => {
      // Created by an earlier application: its own consequences are pending in it, or applied.
      if (!isDuplicateKey(error)) throw error;
    });
    await FollowUpModel.updateOne(
      { _id: args.followUpId, raisedConsultationId: null },
      { $set: { raisedConsultationId: id }, $inc: { revision: 1 } },
    ).setOptions({ scope });
  }
});

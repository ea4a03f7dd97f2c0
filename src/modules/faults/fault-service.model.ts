import { model, Schema } from 'mongoose';

/**
 * The tickets of one service (`_id` = `<accountId>|<serviceRef>`): per ticket id its report and
 * final restoration (`r`, `f`), kept by the repeat re-derivation before it reads them. It picks
 * the tickets a re-derivation needs, which are then read by bare `_id $in`. It exists because the
 * stand-in answers the range query on the service's tickets by scanning the collection (the
 * (accountId, serviceRef, reportedAt / finalRestoredAt) indexes are not used there); on MongoDB
 * those indexes would serve it.
 */
const faultServiceSchema = new Schema(
  {
    _id: { type: String, required: true },
    tickets: { type: Schema.Types.Mixed, default: {} },
  },
  { versionKey: false, minimize: false },
);

/** A ticket as its service's document keeps it. */
export type ServiceTicket = { r: Date; f: Date | null };

/** A stored service document. */
export type FaultServiceDoc = { _id: string; tickets: Record<string, ServiceTicket> };

export const FaultServiceModel = model('FaultService', faultServiceSchema);

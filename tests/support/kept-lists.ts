import type { Model, Types } from 'mongoose';
import { consequenceKind } from '../../src/modules/consequences/consequence-kinds';
import {
  entryReadFields,
  listedRecordConsequences,
} from '../../src/modules/journey/account-records';
import { journeySources } from '../../src/modules/journey/journey-registry';

/**
 * Lists records again in their accounts' lists as a write of them would (the listing consequence
 * every record write stores, applied): for a test that changed records behind the service's back
 * (e.g. a stored measure), so that the lists agree with the records again.
 */
export async function relist(
  model: Model<any>, // eslint-disable-line @typescript-eslint/no-explicit-any
  ids: readonly Types.ObjectId[],
): Promise<void> {
  const source = journeySources().find((s) => s.model.modelName === model.modelName)!;
  const projection = Object.fromEntries(entryReadFields(source).map((field) => [field, 1]));
  const records = await model.collection.find({ _id: { $in: [...ids] } }, { projection }).toArray();
  await consequenceKind('accountRecordEntry').apply(
    records.flatMap((record) =>
      listedRecordConsequences(model, record)
        .filter((pending) => pending.kind === 'accountRecordEntry')
        .map((pending) => ({
          id: pending._id,
          recordId: record._id,
          source: model.modelName,
          args: pending.args,
        })),
    ),
  );
}

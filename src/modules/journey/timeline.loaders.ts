import DataLoader from 'dataloader';
import { Types } from 'mongoose';
import type { Connection } from '../../db/keyset-pagination';
import type { Scope } from '../access/scope';
import type { AccountRecordReader } from './account-records.loaders';
import { loadTimelines, type JourneyEventRow, type TimelineArgs } from './timeline.service';

/** Timelines by account id, batched per distinct set of arguments. */
export function createTimelinesByAccount(scope: Scope, reader: AccountRecordReader) {
  const loaders = new Map<string, DataLoader<string, Connection<JourneyEventRow>>>();
  return (args: TimelineArgs): DataLoader<string, Connection<JourneyEventRow>> => {
    const key = JSON.stringify([args.first ?? null, args.after ?? null, args.stages ?? null]);
    let loader = loaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const timelines = await loadTimelines(
          scope,
          ids.map((id) => new Types.ObjectId(id)),
          args,
          reader,
        );
        return ids.map((id) => timelines.get(id)!);
      });
      loaders.set(key, loader);
    }
    return loader;
  };
}

import DataLoader from 'dataloader';
import { hexIdOf } from '../../db/hex-id';
import type { Connection } from '../../db/keyset-pagination';
import type { AccountRecordReader, ListedAccount } from './account-records.loaders';
import { loadTimelines, type JourneyEventRow, type TimelineArgs } from './timeline.service';

/** Timelines by account (as read in the request's scope), batched per distinct set of arguments. */
export function createTimelinesByAccount(reader: AccountRecordReader) {
  const loaders = new Map<string, DataLoader<ListedAccount, Connection<JourneyEventRow>, string>>();
  return (args: TimelineArgs) => {
    const key = JSON.stringify([args.first ?? null, args.after ?? null, args.stages ?? null]);
    let loader = loaders.get(key);
    if (!loader) {
      loader = new DataLoader<ListedAccount, Connection<JourneyEventRow>, string>(
        async (accounts) => {
          const timelines = await loadTimelines(accounts, args, reader);
          return accounts.map((account) => timelines.get(hexIdOf(account))!);
        },
        { cacheKeyFn: hexIdOf },
      );
      loaders.set(key, loader);
    }
    return loader;
  };
}

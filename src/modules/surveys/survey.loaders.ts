import DataLoader from 'dataloader';
import { Types } from 'mongoose';
import { loaderFamily } from '../../graphql/loader-family';
import type { Scope } from '../access/scope';
import type { KeyAccountDoc } from '../accounts/account.model';
import type { SurveyAttributeDoc } from './attribute-catalogue.model';
import { findSurveyAttributes } from './attribute-catalogue.service';
import { accountSatisfactions, type SatisfactionReport } from './satisfaction.service';
import { loadAccountResponses, type AccountResponseArgs } from './survey.service';

/** Catalogue entries by key (null for a key no longer in the catalogue), one query per tick. */
export function createSurveyAttributesByKey(): DataLoader<string, SurveyAttributeDoc | null> {
  return new DataLoader(async (keys) => {
    const rows = await findSurveyAttributes(keys);
    const byKey = new Map(rows.map((row) => [row.key, row]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** Survey-response pages by account id, one aggregation per distinct set of arguments and tick. */
export function createSurveyResponsesByAccount(scope: Scope) {
  const family = loaderFamily(async (args: AccountResponseArgs, ids: readonly string[]) => {
    const pages = await loadAccountResponses(
      scope,
      ids.map((id) => new Types.ObjectId(id)),
      args,
    );
    return ids.map((id) => pages.get(id)!);
  });
  return (args: AccountResponseArgs) =>
    family({ first: args.first ?? null, after: args.after ?? null });
}

/** Satisfaction reports by account, one query per period label and tick. */
export function createSatisfactionByAccount(scope: Scope) {
  return loaderFamily(
    (period: string, accounts: readonly KeyAccountDoc[]) =>
      accountSatisfactions(scope, accounts, period),
    { cacheKeyFn: (account: KeyAccountDoc): string => String(account._id) },
  ) as (period: string) => DataLoader<KeyAccountDoc, SatisfactionReport, string>;
}

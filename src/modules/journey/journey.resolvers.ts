import type { Resolvers } from '../../graphql/generated/resolvers-types';
import type { GraphQLContext } from '../../graphql/context';
import { notFound } from '../../shared/errors';
import type { JourneyRecordRow } from './journey-record.fields';
import { hexIdOf } from '../../db/hex-id';

export const journeyResolvers: Resolvers = {
  JourneyEvent: {
    __resolveType: (event) => event.__typename as never,
  },
};

/** The stored fields `journeyEventFields` read (see graphql/field-reads). */
export const journeyEventReads = { id: ['_id'], occurredAt: ['journeyAt'], account: ['accountId'] };

/** Fields every journey record type shares; spread into each implementing type's resolvers. */
export const journeyEventFields = {
  id: (event: JourneyRecordRow) => hexIdOf(event),
  occurredAt: (event: JourneyRecordRow) => event.journeyAt,
  account: async (event: JourneyRecordRow, _args: unknown, { loaders }: GraphQLContext) => {
    const account = await loaders.accountsById.load(String(event.accountId));
    if (!account) throw notFound('key account');
    return account;
  },
};

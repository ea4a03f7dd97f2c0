import type { Resolvers } from '../../graphql/generated/resolvers-types';
import { declareFieldReads } from '../../graphql/field-reads';
import { journeyEventFields, journeyEventReads } from '../journey/journey.resolvers';
import { createJourneyRecord, updateJourneyRecord } from './journey-record.service';

const minutesBetween = (from: Date, to: Date | null | undefined) =>
  to ? (to.getTime() - from.getTime()) / 60000 : null;

declareFieldReads('Consultation', {
  ...journeyEventReads,
  responseMinutes: ['askedAt', 'answeredAt'],
});
declareFieldReads('BusinessHandling', journeyEventReads);
declareFieldReads('BillingInteraction', journeyEventReads);
declareFieldReads('MaintenanceRecord', {
  ...journeyEventReads,
  notifiedInAdvance: ['notifiedAt', 'startAt'],
});

export const journeyRecordResolvers: Resolvers = {
  Mutation: {
    createConsultation: (_p, { input }, { actor }) =>
      createJourneyRecord('Consultation', { actor, input }),
    updateConsultation: (_p, { id, input }, { actor }) =>
      updateJourneyRecord('Consultation', { actor, id, input }),
    createBusinessHandling: (_p, { input }, { actor }) =>
      createJourneyRecord('BusinessHandling', { actor, input }),
    updateBusinessHandling: (_p, { id, input }, { actor }) =>
      updateJourneyRecord('BusinessHandling', { actor, id, input }),
    createBillingInteraction: (_p, { input }, { actor }) =>
      createJourneyRecord('BillingInteraction', { actor, input }),
    updateBillingInteraction: (_p, { id, input }, { actor }) =>
      updateJourneyRecord('BillingInteraction', { actor, id, input }),
    createMaintenanceRecord: (_p, { input }, { actor }) =>
      createJourneyRecord('MaintenanceRecord', { actor, input }),
    updateMaintenanceRecord: (_p, { id, input }, { actor }) =>
      updateJourneyRecord('MaintenanceRecord', { actor, id, input }),
  },
  Consultation: {
    ...journeyEventFields,
    responseMinutes: (record) =>
      minutesBetween(record.askedAt as Date, record.answeredAt as Date | null),
  },
  BusinessHandling: journeyEventFields,
  BillingInteraction: journeyEventFields,
  MaintenanceRecord: {
    ...journeyEventFields,
    notifiedInAdvance: (record) =>
      record.notifiedAt instanceof Date && record.notifiedAt <= (record.startAt as Date),
  },
};

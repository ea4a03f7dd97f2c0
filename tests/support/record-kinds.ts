/** How to create and update each simple journey record through the API, for table-driven tests. */
export const RECORD_KINDS = [
  {
    typename: 'Consultation',
    create: 'createConsultation',
    update: 'updateConsultation',
    inputType: 'ConsultationInput',
    input: { channel: 'HOTLINE', askedAt: '2026-03-01T10:00:00+08:00', topic: 'bandwidth' },
    change: { resolved: true },
  },
  {
    typename: 'BusinessHandling',
    create: 'createBusinessHandling',
    update: 'updateBusinessHandling',
    inputType: 'BusinessHandlingInput',
    input: {
      kind: 'NEW_CONTRACT',
      channel: 'ACCOUNT_MANAGER',
      submittedAt: '2026-03-02T10:00:00+08:00',
    },
    change: { customerTrips: 2 },
  },
  {
    typename: 'BillingInteraction',
    create: 'createBillingInteraction',
    update: 'updateBillingInteraction',
    inputType: 'BillingInteractionInput',
    input: { kind: 'DISPUTE', channel: 'HOTLINE', openedAt: '2026-03-03T10:00:00+08:00' },
    change: { accurate: false },
  },
  {
    typename: 'MaintenanceRecord',
    create: 'createMaintenanceRecord',
    update: 'updateMaintenanceRecord',
    inputType: 'MaintenanceRecordInput',
    input: { planned: true, performedBy: 'CONTRACTOR', startAt: '2026-03-04T10:00:00+08:00' },
    change: { impact: 'DEGRADED' },
  },
] as const;

/** One simple record kind. */
export type RecordKindCase = (typeof RECORD_KINDS)[number];

/** The GraphQL create mutation of a kind. */
export const createMutation = (kind: RecordKindCase) =>
  `mutation($i: ${kind.inputType}!) { ${kind.create}(input: $i) { id } }`;

/** The GraphQL update mutation of a kind. */
export const updateMutation = (kind: RecordKindCase) =>
  `mutation($id: ID!, $i: ${kind.inputType}!) { ${kind.update}(id: $id, input: $i) { id } }`;

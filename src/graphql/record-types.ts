import type { Connection } from '../db/keyset-pagination';
import type { KeyAccountDoc } from '../modules/accounts/account.model';
import type { AuditEntryDoc } from '../modules/audit/audit.model';
import type { JourneyEventRow } from '../modules/journey/timeline.service';

// What resolvers receive for schema types that are not a plain stored document (codegen mappers).

export type { JourneyRecordRow } from '../modules/journey/journey-record.fields';

/** A page of key accounts. */
export type KeyAccountPage = Connection<KeyAccountDoc>;
/** A page of an account's timeline. */
export type JourneyEventPage = Connection<JourneyEventRow>;
/** A page of audit entries. */
export type AuditEntryPage = Connection<AuditEntryDoc>;

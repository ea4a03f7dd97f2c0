import type { PendingConsequence } from '../consequences/consequence-kinds';
import { accountOpenedConsequence } from '../journey/account-records';
import { directoryConsequence } from './branch-directory';

/**
 * What every way of creating an account stores with it: its naming in its branch's directory, and
 * its (empty, so complete) list of journey records. Both are read by `_id` on the account screen.
 */
export function accountCreatedConsequences(): PendingConsequence<null>[] {
  return [directoryConsequence(), accountOpenedConsequence()];
}

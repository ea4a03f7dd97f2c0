import type { Actor } from '../auth/actor';

/** The parts of an account that decide who may change it. */
export type AccountOwnership = { branchCode: string; accountManagerId: unknown };

/**
 * Who may record and change things on an account: admins; the branch head of its branch; its own
 * account manager; an integration within its branch scope. HQ analysts only read.
 */
export function canWriteAccount(actor: Actor, account: AccountOwnership): boolean {
  switch (actor.role) {
    case 'ADMIN':
      return true;
    case 'BRANCH_HEAD':
      return actor.branchCode === account.branchCode;
    case 'ACCOUNT_MANAGER':
      return (
        actor.branchCode === account.branchCode && String(account.accountManagerId) === actor.userId
      );
    case 'INTEGRATION':
      return actor.branchCode === null || actor.branchCode === account.branchCode;
    case 'HQ_ANALYST':
      return false;
  }
}

/** Who may hand an account to another manager: admins and the branch head of its branch. */
export function canReassignAccount(actor: Actor, account: AccountOwnership): boolean {
  return (
    actor.role === 'ADMIN' ||
    (actor.role === 'BRANCH_HEAD' && actor.branchCode === account.branchCode)
  );
}

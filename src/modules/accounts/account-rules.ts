import { z } from 'zod';

/** Roles that may be an account's manager (a branch head may manage accounts himself). */
export const MANAGER_ROLES: readonly string[] = ['ACCOUNT_MANAGER', 'BRANCH_HEAD'];

/** Whether a user may manage accounts of the branch. */
export function canManageAccountsOf(
  user: { role: string; branchCode?: string | null } | null | undefined,
  branchCode: string,
): boolean {
  return !!user && MANAGER_ROLES.includes(user.role) && user.branchCode === branchCode;
}

/** Why a login cannot manage accounts of the branch (the mutation and the import say the same). */
export const notAManager = (login: string, branchCode: string) =>
  `no account manager ${login} in branch ${branchCode}`;

/** A contact's e-mail address. */
export const contactEmail = z.email();

type Contact = { name: string; role?: string | null; phone?: string | null; email?: string | null };

const contactKey = (c: Contact) => [c.name, c.role ?? null, c.phone ?? null, c.email ?? null];

/** Whether two contact lists say the same. */
export const sameContacts = (a: readonly Contact[], b: readonly Contact[]) =>
  JSON.stringify(a.map(contactKey)) === JSON.stringify(b.map(contactKey));

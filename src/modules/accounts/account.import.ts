import { rollupConsequences } from '../rollups/rollup.service';
import { z } from 'zod';
import { canWriteAccount } from '../access/permissions';
import { UserModel, type UserDoc } from '../auth/user.model';
import { BranchModel } from '../branches/branch.model';
import { instantChanged, instantsConsequences } from '../imports/account-linked-rows';
import {
  loadByExternalIds,
  upsertPlannedRows,
  type PlannedRow,
  type WrittenRecord,
} from '../imports/batch-upsert';
import type { PendingConsequence } from '../consequences/consequence-kinds';
import { registerImportKind, type ImportContext, type ImportOutcome } from '../imports/import-kind';
import { parseRows, rejected } from '../imports/parse-rows';
import { optionalPastInstantCell } from '../imports/account-linked-rows';
import { optionalInstantCell, optionalTextCell, textCell } from '../imports/row-fields';
import { canManageAccountsOf, contactEmail, notAManager } from './account-rules';
import { KeyAccountModel } from './account.model';
import { accountCreatedConsequences } from './account-created';
import { directoryConsequence } from './branch-directory';

const blankToNothing = (value: unknown) => (value === '' || value === null ? undefined : value);

const accountRow = z.object({
  externalId: textCell(100),
  name: textCell(300),
  branchCode: textCell(32),
  accountManagerLogin: textCell(64),
  industry: optionalTextCell(100),
  tier: optionalTextCell(50),
  openedAt: optionalInstantCell(),
  closedAt: optionalPastInstantCell(),
  contactName: optionalTextCell(200),
  contactPhone: optionalTextCell(50),
  contactEmail: z
    .preprocess(blankToNothing, contactEmail.max(200).optional())
    .transform((v) => v ?? null),
});

type AccountRow = z.infer<typeof accountRow>;

async function loadManagers(rows: AccountRow[]): Promise<Map<string, UserDoc>> {
  const logins = [...new Set(rows.map((row) => row.accountManagerLogin))];
  const users = await UserModel.find({ login: { $in: logins } }).lean<UserDoc[]>();
  return new Map(users.map((user) => [user.login, user]));
}

function plan(row: AccountRow, managerId: unknown): Record<string, unknown> {
  return {
    name: row.name,
    branchCode: row.branchCode,
    accountManagerId: managerId,
    industry: row.industry,
    tier: row.tier,
    // Without an openedAt a stored account keeps its own, and a new one opens now (onInsert).
    ...(row.openedAt ? { openedAt: row.openedAt } : {}),
    closedAt: row.closedAt,
    status: row.closedAt ? 'CLOSED' : 'ACTIVE',
    contacts: row.contactName
      ? [{ name: row.contactName, role: null, phone: row.contactPhone, email: row.contactEmail }]
      : [],
  };
}

/**
 * What an account row written by an import brings with it, stored in the same write: its rollups,
 * a new account's directory entry and empty list of records, a renamed one's directory entry, and
 * for moved open/close times the follow-up coverage they decide.
 */
export const accountRowConsequences = ({
  branchCode,
  before,
  after,
}: WrittenRecord): PendingConsequence[] => [
  ...rollupConsequences(branchCode, before, after),
  ...(before ? [] : accountCreatedConsequences()),
  ...(before && before.name !== after.name ? [directoryConsequence()] : []),
  ...(instantChanged(before?.openedAt, after.openedAt) ||
  instantChanged(before?.closedAt, after.closedAt)
    ? instantsConsequences(branchCode, [
        before?.openedAt,
        before?.closedAt,
        after.openedAt,
        after.closedAt,
      ])
    : []),
];

/** Imports key accounts: upsert by (sourceSystem, externalId), same rules as createKeyAccount. */
async function importAccounts(
  context: ImportContext,
  raw: Record<string, unknown>[],
): Promise<ImportOutcome[]> {
  const { valid, outcomes } = parseRows(accountRow, raw);
  const [managers, branches, existing] = await Promise.all([
    loadManagers(valid.map((v) => v.row)),
    BranchModel.find({ code: { $in: [...new Set(valid.map((v) => v.row.branchCode))] } }).lean(),
    loadByExternalIds(
      KeyAccountModel,
      context.sourceSystem,
      valid.map((v) => v.row.externalId),
    ),
  ]);
  const branchCodes = new Set(branches.map((b) => b.code));
  const planned: PlannedRow[] = [];
  for (const { index, row } of valid) {
    const manager = managers.get(row.accountManagerLogin);
    const stored = existing.get(row.externalId);
    const openedAt = row.openedAt ?? (stored?.openedAt as Date | undefined) ?? new Date();
    if (!branchCodes.has(row.branchCode))
      outcomes.set(index, rejected('branchCode', `unknown branch ${row.branchCode}`));
    else if (!manager || !canManageAccountsOf(manager, row.branchCode))
      outcomes.set(
        index,
        rejected('accountManagerLogin', notAManager(row.accountManagerLogin, row.branchCode)),
      );
    else if (stored && stored.branchCode !== row.branchCode)
      outcomes.set(index, rejected('branchCode', 'an account cannot move to another branch'));
    else if (
      !canWriteAccount(context.actor, { branchCode: row.branchCode, accountManagerId: manager._id })
    )
      outcomes.set(index, rejected('branchCode', 'outside the scope of this token'));
    else if (row.closedAt && row.closedAt < openedAt)
      outcomes.set(index, rejected('closedAt', 'cannot be before openedAt'));
    else
      planned.push({
        index,
        externalId: row.externalId,
        branchCode: row.branchCode,
        fields: plan(row, manager._id),
        onInsert: { openedAt },
      });
  }
  const written = await upsertPlannedRows({
    model: KeyAccountModel,
    entityType: 'KeyAccount',
    sourceSystem: context.sourceSystem,
    actor: context.actor,
    rows: planned,
    existing,
    dryRun: context.dryRun,
    consequencesOf: accountRowConsequences,
  });
  for (const [index, outcome] of written) outcomes.set(index, outcome);
  return raw.map((_, index) => outcomes.get(index)!);
}

registerImportKind({
  kind: 'accounts',
  columns: [
    {
      name: 'externalId',
      required: true,
      description: 'id in the source system (natural key with the source system)',
    },
    { name: 'name', required: true, description: 'customer name' },
    {
      name: 'branchCode',
      required: true,
      description: 'branch code; an account never moves branch',
    },
    {
      name: 'accountManagerLogin',
      required: true,
      description: 'login of an ACCOUNT_MANAGER or BRANCH_HEAD of that branch',
    },
    { name: 'industry', required: false, description: 'industry' },
    { name: 'tier', required: false, description: 'service tier' },
    {
      name: 'openedAt',
      required: false,
      description: 'relationship start, ISO-8601 with offset (default: first import time)',
    },
    { name: 'closedAt', required: false, description: 'closure time; given = CLOSED' },
    { name: 'contactName', required: false, description: 'main contact' },
    { name: 'contactPhone', required: false, description: 'main contact phone' },
    { name: 'contactEmail', required: false, description: 'main contact e-mail' },
  ],
  importBatch: importAccounts,
});

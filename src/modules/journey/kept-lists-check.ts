import { isDeepStrictEqual } from 'node:util';
import type { Types } from 'mongoose';
import { BranchModel } from '../branches/branch.model';
import { PENDING } from '../consequences/pending-consequences';
import { KeyAccountModel } from '../accounts/account.model';
import { BranchDirectoryModel } from '../accounts/branch-directory.model';
import { UserModel } from '../auth/user.model';
import { openWorkDifferences } from '../open-work/open-work';
import {
  AccountRecordsModel,
  entryOf,
  entryReadFields,
  LISTS_FORMAT,
  sameEntry,
  type ListEntry as Entry,
} from './account-records';
import { journeySources } from './journey-registry';

/**
 * Compares the lists kept on write for the account screen with what they list: each account's
 * records (`accountrecords`: every record of the account, with its timeline time `j` and its own
 * list's time `o`, its stage `s`, open flag `x` and shown fields `f`), each branch's accounts (`branchdirectories`: id → name, and its copy of the branch) and each branch's
 * open records per kind (`openwork`). Only complete documents are compared; one never completed
 * is rebuilt from the records on its first read.
 */

/** One disagreement: the document, the entry, what it holds and what the records say. */
export type ListDifference = { id: string; item: string; stored: unknown; expected: unknown };

type StoredLists = { _id: Types.ObjectId; lists?: Record<string, Record<string, Entry>> };

// Every record of every journey collection against its account's complete list; what is left in
// the lists afterwards names no record of that account.
async function recordListDifferences(): Promise<ListDifference[]> {
  const stored = new Map<string, StoredLists>();
  for await (const doc of AccountRecordsModel.collection.find({ complete: LISTS_FORMAT })) {
    stored.set(String(doc._id), doc as StoredLists);
  }
  const differences: ListDifference[] = [];
  for (const source of journeySources()) {
    const projection = Object.fromEntries(entryReadFields(source).map((f) => [f, 1]));
    for await (const record of source.model.collection.find({}, { projection })) {
      const lists = stored.get(String(record.accountId))?.lists;
      if (!lists) continue;
      const item = `${source.typename}.${String(record._id)}`;
      const { r: _revision, ...expected } = entryOf(source, record as never);
      const entry = lists[source.typename]?.[String(record._id)];
      if (!entry || !sameEntry(entry, expected)) {
        differences.push({ id: String(record.accountId), item, stored: entry ?? null, expected });
      }
      delete lists[source.typename]?.[String(record._id)];
    }
  }
  for (const [accountId, doc] of stored) {
    for (const [typename, entries] of Object.entries(doc.lists ?? {})) {
      for (const [recordId, entry] of Object.entries(entries)) {
        differences.push({
          id: accountId,
          item: `${typename}.${recordId}`,
          stored: entry,
          expected: null,
        });
      }
    }
  }
  return differences;
}

type Directory = {
  _id: string;
  accounts?: Record<string, string>;
  branch?: unknown;
  users?: Record<string, { branchCode?: unknown }>;
};

const WITHOUT_PENDING = { projection: { [PENDING]: 0 } };

// Each complete directory's copies of its branch and users against them as stored (a user the
// copy misses is read where shown, so only copies that differ or name no user of the branch are).
async function copyDifferences(): Promise<ListDifference[]> {
  const branches = new Map<string, unknown>();
  for await (const branch of BranchModel.collection.find({}, WITHOUT_PENDING)) {
    branches.set(String(branch.code), branch);
  }
  const users = new Map<string, unknown>();
  for await (const user of UserModel.collection.find({}, WITHOUT_PENDING)) {
    users.set(String(user._id), user);
  }
  const differences: ListDifference[] = [];
  for await (const doc of BranchDirectoryModel.collection.find({ complete: true })) {
    const { _id, branch, users: copied } = doc as unknown as Directory;
    const expected = branches.get(_id) ?? null;
    if (!isDeepStrictEqual(branch ?? null, expected)) {
      differences.push({ id: _id, item: 'branch', stored: branch ?? null, expected });
    }
    for (const [id, user] of Object.entries(copied ?? {})) {
      const stored = users.get(id) as { branchCode?: unknown } | undefined;
      const expected = stored?.branchCode === _id ? stored : null;
      if (!isDeepStrictEqual(user, expected)) {
        differences.push({ id: _id, item: `users.${id}`, stored: user, expected });
      }
    }
  }
  return differences;
}

// Every account against its branch's complete directory; what is left names no account there.
async function directoryDifferences(): Promise<ListDifference[]> {
  const stored = new Map<string, Record<string, string>>();
  for await (const doc of BranchDirectoryModel.collection.find({ complete: true })) {
    stored.set(String(doc._id), { ...(doc as unknown as Directory).accounts });
  }
  const differences: ListDifference[] = [];
  const accounts = KeyAccountModel.collection.find({}, { projection: { branchCode: 1, name: 1 } });
  for await (const account of accounts) {
    const directory = stored.get(String(account.branchCode));
    if (!directory) continue;
    const id = String(account._id);
    if (directory[id] !== account.name) {
      const item = `accounts.${id}`;
      differences.push({
        id: account.branchCode,
        item,
        stored: directory[id] ?? null,
        expected: account.name,
      });
    }
    delete directory[id];
  }
  for (const [branchCode, directory] of stored) {
    for (const [id, name] of Object.entries(directory)) {
      differences.push({ id: branchCode, item: `accounts.${id}`, stored: name, expected: null });
    }
  }
  return differences;
}

/**
 * Every difference between the kept lists and the records, prefixed by collection
 * (`accountrecords:<account id>`, `branchdirectories:<branch code>`); empty when they agree.
 */
export async function checkKeptLists(): Promise<ListDifference[]> {
  const prefixed = (collection: string, found: ListDifference[]) =>
    found.map((d) => ({ ...d, id: `${collection}:${d.id}` }));
  return [
    ...prefixed('accountrecords', await recordListDifferences()),
    ...prefixed('branchdirectories', await directoryDifferences()),
    ...prefixed('branchdirectories', await copyDifferences()),
    ...prefixed('openwork', await openWorkDifferences()),
  ];
}

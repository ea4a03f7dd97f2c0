import { badInput } from '../../shared/errors';
import { validate } from '../../shared/validate';
import { requireRole, type Actor } from '../auth/actor';
import { upsertAudited } from '../audit/audited-upsert';
import { CompetitorModel, type CompetitorDoc } from './competitor.model';
import { competitorInput } from './competitor.inputs';

/** The competitor list by code. */
export function listCompetitors(): Promise<CompetitorDoc[]> {
  return CompetitorModel.find({}).sort({ code: 1 }).lean<CompetitorDoc[]>().exec();
}

/** Competitors by code, for DataLoader batching and import checks. */
export function findCompetitors(codes: readonly string[]): Promise<CompetitorDoc[]> {
  return CompetitorModel.find({ code: { $in: [...codes] } })
    .lean<CompetitorDoc[]>()
    .exec();
}

/** The codes among `codes` that are on the competitor list (one query). */
export async function knownCompetitorCodes(codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  return new Set((await findCompetitors([...new Set(codes)])).map((c) => c.code));
}

/** Rejects competitor codes not on the list, naming the first offending item. */
export async function requireKnownCompetitors(codes: readonly string[], field: string) {
  const known = await knownCompetitorCodes(codes);
  const unknown = codes.findIndex((code) => !known.has(code));
  if (unknown >= 0)
    throw badInput(`${field}.${unknown}.competitor`, `no competitor ${codes[unknown]}`);
}

/** Creates or renames a competitor by code (ADMIN only). */
export async function upsertCompetitor(options: {
  actor: Actor | null;
  input: unknown;
}): Promise<CompetitorDoc> {
  const actor = requireRole(options.actor, ['ADMIN']);
  const input = validate(competitorInput, options.input);
  return upsertAudited<CompetitorDoc>(CompetitorModel, {
    actor,
    action: 'upsertCompetitor',
    entityType: 'Competitor',
    keyField: 'code',
    key: input.code,
    set: { name: input.name },
  });
}

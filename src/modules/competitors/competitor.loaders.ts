import DataLoader from 'dataloader';
import type { CompetitorDoc } from './competitor.model';
import { findCompetitors } from './competitor.service';

/** Competitors by code (null for an unknown code), one query per tick. */
export function createCompetitorsByCode(): DataLoader<string, CompetitorDoc | null> {
  return new DataLoader(async (codes) => {
    const byCode = new Map((await findCompetitors(codes)).map((c) => [c.code, c]));
    return codes.map((code) => byCode.get(code) ?? null);
  });
}

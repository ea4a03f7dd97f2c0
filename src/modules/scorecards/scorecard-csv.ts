import { stringify } from 'csv-stringify/sync';
import { TARGET_FIGURES, type BranchCard, type ShownFigure } from './scorecard-card';

// The composite first: it decides the rank.
const FIGURES = [
  'compositeScore',
  ...TARGET_FIGURES.filter((f) => f !== 'compositeScore'),
] as const;

const cell = (value: number | null) => (value === null ? '' : Number(value.toFixed(4)));

/** The ranking as a spreadsheet: one row per branch; each figure with n, target and previous. */
export function scorecardsCsv(cards: BranchCard[]): string {
  const header = [
    'rank',
    'branch',
    'period',
    'insufficientSample',
    'responses',
    'overdueActivations',
    ...FIGURES.flatMap((f) => [
      f,
      `${f}.n`,
      `${f}.low`,
      `${f}.high`,
      `${f}.target`,
      `${f}.previous`,
    ]),
    ...['CRITICAL', 'MAJOR', 'MINOR'].flatMap((s) => [
      `${s}.tickets`,
      `${s}.withinSlaRate`,
      `${s}.mttrMinutes`,
      `${s}.p90Minutes`,
    ]),
    // Added last so that the earlier columns keep their positions for existing readers.
    'leadCompetitor',
  ];
  const rows = cards.map((card) => [
    card.rank ?? '',
    card.branchCode,
    card.period,
    card.insufficientSample,
    card.responses,
    card.overdueActivations,
    ...FIGURES.flatMap((f) => {
      const figure: ShownFigure = card[f];
      return [
        cell(figure.value),
        figure.sampleSize,
        cell(figure.low),
        cell(figure.high),
        cell(figure.target),
        cell(figure.previous),
      ];
    }),
    ...card.tiers.flatMap((t) => [
      t.tickets,
      cell(t.withinSlaRate.value),
      cell(t.mttrMinutes.value),
      cell(t.p90Minutes.value),
    ]),
    card.leadCompetitor ?? '',
  ]);
  return stringify([header, ...rows]);
}

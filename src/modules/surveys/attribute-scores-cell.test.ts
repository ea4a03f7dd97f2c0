import { parseAttributeScores, parseCompetitorScores } from './attribute-scores-cell';

describe('parseAttributeScores', () => {
  it('reads KEY:performance:importance entries separated by ;', () => {
    expect(parseAttributeScores(' REPAIR_TIMELINESS:7:9 ; LINE_QUALITY:8:8;')).toEqual({
      ok: true,
      scores: [
        { attribute: 'REPAIR_TIMELINESS', performance: 7, importance: 9 },
        { attribute: 'LINE_QUALITY', performance: 8, importance: 8 },
      ],
    });
  });

  it('reads an NDJSON array of objects, numbers or digits', () => {
    expect(
      parseAttributeScores([{ attribute: 'LINE_QUALITY', performance: 10, importance: '1' }]),
    ).toEqual({
      ok: true,
      scores: [{ attribute: 'LINE_QUALITY', performance: 10, importance: 1 }],
    });
  });

  it.each([undefined, null, ''])('gives no scores for %p', (value) => {
    expect(parseAttributeScores(value)).toEqual({ ok: true, scores: [] });
  });

  it.each([
    [
      'LINE_QUALITY:8:8;REPAIR_TIMELINESS:11:9',
      'entry 2 (REPAIR_TIMELINESS:11:9) has a performance that is not an integer 1–10',
    ],
    [
      'LINE_QUALITY:8:0',
      'entry 1 (LINE_QUALITY:8:0) has an importance that is not an integer 1–10',
    ],
    [
      'LINE_QUALITY:7.5:8',
      'entry 1 (LINE_QUALITY:7.5:8) has a performance that is not an integer 1–10',
    ],
    ['LINE_QUALITY:8', 'entry 1 (LINE_QUALITY:8) is not KEY:performance:importance'],
    ['LINE_QUALITY:8:8;LINE_QUALITY:7:7', 'entry 2 (LINE_QUALITY:7:7) scores LINE_QUALITY twice'],
    [
      [{ attribute: 'LINE_QUALITY', performance: 8 }],
      'entry 1 ({"attribute":"LINE_QUALITY","performance":8}) has an importance that is not an integer 1–10',
    ],
    [[7], 'entry 1 (7) is not KEY:performance:importance'],
  ])('names the bad entry of %j', (value, reason) => {
    expect(parseAttributeScores(value)).toEqual({ ok: false, reason });
  });

  it('refuses a value that is neither text nor a list, and more than 50 entries', () => {
    expect(parseAttributeScores(42)).toMatchObject({ ok: false });
    const many = Array.from({ length: 51 }, (_, i) => `K${i}:5:5`).join(';');
    expect(parseAttributeScores(many)).toEqual({ ok: false, reason: 'at most 50 entries' });
  });
});

describe('parseCompetitorScores', () => {
  it('reads CODE:cs1:cs2:cs3 entries and NDJSON objects', () => {
    expect(parseCompetitorScores('UNICOM:7:6:5; TELECOM:9:9:8')).toEqual({
      ok: true,
      scores: [
        { competitor: 'UNICOM', cs1: 7, cs2: 6, cs3: 5 },
        { competitor: 'TELECOM', cs1: 9, cs2: 9, cs3: 8 },
      ],
    });
    expect(parseCompetitorScores([{ competitor: 'UNICOM', cs1: 7, cs2: '6', cs3: 5 }])).toEqual({
      ok: true,
      scores: [{ competitor: 'UNICOM', cs1: 7, cs2: 6, cs3: 5 }],
    });
  });

  it.each([
    ['UNICOM:7:6', 'entry 1 (UNICOM:7:6) is not CODE:cs1:cs2:cs3'],
    ['UNICOM:7:6:11', 'entry 1 (UNICOM:7:6:11) has a cs3 that is not an integer 1–10'],
    ['UNICOM:7:6:5;UNICOM:1:1:1', 'entry 2 (UNICOM:1:1:1) scores UNICOM twice'],
  ])('names the bad entry of %j', (value, reason) => {
    expect(parseCompetitorScores(value)).toEqual({ ok: false, reason });
  });
});

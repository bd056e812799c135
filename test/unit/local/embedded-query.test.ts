/** The embedded server's queries, rewritten to append in place, answer exactly as before and in linear time. */
import query from '@zeit/cosmosdb-query';
import { linearAccumulators } from '../../../functions/src/local/embedded-query';

const docs = Array.from({ length: 300 }, (_, i) => ({
  id: `d${i}`,
  _rid: `r${String(i).padStart(5, '0')}`,
  programmeId: i % 3 ? 'a' : 'b',
  userId: `u${i % 17}`,
  note: i % 5 ? 'plain' : '[...$, not code]',
  tags: i % 4 ? [`t${i % 3}`, `t${i % 7}`] : [],
  rating: (i % 5) + 1,
}));

function run(sql: string, code: string, parameters: { name: string; value: unknown }[] = [], continuation?: string) {
  const q = query(sql) as unknown as { _code: string | null; code: string; exec: (c: unknown[], o: object) => unknown };
  q._code = code;
  return q.exec(docs, {
    parameters,
    maxItemCount: 50,
    ...(continuation ? { continuation: { token: continuation } } : {}),
  });
}

describe('linear accumulators in the embedded query engine', () => {
  const cases: [string, { name: string; value: unknown }[]][] = [
    [
      'SELECT * FROM c WHERE c.programmeId = @p AND c.userId = @u',
      [
        { name: '@p', value: 'a' },
        { name: '@u', value: 'u3' },
      ],
    ],
    ['SELECT * FROM c WHERE c.note = "[...$, not code]" ORDER BY c.rating DESC', []],
    ['SELECT c.id, t AS tag FROM c JOIN t IN c.tags WHERE c.programmeId = @p', [{ name: '@p', value: 'b' }]],
    ['SELECT VALUE COUNT(1) FROM c WHERE c.rating >= 3', []],
    ['SELECT * FROM c WHERE ARRAY_CONTAINS(c.tags, "t1")', []],
  ];
  it.each(cases)('answers %s exactly as the original code, page by page', (sql, parameters) => {
    const original = query(sql).code;
    const rewritten = linearAccumulators(original);
    expect(rewritten).toContain('$.push(');
    expect(rewritten.replaceAll('"[...$, not code]"', '')).not.toContain('[...$, ');
    let token: string | undefined;
    let pages = 0;
    do {
      const a = run(sql, original, parameters, token) as { result: unknown[]; continuation?: { token: string } | null };
      const b = run(sql, rewritten, parameters, token) as typeof a;
      expect(b).toEqual(a);
      token = a.continuation?.token;
      pages++;
    } while (token && pages < 20);
  });

  it('leaves string literals that look like an accumulator alone', () => {
    const code = 'x = "[...$, y]" + [...$, { c: "]" }]';
    expect(linearAccumulators(code)).toBe('x = "[...$, y]" + ($.push({ c: "]" }), $)');
  });

  it('scans 40,000 documents in well under a second (the original copies the accumulator per document)', () => {
    const many = Array.from({ length: 40_000 }, (_, i) => ({ id: `d${i}`, _rid: `r${i}`, userId: `u${i % 1000}` }));
    const q = query('SELECT * FROM c WHERE c.userId = @u') as unknown as {
      _code: string | null;
      code: string;
      exec: (c: unknown[], o: object) => { result: unknown[] };
    };
    q._code = linearAccumulators(q.code);
    const started = performance.now();
    const { result } = q.exec(many, { parameters: [{ name: '@u', value: 'u7' }], maxItemCount: 1000 });
    expect(result).toHaveLength(40);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

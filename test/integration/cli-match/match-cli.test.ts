import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { main } from '../../../functions/src/cli/main';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'tandem-match-'));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

/** Runs `tandem match` in-process; returns the exit code and what went to stdout and stderr. */
async function tandem(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  const error = jest.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void (err += `${a.join(' ')}\n`));
  try {
    const code = await main(['match', ...args]);
    return { code, out, err };
  } finally {
    write.mockRestore();
    error.mockRestore();
  }
}

const instance = {
  mentors: [
    {
      id: 'a',
      capacity: 1,
      topics: ['teams'],
      interests: ['cycling'],
      languages: ['de'],
      timezone: 'Europe/Berlin',
      weekdays: ['tue'],
      department: 'Sales',
    },
    {
      id: 'c',
      capacity: 2,
      topics: ['ai'],
      interests: [],
      languages: ['en'],
      timezone: 'Europe/London',
      weekdays: ['thu'],
      department: 'IT',
    },
  ],
  mentees: [
    {
      id: 'b',
      topics: ['teams'],
      interests: [],
      languages: ['de', 'en'],
      timezone: 'Europe/Berlin',
      weekdays: ['tue', 'thu'],
      department: 'Finance',
    },
    {
      id: 'd',
      topics: ['ai'],
      interests: [],
      languages: ['fr'],
      timezone: 'Europe/Paris',
      weekdays: ['mon'],
      department: 'HR',
    },
  ],
  managerOf: { b: 'x', x: 'y' },
  exclude: [['c', 'b']],
  lock: [],
};

describe('tandem match', () => {
  it('writes the result as JSON to stdout: pairs with reasons, unmatched with a reason, optimal', async () => {
    const { code, out } = await tandem('--input', file('ok.json', instance));
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result).toMatchObject({
      pairs: [
        {
          mentor: 'a',
          mentee: 'b',
          score: expect.any(Number),
          reasons: expect.arrayContaining([expect.stringMatching(/teams/)]),
        },
      ],
      pairCount: 1,
      optimal: true,
      stats: { ms: expect.any(Number) },
    });
    expect(result.unmatched).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: 'd',
          role: 'mentee',
          code: 'unmatched.noFeasiblePartner.language',
          reason: expect.stringMatching(/no common language/),
        }),
      ]),
    );
    expect(result.totalScore).toBe(result.pairs[0].score);
  });

  it('writes to --output and explains in German with --lang de', async () => {
    const output = join(dir, 'out.json');
    const { code, out } = await tandem('--input', file('ok2.json', instance), '--output', output, '--lang', 'de');
    expect(code).toBe(0);
    expect(out).toBe('');
    const result = JSON.parse(readFileSync(output, 'utf8'));
    expect(result.pairs[0].reasons.join(' ')).toMatch(/Themen/);
  });

  it('uses the scores matrix when given, with the hard constraints still applied', async () => {
    const { code, out } = await tandem(
      '--input',
      file('scores.json', {
        ...instance,
        exclude: [],
        scores: [
          [10, 0],
          [20, 5],
        ],
      }),
    );
    expect(code).toBe(0);
    // Only b can be paired (d speaks only French), and c–b (20) beats a–b (10).
    expect(
      JSON.parse(out).pairs.map((p: { mentor: string; mentee: string; score: number }) => [
        p.mentor,
        p.mentee,
        p.score,
      ]),
    ).toEqual([['c', 'b', 20]]);
  });

  it.each([
    ['an unknown id in lock', { ...instance, lock: [['a', 'nobody']] }, /lock\[0\] names unknown id\(s\) "nobody"/],
    [
      'a negative score',
      {
        ...instance,
        scores: [
          [1, -2],
          [0, 0],
        ],
      },
      /scores\[0\]\[1\] must be a non-negative number or null, got -2/,
    ],
    [
      'a non-numeric score',
      {
        ...instance,
        scores: [
          [1, 'x'],
          [0, 0],
        ],
      },
      /scores\[0\]\[1\] must be a non-negative number or null, got "x"/,
    ],
    ['a matrix of the wrong shape', { ...instance, scores: [[1, 2]] }, /"scores" has 1 rows but there are 2 mentors/],
    [
      'duplicate ids',
      { ...instance, mentees: [...instance.mentees, { id: 'a', languages: ['de'] }] },
      /duplicate id "a"/,
    ],
  ])('exits non-zero and names the problem for %s', async (_name, bad, message) => {
    const { code, err, out } = await tandem('--input', file('bad.json', bad));
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(message);
  });

  it('exits non-zero for unreadable or malformed files', async () => {
    expect(await tandem('--input', join(dir, 'missing.json'))).toMatchObject({
      code: 1,
      err: expect.stringMatching(/cannot read .*ENOENT/),
    });
    expect(await tandem('--input', file('broken.json', '{"mentors": ['))).toMatchObject({
      code: 1,
      err: expect.stringMatching(/is not valid JSON/),
    });
  });

  it('prints the usage and exits 2 without --input', async () => {
    expect(await tandem()).toMatchObject({ code: 2, err: expect.stringMatching(/usage: tandem match --input FILE/) });
  });

  it('runs as `npm run -s tandem -- match` with the documented exit codes', async () => {
    const input = file('spawn.json', instance);
    const ok = await run('npm', ['run', '-s', 'tandem', '--', 'match', '--input', input], {
      cwd: join(__dirname, '../../..'),
    });
    expect(JSON.parse(ok.stdout).pairCount).toBe(1);
    await expect(
      run(
        'npm',
        [
          'run',
          '-s',
          'tandem',
          '--',
          'match',
          '--input',
          file('spawn-bad.json', { mentors: [], mentees: [], lock: [['a', 'b']] }),
        ],
        {
          cwd: join(__dirname, '../../..'),
        },
      ),
    ).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/lock\[0\] names unknown id/) });
  });
});

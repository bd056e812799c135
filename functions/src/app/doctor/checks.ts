/**
 * `tandem doctor`: the checks an IT administrator runs before inviting anyone, in order, each ✓ or ✗
 * with the exact fix. The runner and the pure rules live here; the probes that call Graph, Cosmos DB
 * and Entra ID are given to it (cli/commands/doctor.ts wires them).
 */

export type CheckStatus = 'ok' | 'fail' | 'skip';

/** What one check found. */
export interface CheckResult {
  status: CheckStatus;
  /** One line: what was checked and found. */
  detail: string;
  /** For a failure: exactly what to do. */
  fix?: string;
}

export interface DoctorCheck {
  /** Stable id for scripts (the JSON line). */
  id: string;
  title: string;
  run(): Promise<CheckResult>;
}

export interface DoctorReport {
  ok: boolean;
  checks: ({ id: string; title: string } & CheckResult)[];
}

export const ok = (detail: string): CheckResult => ({ status: 'ok', detail });
export const fail = (detail: string, fix: string): CheckResult => ({ status: 'fail', detail, fix });
export const skip = (detail: string): CheckResult => ({ status: 'skip', detail });

/** Runs every check in order (a check that throws fails with its message), reporting each as it ends. */
export async function runDoctor(
  checks: DoctorCheck[],
  onResult: (entry: DoctorReport['checks'][number]) => void = () => {},
): Promise<DoctorReport> {
  const out: DoctorReport['checks'] = [];
  for (const check of checks) {
    let result: CheckResult;
    try {
      result = await check.run();
    } catch (err) {
      result = fail(
        `${check.title}: ${err instanceof Error ? err.message : String(err)}`,
        'See the message; fix it and run `tandem doctor` again.',
      );
    }
    const entry = { id: check.id, title: check.title, ...result };
    out.push(entry);
    onResult(entry);
  }
  return { ok: out.every((c) => c.status !== 'fail'), checks: out };
}

/** One line per check: `✓ title: detail`, `✗ title: detail` + `  fix: …`, `– title: detail` (skipped). */
export function formatResult(entry: DoctorReport['checks'][number]): string {
  const mark = entry.status === 'ok' ? '✓' : entry.status === 'fail' ? '✗' : '–';
  return `${mark} ${entry.title}: ${entry.detail}${entry.fix ? `\n    fix: ${entry.fix}` : ''}`;
}

/** The JSON last line: `{"ok":…,"failed":[ids],"checks":{id: status}}`. */
export function summaryLine(report: DoctorReport): string {
  return JSON.stringify({
    ok: report.ok,
    failed: report.checks.filter((c) => c.status === 'fail').map((c) => c.id),
    checks: Object.fromEntries(report.checks.map((c) => [c.id, c.status])),
  });
}

import { blocks, clean, modules, params, read, resourceTypes } from './bicep-text';

const main = read('infra/main.bicep');
const alerts = read('infra/modules/alerts.bicep');
const code = clean(alerts);

/** The rules' fields as written in the `rules` array: name → { query, threshold, … }. */
function rules(): Map<string, Record<string, string>> {
  const body = /^var rules = \[([\s\S]*?)^\]/m.exec(code)?.[1] ?? '';
  const out = new Map<string, Record<string, string>>();
  for (const item of body.split(/^\s*\{\s*$/m).slice(1)) {
    const fields: Record<string, string> = {};
    for (const m of item.matchAll(/^\s*(\w+): (.+)$/gm)) fields[m[1] as string] = (m[2] as string).trim();
    if (fields.name) out.set(fields.name.replace(/'/g, ''), fields);
  }
  return out;
}
/** A Bicep single-quoted string's value ('' → '). */
const unquote = (s: string | undefined) => (s ?? '').replace(/^'|'$/g, '').replace(/\\'/g, "'").replace(/\\\\/g, '\\');

describe('infra/modules/alerts.bicep (Application Insights alert rules)', () => {
  it('is deployed by main.bicep with the operators e-mail as a required parameter, set by both parameter files', () => {
    expect(params(main)).toContainEqual({ name: 'alertEmail', required: true });
    const use = modules(main).find((m) => m.path === 'modules/alerts.bicep');
    expect(use?.params).toEqual(
      expect.arrayContaining([
        'applicationInsightsId',
        'alertEmail',
        'functionFailureThreshold',
        'bookingFailureThreshold',
      ]),
    );
    expect(clean(main)).toContain('applicationInsightsId: monitoring.outputs.applicationInsightsId');
    expect(read('infra/main.bicepparam')).toMatch(
      /^param alertEmail = readEnvironmentVariable\('TANDEM_ALERT_EMAIL'\)$/m,
    );
    expect(JSON.parse(read('infra/main.parameters.json')).parameters.alertEmail).toEqual({
      value: '${{TANDEM_ALERT_EMAIL}}',
    });
  });

  it('routes every rule to one action group that e-mails that address', () => {
    expect(resourceTypes(alerts)).toEqual([
      ['Microsoft.Insights/actionGroups', '2023-01-01'],
      ['Microsoft.Insights/scheduledQueryRules', '2023-12-01'],
    ]);
    expect(blocks(alerts, 'emailReceivers')[0]).toMatch(/emailAddress: alertEmail/);
    expect(code).toContain("location: 'global'");
    expect(code).toMatch(/groupShortName: take\('\$\{baseName\}ops', 12\)/);
    expect(blocks(alerts, 'actions')[0]?.trim()).toBe('actionGroups: [operators.id]');
    expect(code).toContain('scopes: [applicationInsightsId]');
    expect(code).toMatch(
      /resource alerts 'Microsoft\.Insights\/scheduledQueryRules@2023-12-01' = \[\s*for rule in rules:/,
    );
  });

  it('alerts on function failures, booking failures and bot messages given up, each counted over 15 minutes every 5', () => {
    expect([...rules().keys()]).toEqual(['function-failures', 'booking-failures', 'outbox-dead-letters']);
    expect(code).toContain("evaluationFrequency: 'PT5M'");
    expect(code).toContain("windowSize: 'PT15M'");
    expect(code).toContain("metricMeasureColumn: 'failures'");
    expect(code).toContain("operator: 'GreaterThanOrEqual'");
    expect(code).toContain('threshold: rule.threshold');
    const r = rules();
    expect(r.get('function-failures')?.threshold).toBe('functionFailureThreshold');
    expect(r.get('booking-failures')?.threshold).toBe('bookingFailureThreshold');
    for (const rule of r.values()) expect(unquote(rule.query)).toMatch(/\| summarize failures = /);
  });

  it('counts function failures from the requests every invocation writes', () => {
    expect(unquote(rules().get('function-failures')?.query)).toBe(
      'requests | where success == false | summarize failures = count()',
    );
  });

  it('matches the booking failure line the app logs, and nothing else', () => {
    const query = unquote(rules().get('booking-failures')?.query);
    const pattern = /matches regex @"([^"]+)"/.exec(query)?.[1] ?? '';
    const re = new RegExp(pattern);
    for (const file of [
      'functions/src/app/book-series.ts',
      'functions/src/app/booking-problems.ts',
      'functions/src/app/meetings.ts',
    ])
      expect(read(file)).toMatch(/console\.error\(`booking \$\{[^}]+\}\/\$\{[^}]+\}( after a picked day)? failed: /);
    expect(re.test('booking prog-1/pair-7 failed: Microsoft Graph denied …')).toBe(true);
    expect(re.test('booking prog-1/pair-7 after a picked day failed: no slot')).toBe(true);
    expect(re.test('bookingSoon: {"booked":1}')).toBe(false);
  });

  it("sums the outbox timer's failed and dropped messages from the run summary it logs", () => {
    const query = unquote(rules().get('outbox-dead-letters')?.query);
    expect(query).toContain('startswith "outboxDispatch: {"');
    expect(query).toContain('sum(toint(run.failed)) + sum(toint(run.dropped))');
    expect(read('functions/src/timers/define-timer.ts')).toContain(
      'context.log(`${spec.name}: ${JSON.stringify(result)}`)',
    );
    expect(read('functions/src/timers/outbox-dispatch.ts')).toContain("name: 'outboxDispatch'");
    const dispatcher = read('bot/src/fanout/dispatcher.ts');
    expect(dispatcher).toContain('report.failed++');
    expect(dispatcher).toContain('report.dropped++');
  });
});

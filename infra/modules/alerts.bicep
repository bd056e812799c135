// Alerts for operators: log search alert rules on Application Insights, routed to one action group
// that e-mails the operators. Each query reads what the app already writes (requests of every
// function invocation; the `booking <programme>/<pair> failed: …` log line; the outbox timer's run
// summary `outboxDispatch: {"failed":…,"dropped":…}`). docs/deployment.md (Operations → Alerts).
param applicationInsightsId string
param location string
param tags object
param baseName string
@description('Where alerts are sent (the operators\' shared mailbox).')
param alertEmail string
param functionFailureThreshold int
param bookingFailureThreshold int

resource operators 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-${baseName}-operators'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: take('${baseName}ops', 12)
    enabled: true
    emailReceivers: [
      { name: 'operators', emailAddress: alertEmail, useCommonAlertSchema: true }
    ]
  }
}

var rules = [
  {
    name: 'function-failures'
    displayName: 'Tandem: function invocations failing'
    description: 'HTTP requests and timer runs of the Functions app that failed (success == false), over 15 minutes.'
    severity: 2
    threshold: functionFailureThreshold
    query: 'requests | where success == false | summarize failures = count()'
  }
  {
    name: 'booking-failures'
    displayName: 'Tandem: meeting series bookings failing'
    description: 'Pairs whose booking failed (the reason is on the series and in the console); a permission, licence or Exchange scope problem usually fails many at once.'
    severity: 2
    threshold: bookingFailureThreshold
    query: 'traces | where message matches regex @"^booking \\S+/\\S+ (after a picked day )?failed:" | summarize failures = count()'
  }
  {
    name: 'outbox-dead-letters'
    displayName: 'Tandem: bot messages given up'
    description: 'Outbox messages marked failed or dropped after their last attempt (the outboxDispatch timer\'s run summary).'
    severity: 3
    threshold: 1
    query: 'traces | where message startswith "outboxDispatch: {" | extend run = parse_json(substring(message, strlen("outboxDispatch: "))) | summarize failures = sum(toint(run.failed)) + sum(toint(run.dropped))'
  }
]

resource alerts 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [
  for rule in rules: {
    name: 'alert-${baseName}-${rule.name}'
    location: location
    tags: tags
    kind: 'LogAlert'
    properties: {
      displayName: rule.displayName
      description: rule.description
      severity: rule.severity
      enabled: true
      scopes: [applicationInsightsId]
      evaluationFrequency: 'PT5M'
      windowSize: 'PT15M'
      criteria: {
        allOf: [
          {
            query: rule.query
            timeAggregation: 'Total'
            metricMeasureColumn: 'failures'
            operator: 'GreaterThanOrEqual'
            threshold: rule.threshold
            failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
          }
        ]
      }
      autoMitigate: true
      actions: { actionGroups: [operators.id] }
    }
  }
]

output actionGroupId string = operators.id

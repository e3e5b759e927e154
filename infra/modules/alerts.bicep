// Log alert rules on the app's telemetry (queries in ../monitoring/alerts/*.kql; a test checks that
// every customDimensions field they read is one the code emits). Mail goes to `alertEmail` when set.
param namePrefix string
param location string
param tags object = {}
param applicationInsightsId string
@description('Where alerts are mailed; empty for portal-only alerts.')
param alertEmail string = ''
@description('Parked tickets (seen by the latest tick) above which to alert.')
param parkedTicketsThreshold int = 5
@description('Estimated LLM spend in USD per 24 hours above which to alert (a decimal string, e.g. "5" or "2.5").')
param llmDailyBudgetUsd string = '5'

var withEmail = !empty(alertEmail)

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = if (withEmail) {
  name: '${namePrefix}-ops'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'triage-ops'
    enabled: true
    emailReceivers: [
      {
        name: 'operators'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

var actions = {
  actionGroups: withEmail ? [actionGroup.id] : []
}

var rules = [
  {
    name: 'scan-tick-failed'
    displayName: 'Ticket triage: a scan tick failed'
    description: 'The 15-minute scan failed or stopped early (token rejected, Jira, Table Storage or the LLM unavailable).'
    severity: 1
    query: loadTextContent('../monitoring/alerts/scan-tick-failed.kql')
    column: 'failures'
    operator: 'GreaterThan'
    threshold: 0
    frequency: 'PT15M'
    window: 'PT15M'
  }
  {
    name: 'no-successful-tick'
    displayName: 'Ticket triage: no successful scan tick for an hour'
    description: 'No scan tick finished cleanly in the last hour: the app is down, the timer is not firing, or every tick fails.'
    severity: 1
    query: loadTextContent('../monitoring/alerts/no-successful-tick.kql')
    column: 'successful_ticks'
    operator: 'LessThan'
    threshold: 1
    frequency: 'PT15M'
    window: 'PT1H'
  }
  {
    name: 'parked-tickets'
    displayName: 'Ticket triage: parked tickets above ${parkedTicketsThreshold}'
    description: 'Tickets failed MAX_ATTEMPTS times and were parked; see the ticket_problem events in the workbook.'
    severity: 2
    query: loadTextContent('../monitoring/alerts/parked-tickets.kql')
    column: 'parked'
    operator: 'GreaterThan'
    threshold: parkedTicketsThreshold
    frequency: 'PT1H'
    window: 'PT1H'
  }
  {
    name: 'llm-spend'
    displayName: 'Ticket triage: LLM spend above ${llmDailyBudgetUsd} USD a day'
    description: 'Estimated LLM cost (scan ticks and report runs) over the last 24 hours is above the budget.'
    severity: 2
    query: loadTextContent('../monitoring/alerts/llm-spend.kql')
    column: 'spend_usd'
    operator: 'GreaterThan'
    threshold: json(llmDailyBudgetUsd)
    frequency: 'PT1H'
    window: 'P1D'
  }
]

resource alertRules 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [for rule in rules: {
  name: '${namePrefix}-${rule.name}'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: rule.displayName
    description: rule.description
    severity: rule.severity
    enabled: true
    scopes: [
      applicationInsightsId
    ]
    evaluationFrequency: rule.frequency
    windowSize: rule.window
    criteria: {
      allOf: [
        {
          query: rule.query
          timeAggregation: 'Maximum'
          metricMeasureColumn: rule.column
          operator: rule.operator
          threshold: rule.threshold
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: actions
  }
}]

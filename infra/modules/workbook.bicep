// The operators' workbook (../monitoring/workbook.json): outcomes over time, comments, NEEDS_INFO
// share, failures and parked tickets, LLM tokens and cost, tick duration against the budget and
// the function timeout, rollout mode, Jira calls, report runs.
param location string
param tags object = {}
param applicationInsightsId string
param displayName string = 'Ticket triage'
@description('SCAN_TIME_BUDGET_SECONDS, drawn as a line on the tick-duration chart.')
param scanTimeBudgetSeconds string
@description('host.json functionTimeout in seconds, drawn on the same chart.')
param functionTimeoutSeconds string
@description('LLM_DAILY_BUDGET_USD, drawn as a line on the LLM cost chart.')
param llmDailyBudgetUsd string

var template = loadTextContent('../monitoring/workbook.json')
var withBudget = replace(template, '__SCAN_TIME_BUDGET_SECONDS__', scanTimeBudgetSeconds)
var withTimeout = replace(withBudget, '__FUNCTION_TIMEOUT_SECONDS__', functionTimeoutSeconds)
var content = replace(withTimeout, '__LLM_DAILY_BUDGET_USD__', llmDailyBudgetUsd)

resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  name: guid(resourceGroup().id, applicationInsightsId, 'ticket-triage-workbook')
  location: location
  tags: tags
  kind: 'shared'
  properties: {
    displayName: displayName
    category: 'workbook'
    sourceId: applicationInsightsId
    serializedData: content
    version: 'Notebook/1.0'
  }
}

output id string = workbook.id

// AI ticket triage on Azure Functions (Flex Consumption), deployed with `azd up`.
// A fresh deployment runs in ROLLOUT_MODE=shadow: it reads Jira and records its decisions, and
// writes nothing to Jira until the team opts in (see README, "Deploy").
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; it seeds every resource name.')
param environmentName string

@minLength(1)
@description('Region of every resource (it must offer Flex Consumption).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the deploying user (azd sets it): gets data access to the ledger and reports and may set Key Vault secrets. Empty to skip.')
param principalId string = ''

@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param principalType string = 'User'

// --- Jira --------------------------------------------------------------------------------------
@minLength(8)
@description('Jira site, e.g. https://your-site.atlassian.net (azd env set JIRA_BASE_URL ...).')
param jiraBaseUrl string

@minLength(3)
@description('The bot account\'s email (azd env set JIRA_EMAIL ...).')
param jiraEmail string

@minLength(3)
@description('Scope of the scan, e.g. project = OPS (azd env set JIRA_SCAN_JQL ...).')
param jiraScanJql string

@secure()
@description('Optional: the Jira API token, stored as Key Vault secret jira-api-token. Leave empty and set the secret yourself (README).')
param jiraApiToken string = ''

// --- Rollout -----------------------------------------------------------------------------------
@allowed([
  'shadow'
  'pilot'
  'full'
])
@description('shadow: analyze and record, write nothing to Jira. pilot: write only inside pilotJql. full: write everywhere.')
param rolloutMode string = 'shadow'

@description('Required when rolloutMode is pilot, e.g. project = OPS AND reporter in (...).')
param pilotJql string = ''

@description('A rollout mode per category over rolloutMode, as JSON, e.g. {"access": "full", "troubleshooting": "shadow"}; empty: every category takes rolloutMode. The monthly report\'s readiness table says which categories have earned full.')
param rolloutCategories string = ''

@description('Faster paths as JSON: a request signature, a prefix of one or a category mapped to an https how-to or self-service page, e.g. {"access/gitlab": "https://wiki.example.com/gitlab-access"}; empty: none. Our question then offers the page, and the monthly report measures it.')
param deflectionLinks string = ''

@minValue(0)
@maxValue(50)
@description('Share of tickets (by key hash) that get labels but no question: the control group.')
param holdoutPercent int = 10

@description('NCRONTAB (UTC) of the scan tick.')
param scanSchedule string = '0 */15 * * * *'

@description('NCRONTAB (UTC) of the monthly report (the 1st, 02:00).')
param reportSchedule string = '0 0 2 1 * *'

// --- LLM ---------------------------------------------------------------------------------------
@allowed([
  'none'
  'azure'
  'external'
])
@description('azure (default): deploy Azure OpenAI with a small chat model, reached keylessly with the app\'s identity; the rules stay its fallback. none: the rules analyzer alone (the explicit opt-out). external: an OpenAI-compatible endpoint by parameters, its key in Key Vault.')
param llmProvider string = 'azure'

@description('Azure OpenAI model, version and capacity (thousands of tokens per minute).')
param openAiModelName string = 'gpt-4.1-mini'
param openAiModelVersion string = '2025-04-14'
param openAiCapacity int = 30
@description('Region of the Azure OpenAI account, when not the app\'s (model availability differs by region); empty: the app\'s.')
param openAiLocation string = ''

@description('External endpoint (llmProvider=external): base URL and model; empty URL means api.openai.com.')
param openAiBaseUrl string = ''
param openAiModel string = 'gpt-4.1-mini'

@secure()
@description('Optional: the external endpoint\'s key, stored as Key Vault secret openai-api-key.')
param openAiApiKey string = ''

// --- Monitoring --------------------------------------------------------------------------------
@description('Where alerts are mailed; empty for portal-only alerts.')
param alertEmail string = ''

@description('Estimated LLM spend in USD per UTC day: past it the scan judges with the rules until the next day, and an alert fires (decimal string).')
param llmDailyBudgetUsd string = '5'

@description('Parked tickets above which to alert.')
param parkedTicketsThreshold int = 5

// --- Scale -------------------------------------------------------------------------------------
param maximumInstanceCount int = 40

var abbrs = loadJsonContent('abbreviations.json')
var token = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
  app: 'ai-ticket-triage'
}
var functionAppName = '${abbrs.webSitesFunctions}triage-${token}'
var deploymentContainerName = 'app-package-${take(token, 12)}'
var ledgerTable = 'triageledger'
var reportsContainer = 'reports'
// Shared with the workbook's duration chart. host.json's functionTimeout is 10 minutes.
var scanTimeBudgetSeconds = '480'
var functionTimeoutSeconds = '600'
var useAzureOpenAi = llmProvider == 'azure'
var useExternalLlm = llmProvider == 'external'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}triage-${token}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${token}'
    applicationInsightsName: '${abbrs.insightsComponents}${token}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: '${abbrs.storageStorageAccounts}${token}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
    reportsContainerName: reportsContainer
    ledgerTableName: ledgerTable
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: '${abbrs.keyVaultVaults}${take(token, 18)}'
    location: location
    tags: tags
    jiraApiToken: jiraApiToken
    openAiApiKey: useExternalLlm ? openAiApiKey : ''
  }
}

module openAi 'modules/openai.bicep' = if (useAzureOpenAi) {
  name: 'openai'
  scope: rg
  params: {
    name: '${abbrs.cognitiveServicesAccounts}${token}'
    location: empty(openAiLocation) ? location : openAiLocation
    tags: tags
    deploymentName: openAiModelName
    modelName: openAiModelName
    modelVersion: openAiModelVersion
    capacity: openAiCapacity
  }
}

// Every app setting, in one place. tests/infra checks that these names are exactly the settings
// the code reads (plus the host's identity-based storage settings), and that literal values equal
// the code's defaults.
var jiraTokenReference = '@Microsoft.KeyVault(VaultName=${keyVault.outputs.name};SecretName=jira-api-token)'
var openAiKeyReference = '@Microsoft.KeyVault(VaultName=${keyVault.outputs.name};SecretName=openai-api-key)'
var appSettings = {
  // Functions host: identity-based storage (no keys), keyless telemetry ingestion.
  AzureWebJobsStorage__accountName: storage.outputs.name
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identity.outputs.clientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.outputs.clientId};Authorization=AAD'
  // DefaultAzureCredential (Table Storage, Key Vault SDK, Azure OpenAI) picks the app's identity.
  AZURE_CLIENT_ID: identity.outputs.clientId

  // Jira
  JIRA_BASE_URL: jiraBaseUrl
  JIRA_BROWSE_URL: ''
  JIRA_EMAIL: jiraEmail
  JIRA_API_TOKEN: jiraTokenReference
  JIRA_SCAN_JQL: jiraScanJql
  JIRA_TIMEOUT_SECONDS: '20'
  JIRA_MAX_ATTEMPTS: '4'
  JIRA_WRITE_CONCURRENCY: '4'

  // Rollout
  ROLLOUT_MODE: rolloutMode
  ROLLOUT_CATEGORIES: rolloutCategories
  PILOT_JQL: pilotJql
  HOLDOUT_PERCENT: string(holdoutPercent)
  QUALITY_THRESHOLD: '85'
  COMMENT_VISIBILITY: 'public'
  MENTION_REPORTER: 'true'
  LABEL_ANALYZED: 'AI_ANALYZED'
  LABEL_HIGH_QUALITY: 'HIGH_QUALITY'
  LABEL_NEEDS_INFO: 'NEEDS_INFO'

  // Scan
  SCAN_SCHEDULE: scanSchedule
  SCAN_CONCURRENCY: '8'
  SCAN_TIME_BUDGET_SECONDS: scanTimeBudgetSeconds
  SCAN_MAX_TICKETS: '500'
  SCAN_LOOKBACK_DAYS: '7'
  SCAN_OVERLAP_MINUTES: '30'
  MAX_ATTEMPTS: '5'
  CLAIM_LEASE_SECONDS: '120'

  // Fields beyond the description: names or ids to leave out, fields whose names say nothing
  // mapped to the checklist item they answer, request or issue types that decide the category.
  FIELDS_IGNORE: ''
  FIELD_ITEM_MAP: '{}'
  TRIAGE_CATEGORY_MAP: '{}'
  // A faster path: request signatures (or prefixes, or categories) mapped to how-to pages.
  DEFLECTION_LINKS: deflectionLinks

  // Monthly report
  REPORT_SCHEDULE: reportSchedule
  REPORT_BATCH_SIZE: '50'
  REPORT_PARALLELISM: '4'
  REPORT_CATEGORY_MAP: '{}'
  REPORT_CONTAINER: reportsContainer

  // LLM: Azure OpenAI keyless, or an external endpoint with its key in Key Vault, or none.
  ANALYZER: 'auto'
  RULES_LEARNED: 'true'
  OPENAI_API_KEY: useExternalLlm ? openAiKeyReference : ''
  OPENAI_BASE_URL: useExternalLlm ? openAiBaseUrl : ''
  OPENAI_MODEL: openAiModel
  AZURE_OPENAI_ENDPOINT: useAzureOpenAi ? openAi.outputs.endpoint : ''
  AZURE_OPENAI_DEPLOYMENT: useAzureOpenAi ? openAi.outputs.deploymentName : ''
  AZURE_OPENAI_API_KEY: ''
  LLM_TIMEOUT_SECONDS: '30'
  LLM_MAX_RETRIES: '2'
  LLM_INPUT_TOKEN_BUDGET: '2000'
  LLM_PROMPT_VERSION: 'triage-v3'
  LLM_PRICE_INPUT_PER_MTOK: '0.4'
  LLM_PRICE_OUTPUT_PER_MTOK: '1.6'
  LLM_DAILY_BUDGET_USD: llmDailyBudgetUsd
  REDACT_EMAILS: 'true'

  // Secrets come in through Key Vault references; KEY_VAULT_URL is for runs outside App Service.
  KEY_VAULT_URL: ''
  // The ledger: Table Storage reached with the managed identity.
  LEDGER_STORAGE: storage.outputs.tableEndpoint
  LEDGER_TABLE: ledgerTable

  // On-demand reanalysis
  REANALYZE_ALLOW_FORCE: 'false'
  REANALYZE_TIME_BUDGET_SECONDS: '120'
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  scope: rg
  params: {
    planName: '${abbrs.webServerFarms}${token}'
    name: functionAppName
    location: location
    tags: tags
    identityId: identity.outputs.id
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    appSettings: appSettings
    maximumInstanceCount: maximumInstanceCount
  }
  dependsOn: [
    rbac
  ]
}

module rbac 'modules/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    keyVaultName: keyVault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    openAiAccountName: useAzureOpenAi ? openAi.outputs.name : ''
    appPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
}

module workbook 'modules/workbook.bicep' = {
  name: 'workbook'
  scope: rg
  params: {
    location: location
    tags: tags
    applicationInsightsId: monitoring.outputs.applicationInsightsId
    scanTimeBudgetSeconds: scanTimeBudgetSeconds
    functionTimeoutSeconds: functionTimeoutSeconds
    llmDailyBudgetUsd: llmDailyBudgetUsd
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  scope: rg
  params: {
    namePrefix: '${abbrs.insightsScheduledQueryRules}triage-${token}'
    location: location
    tags: tags
    applicationInsightsId: monitoring.outputs.applicationInsightsId
    alertEmail: alertEmail
    parkedTicketsThreshold: parkedTicketsThreshold
    llmDailyBudgetUsd: llmDailyBudgetUsd
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_URL string = 'https://${functionApp.outputs.defaultHostName}'
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_APPLICATION_INSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
// For `python -m tools eval --analyzer llm` from the deploying user's machine (keyless: the user
// holds "Cognitive Services OpenAI User" on the account too). Empty with LLM_PROVIDER none/external.
output AZURE_OPENAI_ENDPOINT string = useAzureOpenAi ? openAi.outputs.endpoint : ''
output AZURE_OPENAI_DEPLOYMENT string = useAzureOpenAi ? openAi.outputs.deploymentName : ''

// Key Vault for the Jira API token and, with an external OpenAI-compatible endpoint, its key.
// RBAC authorisation (no access policies), soft delete and purge protection on.
param name string
param location string
param tags object = {}
@description('Entra tenant of the vault.')
param tenantId string = subscription().tenantId
@secure()
@description('Optional: the Jira API token. Empty: set the secret `jira-api-token` after deployment.')
param jiraApiToken string = ''
@secure()
@description('Optional: the key of an external OpenAI-compatible endpoint (secret `openai-api-key`).')
param openAiApiKey string = ''
@description('Secrets expire after this many days; rotate the Jira token before then.')
param secretLifetimeDays int = 365

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

module jiraTokenSecret 'keyvault-secret.bicep' = if (!empty(jiraApiToken)) {
  name: 'secret-jira-api-token'
  params: {
    vaultName: vault.name
    name: 'jira-api-token'
    value: jiraApiToken
    lifetimeDays: secretLifetimeDays
  }
}

module openAiKeySecret 'keyvault-secret.bicep' = if (!empty(openAiApiKey)) {
  name: 'secret-openai-api-key'
  params: {
    vaultName: vault.name
    name: 'openai-api-key'
    value: openAiApiKey
    lifetimeDays: secretLifetimeDays
  }
}

output id string = vault.id
output name string = vault.name
output uri string = vault.properties.vaultUri

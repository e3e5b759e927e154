// The app's one identity: every data-plane call (storage, Key Vault, Azure OpenAI, telemetry
// ingestion) authenticates as this user-assigned managed identity. No keys anywhere.
param name string
param location string
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId

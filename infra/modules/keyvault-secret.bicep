// One Key Vault secret with a content type and an expiry (rotate before it).
param vaultName string
param name string
@secure()
param value string
param lifetimeDays int = 365
param now string = utcNow()

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: vaultName
}

resource secret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: name
  properties: {
    value: value
    contentType: 'text/plain'
    attributes: {
      enabled: true
      exp: dateTimeToEpoch(dateTimeAdd(now, 'P${lifetimeDays}D'))
    }
  }
}

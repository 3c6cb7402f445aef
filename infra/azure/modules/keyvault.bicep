// Key Vault (RBAC mode) for the secrets identity cannot replace: the Redis connection string and, for
// SingleTenant/MultiTenant bots, the app registration's client secret.
param namePrefix string
param location string
param tags object
param identityPrincipalId string

@secure()
@description('Client secret of the bot\'s app registration; empty for a managed-identity bot.')
param botClientSecret string

// Key Vault names are global and at most 24 characters.
var vaultName = take('${namePrefix}-kv-${uniqueString(resourceGroup().id)}', 24)
var keyVaultSecretsUser = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identityPrincipalId, keyVaultSecretsUser)
  scope: vault
  properties: {
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: keyVaultSecretsUser
  }
}

resource clientSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(botClientSecret)) {
  parent: vault
  name: 'bot-client-secret'
  properties: {
    value: botClientSecret
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri

// Azure Cache for Redis: the shared conversation store, so any instance can answer any turn.
// Its connection string goes straight into Key Vault; it never passes through an output.
param namePrefix string
param location string
param tags object
param keyVaultName string

@allowed(['Basic', 'Standard', 'Premium'])
param skuName string = 'Standard'
param capacity int = 1

resource redis 'Microsoft.Cache/redis@2024-11-01' = {
  name: '${namePrefix}-redis-${uniqueString(resourceGroup().id)}'
  location: location
  tags: tags
  properties: {
    sku: {
      name: skuName
      family: skuName == 'Premium' ? 'P' : 'C'
      capacity: capacity
    }
    enableNonSslPort: false
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
    redisVersion: '6'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource connection 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'redis-connection'
  properties: {
    value: '${redis.properties.hostName}:${redis.properties.sslPort},password=${redis.listKeys().primaryKey},ssl=True,abortConnect=False'
  }
}

output name string = redis.name
output connectionSecretUri string = connection.properties.secretUri

// The one user-assigned managed identity the bot runs as: it gets the connector token (Azure Bot
// type UserAssignedMSI), calls Azure OpenAI and reads Key Vault secrets.
param namePrefix string
param location string
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${namePrefix}-identity'
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId

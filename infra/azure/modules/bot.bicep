// The Azure Bot registration pointing at the web app, with the Microsoft Teams channel.
param namePrefix string
param tags object

@allowed(['UserAssignedMSI', 'SingleTenant', 'MultiTenant'])
param appType string
param appId string
param tenantId string
param identityId string
param messagingEndpoint string

@allowed(['F0', 'S1'])
param sku string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${namePrefix}-bot'
  // Azure Bot is a global resource.
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: { name: sku }
  properties: {
    displayName: 'OracleBot'
    description: 'Clinical decision support with cited evidence; not medical advice.'
    endpoint: messagingEndpoint
    msaAppId: appId
    msaAppType: appType
    msaAppTenantId: appType == 'MultiTenant' ? '' : tenantId
    msaAppMSIResourceId: appType == 'UserAssignedMSI' ? identityId : ''
    disableLocalAuth: false
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      acceptedTerms: true
    }
  }
}

output name string = bot.name

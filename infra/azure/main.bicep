// OracleBot in one resource group: managed identity, Key Vault, Azure Cache for Redis, Azure OpenAI,
// Application Insights, the bot's container app (two or more replicas) and the Azure Bot with Teams.
// Deploy: az deployment group create -g RG -f infra/azure/main.bicep -p infra/azure/main.bicepparam
targetScope = 'resourceGroup'

@minLength(3)
@maxLength(12)
@description('Short lower-case prefix of every resource name.')
param namePrefix string = 'oraclebot'

param location string = resourceGroup().location

@allowed(['UserAssignedMSI', 'SingleTenant', 'MultiTenant'])
@description('How the bot proves who it is. UserAssignedMSI (recommended) uses the managed identity this template creates and needs no secret; SingleTenant and MultiTenant use your Entra app registration (botAppId) and its client secret, which goes to Key Vault.')
param botAppType string = 'UserAssignedMSI'

@description('Client id of your Entra app registration; required for SingleTenant or MultiTenant.')
param botAppId string = ''

@secure()
@description('Client secret of that app registration; only for SingleTenant or MultiTenant. Stored in Key Vault.')
param botClientSecret string = ''

@description('Name of an existing Azure Container Registry in this resource group holding the image.')
param registryName string

@description('Full image reference, e.g. myregistry.azurecr.io/oraclebot:1.0.0 (built with az acr build).')
param containerImage string

@minValue(2)
@description('Replicas always running; two or more so one can restart without an outage.')
param minReplicas int = 2

@minValue(2)
param maxReplicas int = 10

param containerCpu string = '1.0'
param containerMemory string = '2Gi'

@allowed(['Basic', 'Standard', 'Premium'])
param redisSku string = 'Standard'

param openAiModelName string = 'gpt-4o-mini'
param openAiModelVersion string = '2024-07-18'
param openAiDeploymentName string = 'chat'
param openAiDeploymentSku string = 'GlobalStandard'
@description('Deployment capacity in thousands of tokens per minute.')
param openAiCapacity int = 30

@allowed(['F0', 'S1'])
@description('Azure Bot pricing tier; F0 is free for standard channels such as Teams.')
param botSku string = 'F0'

param tags object = { application: 'oraclebot' }

var usesManagedIdentity = botAppType == 'UserAssignedMSI'

// Never deploy a bot without an app id: it would refuse to start (or, told to allow it, accept anyone).
var appRegistrationId = usesManagedIdentity || !empty(trim(botAppId))
  ? botAppId
  : fail('botAppId is required when botAppType is SingleTenant or MultiTenant.')

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: { namePrefix: namePrefix, location: location, tags: tags }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: { namePrefix: namePrefix, location: location, tags: tags }
}

module vault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    namePrefix: namePrefix
    location: location
    tags: tags
    identityPrincipalId: identity.outputs.principalId
    botClientSecret: usesManagedIdentity ? '' : botClientSecret
  }
}

module redis 'modules/redis.bicep' = {
  name: 'redis'
  params: {
    namePrefix: namePrefix
    location: location
    tags: tags
    keyVaultName: vault.outputs.name
    skuName: redisSku
  }
}

module openAi 'modules/openai.bicep' = {
  name: 'openai'
  params: {
    namePrefix: namePrefix
    location: location
    tags: tags
    identityPrincipalId: identity.outputs.principalId
    modelName: openAiModelName
    modelVersion: openAiModelVersion
    deploymentName: openAiDeploymentName
    deploymentSku: openAiDeploymentSku
    capacity: openAiCapacity
  }
}

var botSettings = usesManagedIdentity
  ? {
      Bot__AppId: identity.outputs.clientId
      Bot__AppType: 'UserAssignedMSI'
      Bot__TenantId: tenant().tenantId
      Bot__ManagedIdentityClientId: identity.outputs.clientId
    }
  : {
      Bot__AppId: appRegistrationId
      Bot__AppType: botAppType
      Bot__TenantId: tenant().tenantId
    }

module web 'modules/containerapp.bicep' = {
  name: 'web'
  params: {
    namePrefix: namePrefix
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    identityPrincipalId: identity.outputs.principalId
    workspaceName: monitoring.outputs.workspaceName
    insightsName: monitoring.outputs.insightsName
    registryName: registryName
    containerImage: containerImage
    minReplicas: minReplicas
    maxReplicas: maxReplicas
    cpu: containerCpu
    memory: containerMemory
    keyVaultReferences: union(
      { 'redis-connection': redis.outputs.connectionSecretUri },
      usesManagedIdentity ? {} : { 'bot-client-secret': '${vault.outputs.uri}secrets/bot-client-secret' }
    )
    vaultBackedVariables: union(
      { Conversations__Redis: 'redis-connection' },
      usesManagedIdentity ? {} : { Bot__ClientSecret: 'bot-client-secret' }
    )
    environmentVariables: union(botSettings, {
      Conversations__Store: 'Redis'
      // No API key: the answer engine then uses DefaultAzureCredential, i.e. AZURE_CLIENT_ID's identity.
      Answers__AzureOpenAI__Endpoint: openAi.outputs.endpoint
      Answers__AzureOpenAI__Deployment: openAi.outputs.deploymentName
      // Live PubMed search: Container Apps without a virtual network allow outbound HTTPS to eutils.ncbi.nlm.nih.gov.
      Answers__PubMed__Enabled: 'true'
      OTEL_SERVICE_NAME: 'oraclebot'
    })
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    namePrefix: namePrefix
    tags: tags
    appType: botAppType
    appId: usesManagedIdentity ? identity.outputs.clientId : appRegistrationId
    tenantId: tenant().tenantId
    identityId: identity.outputs.id
    messagingEndpoint: 'https://${web.outputs.fqdn}/api/messages'
    sku: botSku
  }
}

@description('The bot\'s Microsoft App ID: pass it to scripts/package-teams-app.sh.')
output botAppId string = usesManagedIdentity ? identity.outputs.clientId : appRegistrationId

@description('Host name of the bot: the second argument of scripts/package-teams-app.sh.')
output botHost string = web.outputs.fqdn

output messagingEndpoint string = 'https://${web.outputs.fqdn}/api/messages'
output keyVaultName string = vault.outputs.name

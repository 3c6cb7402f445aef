// The bot's web app on Azure Container Apps: at least two replicas behind HTTPS ingress, probes on
// /healthz and /readyz, the managed identity for image pull, Key Vault references and Azure calls, and
// the environment's managed OpenTelemetry agent sending traces and logs to Application Insights.
param namePrefix string
param location string
param tags object
param identityId string
param identityClientId string
param identityPrincipalId string
param workspaceName string
param insightsName string
param registryName string
param containerImage string
param minReplicas int
param maxReplicas int
param cpu string
param memory string

@description('Key Vault secret URIs, by Container Apps secret name.')
param keyVaultReferences object

@description('Plain environment variables (no secrets).')
param environmentVariables object

@description('Environment variables read from Key Vault: variable name -> Container Apps secret name.')
param vaultBackedVariables object

var plainVariables = [for v in items(environmentVariables): { name: v.key, value: v.value }]
var vaultVariables = [for v in items(vaultBackedVariables): { name: v.key, secretRef: v.value }]
// AZURE_CLIENT_ID makes Azure.Identity's default credential pick the user-assigned identity.
var containerVariables = concat(plainVariables, vaultVariables, [{ name: 'AZURE_CLIENT_ID', value: identityClientId }])

var acrPull = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '7f951dda-4ed3-4680-a7ca-43fe172d538d')

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: workspaceName
}

resource insights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: insightsName
}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' existing = {
  name: registryName
}

resource pull 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(registry.id, identityPrincipalId, acrPull)
  scope: registry
  properties: {
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: acrPull
  }
}

resource environment 'Microsoft.App/managedEnvironments@2024-10-02-preview' = {
  name: '${namePrefix}-env'
  location: location
  tags: tags
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: workspace.properties.customerId
        sharedKey: workspace.listKeys().primarySharedKey
      }
    }
    appInsightsConfiguration: {
      connectionString: insights.properties.ConnectionString
    }
    // The platform runs an OpenTelemetry collector and gives each app OTEL_EXPORTER_OTLP_ENDPOINT;
    // the bot's OTLP exporter switches on when it sees that variable. The bot exports traces and
    // metrics; its logs reach Log Analytics through the container's console.
    openTelemetryConfiguration: {
      tracesConfiguration: { destinations: ['appInsights'] }
    }
    zoneRedundant: false
  }
}

resource app 'Microsoft.App/containerApps@2025-01-01' = {
  name: '${namePrefix}-bot'
  location: location
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  dependsOn: [pull]
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: 8080
        transport: 'http'
        allowInsecure: false
      }
      registries: [
        {
          server: registry.properties.loginServer
          identity: identityId
        }
      ]
      secrets: [for s in items(keyVaultReferences): {
        name: s.key
        keyVaultUrl: s.value
        identity: identityId
      }]
    }
    template: {
      containers: [
        {
          name: 'oraclebot'
          image: containerImage
          resources: {
            cpu: json(cpu)
            memory: memory
          }
          env: containerVariables
          probes: [
            {
              type: 'Liveness'
              httpGet: { path: '/healthz', port: 8080 }
              periodSeconds: 10
              failureThreshold: 3
            }
            {
              type: 'Readiness'
              httpGet: { path: '/readyz', port: 8080 }
              periodSeconds: 5
              failureThreshold: 3
            }
            {
              // The first start of an image without a prebuilt index may take a while.
              type: 'Startup'
              httpGet: { path: '/healthz', port: 8080 }
              periodSeconds: 5
              failureThreshold: 24
            }
          ]
        }
      ]
      scale: {
        minReplicas: minReplicas
        maxReplicas: maxReplicas
        rules: [
          {
            name: 'http'
            http: { metadata: { concurrentRequests: '100' } }
          }
        ]
      }
    }
  }
}

output fqdn string = app.properties.configuration.ingress.fqdn
output name string = app.name

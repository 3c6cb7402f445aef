// Log Analytics workspace and the workspace-based Application Insights the bot's OpenTelemetry data lands in.
param namePrefix string
param location string
param tags object

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${namePrefix}-logs'
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${namePrefix}-insights'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    // Telemetry arrives with the managed identity's token or the connection string from the
    // Container Apps OpenTelemetry agent; no instrumentation key is handed to the app.
    DisableLocalAuth: false
  }
}

output workspaceName string = workspace.name
output insightsName string = insights.name

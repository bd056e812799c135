// Log Analytics + workspace-based Application Insights with local (key) auth disabled: the app
// sends telemetry with its managed identity (Monitoring Metrics Publisher), plus a workbook.
param logAnalyticsName string
param applicationInsightsName string
param location string
param tags object
param retentionInDays int
param identityPrincipalId string

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: retentionInDays
    features: { enableLogAccessUsingOnlyResourcePermissions: true }
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    DisableLocalAuth: true
    IngestionMode: 'LogAnalytics'
  }
}

var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

resource publisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(insights.id, identityPrincipalId, monitoringMetricsPublisher)
  scope: insights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  name: guid(insights.id, 'tandem-operations')
  location: location
  tags: tags
  kind: 'shared'
  properties: {
    displayName: 'Tandem operations'
    category: 'workbook'
    sourceId: insights.id
    serializedData: loadTextContent('../workbook.json')
  }
}

output logAnalyticsId string = logs.id
output applicationInsightsId string = insights.id
output connectionString string = insights.properties.ConnectionString

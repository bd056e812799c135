// Cosmos DB for NoSQL, serverless, with continuous backup (point-in-time restore). Keys are
// disabled: the app's identity gets the built-in Data Contributor role on the account, and the
// containers are created here because that data-plane role cannot create them.
param name string
param location string
param tags object
param databaseName string
@allowed(['Continuous7Days', 'Continuous30Days'])
param backupTier string
param identityPrincipalId string
param logAnalyticsId string

var containers = loadJsonContent('../cosmos-containers.json').containers

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: name
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [{ locationName: location, failoverPriority: 0, isZoneRedundant: false }]
    capabilities: [{ name: 'EnableServerless' }]
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    backupPolicy: {
      type: 'Continuous'
      continuousModeProperties: { tier: backupTier }
    }
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: account
  name: databaseName
  properties: { resource: { id: databaseName } }
}

resource containerResources 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [
  for c in containers: {
    parent: database
    name: c.name
    properties: {
      resource: {
        id: c.name
        partitionKey: { paths: [c.partitionKey], kind: 'Hash', version: 2 }
        indexingPolicy: {
          indexingMode: 'consistent'
          automatic: true
          includedPaths: [{ path: '/*' }]
          excludedPaths: concat([{ path: '/"_etag"/?' }], map(c.excludedPaths, p => { path: p }))
        }
      }
    }
  }
]

// Cosmos DB Built-in Data Contributor: read and write items, no account or container management.
var dataContributor = '00000000-0000-0000-0000-000000000002'

resource dataRole 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = {
  parent: account
  name: guid(account.id, identityPrincipalId, dataContributor)
  properties: {
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataContributor}'
    principalId: identityPrincipalId
    scope: account.id
  }
}

// Control-plane operations (role and container changes) for the audit trail in Log Analytics.
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: account
  properties: {
    workspaceId: logAnalyticsId
    logAnalyticsDestinationType: 'Dedicated'
    logs: [{ category: 'ControlPlaneRequests', enabled: true }]
  }
}

output endpoint string = account.properties.documentEndpoint
output name string = account.name
output databaseName string = database.name

// The Functions app on the Flex Consumption plan (Node.js 22, Linux): HTTP API, bot endpoint,
// timers and the tab's static files. Every app setting the code reads is set here (a test
// derives the list from the code); none holds a secret.
param planName string
param appName string
param location string
param tags object
param identityId string
param identityClientId string
param tenantId string
param storageAccountName string
param storageBlobEndpoint string
param deploymentContainerName string
param applicationInsightsConnectionString string
param cosmosEndpoint string
param cosmosDatabaseName string
param entraAppClientId string
@allowed([512, 2048, 4096])
param instanceMemoryMB int
param maximumInstanceCount int
param alwaysReadyHttpInstances int
param graphTimeoutMs int
param graphMaxRetries int
param graphFullResyncDays int
param graphNotificationUrl string
param teamsAppId string
param anonymityThresholdFloor int

// The default host name, known before the site exists: the tab's SSO resource and the API's
// token audience are api://<this host>/<client id>.
var tandemDomain = '${appName}.azurewebsites.net'
var apiAudience = empty(entraAppClientId) ? '' : '${entraAppClientId},api://${tandemDomain}/${entraAppClientId}'

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { tier: 'FlexConsumption', name: 'FC1' }
  properties: { reserved: true }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: [
        // Host storage (timer leases) through the managed identity: no connection string.
        { name: 'AzureWebJobsStorage__accountName', value: storageAccountName }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identityClientId }
        // Telemetry with Entra auth (the component has local auth disabled).
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: applicationInsightsConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identityClientId};Authorization=AAD' }
        // DefaultAzureCredential (Cosmos DB) picks the user-assigned identity by its client id.
        { name: 'AZURE_CLIENT_ID', value: identityClientId }
        { name: 'AZURE_TENANT_ID', value: tenantId }
        { name: 'COSMOS_ENDPOINT', value: cosmosEndpoint }
        { name: 'COSMOS_DATABASE', value: cosmosDatabaseName }
        { name: 'TANDEM_TENANT_ID', value: tenantId }
        // The API accepts v2 access tokens of the Entra app (tab SSO) from this tenant only.
        { name: 'AUTH_ISSUER', value: '${environment().authentication.loginEndpoint}${tenantId}/v2.0' }
        { name: 'AUTH_JWKS_URL', value: '${environment().authentication.loginEndpoint}${tenantId}/discovery/v2.0/keys' }
        { name: 'AUTH_AUDIENCE', value: apiAudience }
        { name: 'AUTH_ALLOWED_TENANTS', value: tenantId }
        // Bot Framework: the managed identity is the bot's identity (no MicrosoftAppPassword).
        { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
        { name: 'MicrosoftAppId', value: identityClientId }
        { name: 'MicrosoftAppTenantId', value: tenantId }
        // Proactive fan-out within Teams' limits (~7 messages/s per conversation, ~50/s per tenant).
        { name: 'BOT_RATE_PER_CONVERSATION', value: '7' }
        { name: 'BOT_RATE_PER_TENANT', value: '50' }
        { name: 'BOT_FANOUT_CONCURRENCY', value: '16' }
        { name: 'BOT_FANOUT_MAX_ATTEMPTS', value: '8' }
        // Microsoft Graph as the Entra app, signed in through its federated credential that trusts
        // the managed identity (no client secret); see docs/deployment.md.
        { name: 'GRAPH_BASE_URL', value: 'https://graph.microsoft.com' }
        { name: 'GRAPH_TENANT_ID', value: tenantId }
        { name: 'GRAPH_CLIENT_ID', value: entraAppClientId }
        { name: 'GRAPH_MANAGED_IDENTITY_CLIENT_ID', value: identityClientId }
        { name: 'GRAPH_TIMEOUT_MS', value: string(graphTimeoutMs) }
        { name: 'GRAPH_MAX_RETRIES', value: string(graphMaxRetries) }
        { name: 'GRAPH_FULL_RESYNC_DAYS', value: string(graphFullResyncDays) }
        // Graph change notifications on programme mailboxes (app/outlook); empty → read-back only.
        { name: 'GRAPH_NOTIFICATION_URL', value: graphNotificationUrl }
        // Installing Tandem for invitees (app/invitee-reach): the manifest id; the catalog id is looked up.
        { name: 'TEAMS_APP_ID', value: teamsAppId }
        // No programme's HR report shows a group smaller than this, whatever its manager sets.
        { name: 'ANONYMITY_THRESHOLD_FLOOR', value: string(anonymityThresholdFloor) }
      ]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
        alwaysReady: alwaysReadyHttpInstances > 0 ? [{ name: 'http', instanceCount: alwaysReadyHttpInstances }] : []
      }
      // Node.js 22 LTS: Node.js 20 reached end of life on 30 April 2026 and Azure Functions
      // support for it ended with it. The code runs on Node.js 20 locally and in CI as well.
      runtime: { name: 'node', version: '22' }
    }
  }
}

// Deployments sign in with Entra ID (az functionapp deployment source config-zip), never with
// publishing passwords.
resource ftp 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: { allow: false }
}

resource scm 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: { allow: false }
}

output id string = site.id
output name string = site.name
output defaultHostName string = site.properties.defaultHostName
output tandemDomain string = tandemDomain

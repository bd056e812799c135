// Tandem in one resource group: the Functions app (Flex Consumption) that serves the API, the bot
// endpoint, the timers and the tab; Cosmos DB serverless; storage; monitoring; the Azure Bot with
// the Teams channel. Everything authenticates with one user-assigned managed identity; no key,
// password or connection string secret is created or stored. See docs/deployment.md.
targetScope = 'resourceGroup'

@description('Short lowercase name used in every resource name (letters and digits).')
@minLength(3)
@maxLength(10)
param baseName string = 'tandem'

@description('Region for everything but the bot (global). It must offer the Flex Consumption plan.')
param location string = resourceGroup().location

@description('Client id of the Entra app registration (tab SSO, API audience, Graph). Empty on the first deployment: infra/scripts/entra-app.sh creates the app from this deployment\'s outputs.')
param entraAppClientId string = ''

@description('Cosmos DB database name (app setting COSMOS_DATABASE).')
param cosmosDatabaseName string = 'tandem'

@description('Point-in-time restore window of Cosmos DB continuous backup (7 days is free of charge).')
@allowed(['Continuous7Days', 'Continuous30Days'])
param cosmosBackupTier string = 'Continuous7Days'

@description('Memory per Functions instance in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Upper bound of Functions instances (cost ceiling).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Always-ready instances for HTTP (0 = scale to zero; 1 avoids cold starts for the tab and bot at a fixed cost).')
@minValue(0)
param alwaysReadyHttpInstances int = 0

@description('Days Log Analytics keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Path of the bot\'s messaging endpoint on the Functions app.')
param botEndpointPath string = 'api/messages'

param graphTimeoutMs int = 30000
param graphMaxRetries int = 8
param graphFullResyncDays int = 7

@description('Public https URL of the Graph change-notification webhook (https://<TANDEM_DOMAIN>/api/graph/notifications); empty: no subscriptions on programme mailboxes, Outlook changes arrive by the scheduled read-back only.')
param graphNotificationUrl string = ''

@description('The Teams app\'s manifest id (TEAMS_APP_ID, written by teamsApp/create): Tandem installs the app for invitees through Graph and looks up the org catalog\'s own id from it. Empty: invitees are reached only once they open Tandem themselves.')
param teamsAppId string = ''

@description('No programme\'s anonymity threshold may be lower (the organisation\'s floor; a works council may agree a higher one).')
@minValue(2)
@maxValue(100)
param anonymityThresholdFloor int = 5

@description('E-mail address of the operators: Application Insights alerts (function failures, booking failures, bot messages given up) go there.')
param alertEmail string

@description('Failed function invocations (HTTP and timers) in 15 minutes that raise an alert.')
@minValue(1)
param alertFunctionFailures int = 5

@description('Failed meeting series bookings in 15 minutes that raise an alert.')
@minValue(1)
param alertBookingFailures int = 3

param tags object = { app: 'tandem' }

// Storage account and Cosmos DB names allow lowercase letters and digits only: a baseName of
// "Tandem" would fail there, so every name is built from the lowercase form.
var base = toLower(baseName)
var suffix = uniqueString(resourceGroup().id, base)
var tenantId = tenant().tenantId
var names = {
  identity: 'id-${base}-${suffix}'
  logs: 'log-${base}-${suffix}'
  insights: 'appi-${base}-${suffix}'
  storage: take('st${base}${suffix}', 24)
  cosmos: 'cosmos-${base}-${suffix}'
  plan: 'plan-${base}-${suffix}'
  functionApp: 'func-${base}-${suffix}'
  bot: 'bot-${base}-${suffix}'
  deploymentContainer: 'app-package'
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: { name: names.identity, location: location, tags: tags }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: names.logs
    applicationInsightsName: names.insights
    location: location
    tags: tags
    retentionInDays: logRetentionDays
    identityPrincipalId: identity.outputs.principalId
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  params: {
    applicationInsightsId: monitoring.outputs.applicationInsightsId
    location: location
    tags: tags
    baseName: base
    alertEmail: alertEmail
    functionFailureThreshold: alertFunctionFailures
    bookingFailureThreshold: alertBookingFailures
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: names.storage
    location: location
    tags: tags
    deploymentContainerName: names.deploymentContainer
    identityPrincipalId: identity.outputs.principalId
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    name: names.cosmos
    location: location
    tags: tags
    databaseName: cosmosDatabaseName
    backupTier: cosmosBackupTier
    identityPrincipalId: identity.outputs.principalId
    logAnalyticsId: monitoring.outputs.logAnalyticsId
  }
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  params: {
    planName: names.plan
    appName: names.functionApp
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    tenantId: tenantId
    storageAccountName: storage.outputs.name
    storageBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: names.deploymentContainer
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    cosmosEndpoint: cosmos.outputs.endpoint
    cosmosDatabaseName: cosmos.outputs.databaseName
    entraAppClientId: entraAppClientId
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    alwaysReadyHttpInstances: alwaysReadyHttpInstances
    graphTimeoutMs: graphTimeoutMs
    graphMaxRetries: graphMaxRetries
    graphFullResyncDays: graphFullResyncDays
    graphNotificationUrl: graphNotificationUrl
    teamsAppId: teamsAppId
    anonymityThresholdFloor: anonymityThresholdFloor
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: names.bot
    tags: tags
    displayName: 'Tandem'
    endpoint: 'https://${functionApp.outputs.defaultHostName}/${botEndpointPath}'
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    tenantId: tenantId
  }
}

// Inputs of the next steps (infra/scripts/entra-app.sh, npm run package, the deployment). Upper-case
// names, so the Agents Toolkit's arm/deploy writes them to the env file under the same names.
output TANDEM_DOMAIN string = functionApp.outputs.defaultHostName
output BOT_ID string = identity.outputs.clientId
output FUNCTION_APP_NAME string = functionApp.outputs.name
output FUNCTION_APP_RESOURCE_ID string = functionApp.outputs.id
output IDENTITY_PRINCIPAL_ID string = identity.outputs.principalId
output COSMOS_ACCOUNT_NAME string = cosmos.outputs.name
output AZURE_TENANT_ID string = tenantId

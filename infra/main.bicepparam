// Parameters for `az deployment group create -f infra/main.bicep -p infra/main.bicepparam`.
// Values come from environment variables so nothing tenant-specific is committed; no secrets exist.
using './main.bicep'

param baseName = readEnvironmentVariable('TANDEM_BASE_NAME', 'tandem')
param entraAppClientId = readEnvironmentVariable('AAD_APP_CLIENT_ID', '')
param cosmosDatabaseName = 'tandem'
param cosmosBackupTier = 'Continuous7Days'
param instanceMemoryMB = 2048
param maximumInstanceCount = 40
param alwaysReadyHttpInstances = int(readEnvironmentVariable('TANDEM_ALWAYS_READY', '0'))
param logRetentionDays = 30
// After the first deployment: https://<TANDEM_DOMAIN>/api/graph/notifications (tandem doctor --notification-url checks it).
param graphNotificationUrl = readEnvironmentVariable('TANDEM_GRAPH_NOTIFICATION_URL', '')
// Written by teamsApp/create before arm/deploy (m365agents.yml): the manifest id, never the catalog id.
param teamsAppId = readEnvironmentVariable('TEAMS_APP_ID', '')
// Required: no default, so a deployment without an operators' address stops instead of alerting no one.
param alertEmail = readEnvironmentVariable('TANDEM_ALERT_EMAIL')

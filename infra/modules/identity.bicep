// The one identity the Function App runs as: storage, Cosmos DB, Application Insights, the bot
// (UserAssignedMSI) and, through a federated credential on the Entra app, Microsoft Graph.
param name string
param location string
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
output tenantId string = identity.properties.tenantId

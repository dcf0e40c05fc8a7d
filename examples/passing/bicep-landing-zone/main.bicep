// A subscription-scope Bicep solution: the tracking deployment is a module of the main template,
// named per location, and its file deploys nothing. The resource group and its storage come from
// modules.
targetScope = 'subscription'

@description('Partner Center tracking id')
param trackingId string = '4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6'
param location string = deployment().location
param resourceGroupName string = 'rg-solution'

module tracking './modules/tracking.bicep' = {
  name: 'pid-${trackingId}-${uniqueString(location)}'
}

resource group 'Microsoft.Resources/resourceGroups@2023-07-01' = {
  name: resourceGroupName
  location: location
}

module storage './modules/storage.bicep' = {
  name: 'storage'
  scope: group
  params: {
    location: location
  }
}

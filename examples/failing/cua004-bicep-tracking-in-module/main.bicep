// A Bicep solution whose tracking deployment sits in a module: Partner Center only attributes a
// tracking deployment the main template makes itself (CUA004 in modules/telemetry.bicep).
param location string = resourceGroup().location

module telemetry './modules/telemetry.bicep' = {
  name: 'telemetry'
}

module storage './modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
  }
}

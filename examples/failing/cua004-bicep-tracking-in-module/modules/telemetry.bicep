resource pid 'Microsoft.Resources/deployments@2021-04-01' = {
  name: 'pid-4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6'
  properties: {
    mode: 'Incremental'
    template: {
      '$schema': 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#'
      contentVersion: '1.0.0.0'
      resources: []
    }
  }
}

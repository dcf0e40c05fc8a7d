resource "azurerm_resource_group" "main" {
  name     = "rg-example"
  location = var.location
}

module "network" {
  source              = "./modules/network"
  resource_group_name = azurerm_resource_group.main.name
  location            = var.location
}

# CUA201: the provider configuration sets no partner_id, so the usage of what it deploys is
# attributed to no partner. `cua-guard fix --tracking-id <GUID>` inserts the line.
terraform {
  backend "azurerm" {}
}

provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "main" {
  name     = "rg-example"
  location = "westeurope"
}

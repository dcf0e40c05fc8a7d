# A child module: it configures no provider (the caller's configuration, with its partner_id,
# is the one its resources use), so it is not a finding.
variable "resource_group_name" {
  type = string
}

variable "location" {
  type = string
}

resource "azurerm_virtual_network" "main" {
  name                = "vnet-example"
  resource_group_name = var.resource_group_name
  location            = var.location
  address_space       = ["10.0.0.0/16"]
}

# A Terraform root module that attributes its usage: every azurerm and azapi provider
# configuration sends the partner id (here from a variable whose default is the registered GUID).
terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
    azapi = {
      source  = "Azure/azapi"
      version = "~> 2.0"
    }
  }
}

provider "azurerm" {
  features {}
  partner_id = var.partner_id
}

provider "azurerm" {
  alias      = "connectivity"
  features {}
  partner_id = var.partner_id
}

provider "azapi" {
  partner_id = var.partner_id
}

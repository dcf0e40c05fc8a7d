# CUA203 (with --tracking-id 4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6): terraform.tfvars overrides
# the variable's default with a GUID that is not the registered one.
provider "azurerm" {
  features {}
  partner_id = var.partner_id
}

variable "partner_id" {
  type    = string
  default = "4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6"
}

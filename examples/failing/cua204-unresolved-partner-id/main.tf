# CUA204 (a notice): the variable has no default and no .tfvars value here; its value comes
# from -var or TF_VAR_partner_id when Terraform runs, so it cannot be checked before.
provider "azurerm" {
  features {}
  partner_id = var.partner_id
}

variable "partner_id" {
  type = string
}

# CUA202: partner_id is neither a GUID nor a Partner Center id (pid-<GUID>-partnercenter):
# the azurerm provider rejects it and `terraform plan` fails.
provider "azurerm" {
  features {}
  partner_id = "contoso-storage-offer"
}

variable "partner_id" {
  description = "The customer usage attribution GUID registered in Partner Center (no pid- prefix)."
  type        = string
  default     = "4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6"
}

variable "location" {
  type    = string
  default = "westeurope"
}

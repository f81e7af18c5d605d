# Adopting an existing account with Terraform 1.14 or later: next to
# adopt.tfquery.hcl, run
#
#   terraform init
#   terraform query -generate-config-out=generated.tf -var='brand_company_id=4294967297'
#   terraform plan      # "N to import, 0 to add, 0 to change, 0 to destroy"
#   terraform apply
#
# terraform query lists every object the list blocks ask for and writes a
# resource block and an import block for each into generated.tf.
terraform {
  required_providers {
    fieldservice = {
      source = "fieldservice/fieldservice"
    }
  }
}

provider "fieldservice" {}

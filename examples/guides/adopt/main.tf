# Step 2 of adopting an existing account: with imports.tf written by the
# discover step, run
#
#   terraform plan -generate-config-out=generated.tf
#   terraform apply
#
# Terraform writes a resource block for every imported object into
# generated.tf and imports them; the next plan is empty.
terraform {
  required_providers {
    fieldservice = {
      source = "fieldservice/fieldservice"
    }
  }
}

provider "fieldservice" {}

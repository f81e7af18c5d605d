# The production ServiceTrade account: one root module, one state. Credentials
# come from the environment (SERVICETRADE_CLIENT_ID and
# SERVICETRADE_CLIENT_SECRET), set by CI from the production account's
# secrets, or by ci/check.sh from the emulator it starts.
terraform {
  required_providers {
    fieldservice = {
      source = "fieldservice/fieldservice"
    }
  }

  # Each account keeps its state apart; ci/check.sh replaces this backend
  # with a temporary local one while it checks the account on the emulator.
  backend "s3" {
    bucket = "example-terraform-state"
    key    = "servicetrade/production.tfstate"
    region = "us-east-1"
  }
}

provider "fieldservice" {}

module "fire_protection" {
  source = "../../modules/fire-protection"

  hook_url = "https://integration.example.com/servicetrade"
}

# The "Key Account" tag was made by hand before this configuration existed:
# the first apply adopts it instead of failing on the existing name. The
# emulator check rehearses the import (seed.yaml holds the tag), so the
# block can stay after the real import: an import of an object already in
# the state does nothing.
import {
  to = module.fire_protection.fieldservice_servicetrade_tag.dispatch["Key Account"]
  id = "7000501"
}

output "region_ids" {
  value = module.fire_protection.region_ids
}

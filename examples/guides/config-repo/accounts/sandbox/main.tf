# The sandbox ServiceTrade account: one root module, one state. Credentials
# come from the environment (SERVICETRADE_CLIENT_ID and
# SERVICETRADE_CLIENT_SECRET), set by CI from the sandbox account's
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
    key    = "servicetrade/sandbox.tfstate"
    region = "us-east-1"
  }
}

provider "fieldservice" {}

module "fire_protection" {
  source = "../../modules/fire-protection"

  hook_url = "https://integration.example.com/sandbox/servicetrade"
}

output "region_ids" {
  value = module.fire_protection.region_ids
}

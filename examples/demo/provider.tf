# The demo runs against the built-in emulator: `make demo` starts it and
# exports the SERVICETRADE_*, KIMOBY_* and KICKSERV_* variables that point
# the provider at it, so no credentials appear here.
terraform {
  required_providers {
    fieldservice = {
      source = "fieldservice/fieldservice"
    }
  }
}

provider "fieldservice" {}

terraform {
  required_providers {
    fieldservice = {
      source = "fieldservice/fieldservice"
    }
  }
}

# Every setting can come from an environment variable instead; secrets
# usually should (SERVICETRADE_CLIENT_SECRET, KIMOBY_API_SECRET,
# KICKSERV_API_TOKEN). Configure only the vendors you use.
provider "fieldservice" {
  servicetrade {
    client_id     = "my-oauth-client"
    client_secret = var.servicetrade_client_secret
  }

  kimoby {
    api_key    = var.kimoby_api_key
    api_secret = var.kimoby_api_secret
  }

  kickserv {
    account   = "acme-fire"
    api_token = var.kickserv_api_token
  }
}

variable "servicetrade_client_secret" {
  type      = string
  sensitive = true
}

variable "kimoby_api_key" {
  type      = string
  sensitive = true
}

variable "kimoby_api_secret" {
  type      = string
  sensitive = true
}

variable "kickserv_api_token" {
  type      = string
  sensitive = true
}

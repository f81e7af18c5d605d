# Onboarding and offboarding staff: one ServiceTrade user per person in
# var.people, with the roles listed for them. Add an entry to onboard
# someone; remove it to offboard them (their user is deactivated and the
# roles granted here are revoked).
terraform {
  required_providers {
    fieldservice = {
      source = "fieldservice/fieldservice"
    }
  }
}

provider "fieldservice" {}

variable "company" {
  description = "Exact name of the account's own company, which employs everyone below."
  type        = string
}

variable "people" {
  description = "Everyone with a ServiceTrade login, by username."
  type = map(object({
    first_name = string
    last_name  = string
    email      = string
    office     = string      # exact name of their home office
    roles      = set(string) # exact role names
    timezone   = optional(string)
  }))
}

variable "initial_passwords" {
  description = "First password of each new user, by username (8 or more characters, with a letter and a digit). Users change it at their first login."
  type        = map(string)
  sensitive   = true
}

data "fieldservice_servicetrade_company" "own" {
  name = var.company
}

data "fieldservice_servicetrade_location" "office" {
  for_each    = toset([for p in var.people : p.office])
  name        = each.key
  office_only = true
}

data "fieldservice_servicetrade_role" "named" {
  for_each = toset(flatten([for p in var.people : p.roles]))
  name     = each.key
}

resource "fieldservice_servicetrade_user" "person" {
  for_each = var.people

  username    = each.key
  first_name  = each.value.first_name
  last_name   = each.value.last_name
  email       = each.value.email
  timezone    = each.value.timezone
  company_id  = data.fieldservice_servicetrade_company.own.id
  location_id = data.fieldservice_servicetrade_location.office[each.value.office].id
  # Sent when the user is created; with Terraform 1.11 or later prefer
  # password_wo, which is never stored in the state.
  password = var.initial_passwords[each.key]

  lifecycle {
    # People change their password after the first login; Terraform cannot
    # read it back, so it never tries to reset it.
    ignore_changes = [password]
  }
}

# One grant per person and role. Roles granted in ServiceTrade by hand are
# left alone.
locals {
  grants = merge([
    for username, p in var.people : {
      for role in p.roles : "${username}/${role}" => { username = username, role = role }
    }
  ]...)
}

resource "fieldservice_servicetrade_user_role" "grant" {
  for_each = local.grants

  user_id = fieldservice_servicetrade_user.person[each.value.username].id
  role_id = data.fieldservice_servicetrade_role.named[each.value.role].id
}

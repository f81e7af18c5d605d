# People and stock: a dispatcher at the Raleigh office with the Account
# Manager role (every new user also holds the account's default role,
# Account Tech, which Terraform leaves alone), and a van warehouse there.
data "fieldservice_servicetrade_location" "raleigh" {
  name        = "Raleigh Office"
  office_only = true
}

data "fieldservice_servicetrade_role" "manager" {
  name = "Account Manager"
}

resource "fieldservice_servicetrade_warehouse" "van_12" {
  name      = "Van 12"
  office_id = data.fieldservice_servicetrade_location.raleigh.id
}

variable "demo_dispatcher_password" {
  description = "First password of the demo dispatcher (8 or more characters, with a letter and a digit)."
  type        = string
  sensitive   = true
  default     = "Demo-Dispatch-2026"
}

resource "fieldservice_servicetrade_user" "dispatcher" {
  username    = "ddispatch"
  first_name  = "Dana"
  last_name   = "Dispatch"
  email       = "dana.dispatch@example.com"
  company_id  = data.fieldservice_servicetrade_company.vendor.id
  location_id = data.fieldservice_servicetrade_location.raleigh.id
  timezone    = "America/New_York"
  password    = var.demo_dispatcher_password
}

resource "fieldservice_servicetrade_user_role" "dispatcher" {
  user_id = fieldservice_servicetrade_user.dispatcher.id
  role_id = data.fieldservice_servicetrade_role.manager.id
}

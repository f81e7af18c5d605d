data "fieldservice_servicetrade_company" "own" {
  name = "Fire Inspection Pros, Inc."
}

data "fieldservice_servicetrade_location" "office" {
  name        = "Raleigh Office"
  office_only = true
}

data "fieldservice_servicetrade_service_line" "sprinklers" {
  abbreviation = "SPRK"
}

# A technician who logs in. The password is write-only: it is sent to
# ServiceTrade but never stored in the plan or the state (Terraform 1.11 or
# later). Increment password_wo_version to send a new password.
variable "tech_password" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "fieldservice_servicetrade_user" "tech" {
  username    = "tterry"
  first_name  = "Terry"
  last_name   = "Tekk"
  email       = "terry@example.com"
  company_id  = data.fieldservice_servicetrade_company.own.id
  location_id = data.fieldservice_servicetrade_location.office.id
  phone       = "919-555-0142"
  timezone    = "America/New_York"

  service_line_ids = [data.fieldservice_servicetrade_service_line.sprinklers.id]

  password_wo         = var.tech_password
  password_wo_version = 1
}

# A salesperson, with Terraform before 1.11: the password is kept in the
# state, marked sensitive.
variable "sales_password" {
  type      = string
  sensitive = true
}

resource "fieldservice_servicetrade_user" "sales" {
  username    = "ssellers"
  first_name  = "Sam"
  last_name   = "Sellers"
  email       = "sam.sellers@example.com"
  company_id  = data.fieldservice_servicetrade_company.own.id
  location_id = data.fieldservice_servicetrade_location.office.id
  is_sales    = true
  details     = "Fire protection sales, Triangle area."
  password    = var.sales_password
}

# ServiceTrade cannot delete users: destroying the resource deactivates the
# user (who keeps the username) and removes it from the state. To keep a
# user managed but unable to log in, set status = "inactive" instead.

data "fieldservice_servicetrade_user" "tech" {
  username = "ttech"
}

data "fieldservice_servicetrade_warehouse" "central" {
  name = "Central Parts Warehouse"
}

# Turn the Dispatch Board's live updates off for the tech. Every value is a
# string: "1" or "0" here.
resource "fieldservice_servicetrade_user_value" "no_clock" {
  user_id = data.fieldservice_servicetrade_user.tech.id
  name    = "disableClock"
  value   = "1"
}

# Preselect a warehouse for the tech (a warehouse id, as a string).
resource "fieldservice_servicetrade_user_value" "warehouse" {
  user_id = data.fieldservice_servicetrade_user.tech.id
  name    = "defaultWarehouse"
  value   = data.fieldservice_servicetrade_warehouse.central.id
}

# The tech's saved search on a list page: search-<page>-index holds a JSON
# object.
resource "fieldservice_servicetrade_user_value" "job_search" {
  user_id = data.fieldservice_servicetrade_user.tech.id
  name    = "search-job-index"
  value   = jsonencode({ status = "scheduled", sort = "date" })
}

# Destroying a resource deletes the value from ServiceTrade (the user
# stays). Read-only values such as lastLogin cannot be managed.

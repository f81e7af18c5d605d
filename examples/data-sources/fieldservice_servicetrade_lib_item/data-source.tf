# By code (unique), by exact name, or by id.
data "fieldservice_servicetrade_lib_item" "flange" {
  code = "CCW-ZF"
}

data "fieldservice_servicetrade_lib_item" "labor" {
  name = "Inspection Labor"
}

# Inactive items are found only on request.
data "fieldservice_servicetrade_lib_item" "retired" {
  code             = "HALON-RCHG"
  include_inactive = true
}

output "flange_cost" {
  value = data.fieldservice_servicetrade_lib_item.flange.cost
}

# A role by its exact name, for the role_id of a user role.
data "fieldservice_servicetrade_role" "manager" {
  name = "Account Manager"
}

# Or by id, when two roles share a name.
data "fieldservice_servicetrade_role" "by_id" {
  id = "4294967302"
}

output "manager_permissions" {
  value = data.fieldservice_servicetrade_role.manager.activities
}

# Every activity (permission) roles can grant.
data "fieldservice_servicetrade_activities" "all" {}

# What each activity a role grants allows.
data "fieldservice_servicetrade_role" "manager" {
  name = "Account Manager"
}

locals {
  activities = { for a in data.fieldservice_servicetrade_activities.all.activities : a.id => a }
}

output "manager_can" {
  value = [for id in data.fieldservice_servicetrade_role.manager.activities : local.activities[id].name if contains(keys(local.activities), id)]
}

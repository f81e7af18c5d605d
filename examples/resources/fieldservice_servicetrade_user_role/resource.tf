# Give a technician the account's manager role as well. The roles the user
# already holds (such as the default role every new user gets) are left
# alone: this resource manages this one role only.
data "fieldservice_servicetrade_user" "terry" {
  username = "ttech"
}

data "fieldservice_servicetrade_role" "manager" {
  name = "Account Manager"
}

resource "fieldservice_servicetrade_user_role" "terry_manager" {
  user_id = data.fieldservice_servicetrade_user.terry.id
  role_id = data.fieldservice_servicetrade_role.manager.id
}

# Declaring the default role a user already holds takes that assignment
# under management (with a warning): destroying this resource then takes
# the default role away from the user.
data "fieldservice_servicetrade_role" "tech" {
  name = "Account Tech"
}

resource "fieldservice_servicetrade_user_role" "terry_tech" {
  user_id = data.fieldservice_servicetrade_user.terry.id
  role_id = data.fieldservice_servicetrade_role.tech.id
}

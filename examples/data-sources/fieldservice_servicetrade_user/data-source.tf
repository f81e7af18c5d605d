# By login name.
data "fieldservice_servicetrade_user" "sales" {
  username = "ssales"
}

# By e-mail address (matched ignoring case); set include_inactive to find
# pending or inactive users too.
data "fieldservice_servicetrade_user" "former" {
  email            = "fran.former@example.com"
  include_inactive = true
}

output "salesperson_id" {
  value = data.fieldservice_servicetrade_user.sales.id
}

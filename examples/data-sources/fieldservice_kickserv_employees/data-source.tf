# Every active employee of the account.
data "fieldservice_kickserv_employees" "active" {
  active = true
}

output "active_employee_usernames" {
  value = [for e in data.fieldservice_kickserv_employees.active.employees : e.username if e.can_login]
}

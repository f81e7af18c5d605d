# Look an employee up by username (case-insensitive)...
data "fieldservice_kickserv_employee" "dana" {
  username = "dana"
}

# ...by email address (fails if several employees share it)...
data "fieldservice_kickserv_employee" "terry" {
  email_address = "terry@example.com"
}

# ...or by employee number.
data "fieldservice_kickserv_employee" "owner" {
  employee_number = 1
}

# Job assignments refer to employees by their internal id.
output "dana_employee_id" {
  value = data.fieldservice_kickserv_employee.dana.employee_id
}

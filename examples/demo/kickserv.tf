# Kickserv: one technician. Destroying it would make it inactive, since
# Kickserv cannot delete employees.
resource "fieldservice_kickserv_employee" "demo" {
  name          = "Demo Technician"
  email_address = "demo.technician@example.com"
  cell_phone    = "512-555-0123"
  city          = "Austin"
  state         = "TX"
}

output "kickserv_employee_number" {
  value = fieldservice_kickserv_employee.demo.id
}

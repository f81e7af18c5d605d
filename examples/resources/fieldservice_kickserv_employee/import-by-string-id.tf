import {
  to = fieldservice_kickserv_employee.technician
  id = "12"
}

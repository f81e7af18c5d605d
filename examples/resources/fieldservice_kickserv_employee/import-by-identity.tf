import {
  to = fieldservice_kickserv_employee.technician
  identity = {
    id = "12"
  }
}

# A technician who only appears on schedules and job assignments.
resource "fieldservice_kickserv_employee" "technician" {
  name          = "Terry Technician"
  email_address = "terry@example.com"
  cell_phone    = "512-555-0101"
  city          = "Austin"
  state         = "TX"

  notify_via_mobile = true
}

# A dispatcher who logs in to Kickserv. The password is write-only: it is
# sent to Kickserv but never stored in the plan or the state (Terraform
# 1.11 or later). Increment password_wo_version to send a new password.
#
# Changing an employee's password also changes that employee's API token:
# never manage the password of the employee whose token the provider uses.
variable "dispatcher_password" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "fieldservice_kickserv_employee" "dispatcher" {
  name      = "Dana Dispatcher"
  username  = "dana"
  can_login = true

  password_wo         = var.dispatcher_password
  password_wo_version = 1
}

# Employees cannot be deleted in Kickserv: destroying this resource makes the
# employee inactive (and removes it from the state). To keep it managed but
# inactive, set active = false instead.

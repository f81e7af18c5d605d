# An employee is imported by its employee number: the number in the
# employee's URL (/employees/12.xml), not the internal employee_id.
# Passwords cannot be read from Kickserv, so they are not imported.
terraform import fieldservice_kickserv_employee.technician 12

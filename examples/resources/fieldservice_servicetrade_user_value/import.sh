# A user value is imported by <user_id>/<name>: here the disableClock value
# of user 4294967297.
terraform import fieldservice_servicetrade_user_value.no_clock 4294967297/disableClock

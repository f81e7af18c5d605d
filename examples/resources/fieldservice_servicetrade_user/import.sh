# A user is imported by its numeric ServiceTrade id. The password cannot be
# read back: importing sets no password (a configured `password` is sent at
# the next apply). Importing an inactive user with status = "active" (the
# default) in the configuration reactivates it.
terraform import fieldservice_servicetrade_user.tech 4294967320

# A role assignment is imported by <user_id>/<role_id>: here role
# 4294967302 of user 4294967297.
terraform import fieldservice_servicetrade_user_role.terry_manager 4294967297/4294967302

# An external id is imported by <entity_type>/<entity_id>/<system_name>:
# here the value the external system named "peachtree" gives company
# 4294967297.
terraform import fieldservice_servicetrade_external_id.hwy55 company/4294967297/peachtree

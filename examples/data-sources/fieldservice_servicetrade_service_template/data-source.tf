# By exact name; fails when no template, or more than one, has it.
data "fieldservice_servicetrade_service_template" "flush" {
  name = "Annual Flush"
}

# By id.
data "fieldservice_servicetrade_service_template" "by_id" {
  id = "4294967302"
}

output "flush_recurrence" {
  value = "every ${data.fieldservice_servicetrade_service_template.flush.interval} ${data.fieldservice_servicetrade_service_template.flush.frequency}"
}

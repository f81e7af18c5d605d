# The value the external system "peachtree" gives a company.
data "fieldservice_servicetrade_external_id" "hwy55" {
  entity_type = "company"
  entity_id   = 4294967297
  system_name = "peachtree"
}

# The other way round: the company that "peachtree" knows as AB-376 (fails
# if no company carries that value).
data "fieldservice_servicetrade_external_id" "ab376" {
  entity_type = "company"
  system_name = "peachtree"
  value       = "AB-376"
}

output "hwy55_peachtree_number" {
  value = data.fieldservice_servicetrade_external_id.hwy55.value
}

output "company_known_as_ab376" {
  value = data.fieldservice_servicetrade_external_id.ab376.entity_id
}

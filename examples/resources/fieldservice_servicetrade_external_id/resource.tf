# The accounting package's code for a lib item (price-book item), recorded
# under an external system registered with Terraform.
resource "fieldservice_servicetrade_external_system" "ledger" {
  name  = "ledger"
  label = "Ledger"
}

data "fieldservice_servicetrade_lib_item" "inspection_labor" {
  code = "LAB-INSP"
}

resource "fieldservice_servicetrade_external_id" "inspection_labor" {
  entity_type = "libitem"
  entity_id   = data.fieldservice_servicetrade_lib_item.inspection_labor.id
  system_name = fieldservice_servicetrade_external_system.ledger.name
  value       = "4100-LAB-INSP"
}

# A customer's number in an external system that already exists in
# ServiceTrade, referred to by its name.
data "fieldservice_servicetrade_company" "hwy55" {
  name = "Hwy 55 Burgers"
}

resource "fieldservice_servicetrade_external_id" "hwy55" {
  entity_type = "company"
  entity_id   = data.fieldservice_servicetrade_company.hwy55.id
  system_name = "peachtree"
  value       = "AB-376"
}

# Destroying either resource removes the value from ServiceTrade (the
# entity and the external system stay).

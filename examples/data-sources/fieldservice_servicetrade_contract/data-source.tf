data "fieldservice_servicetrade_company" "vendor" {
  name = "Emulated Fire Pros, Inc."
}

# By exact name among a vendor's contracts (the API cannot list contracts
# without a vendor, a customer or a job)...
data "fieldservice_servicetrade_contract" "hwy55" {
  name      = "Hwy 55 Contract"
  vendor_id = data.fieldservice_servicetrade_company.vendor.id
}

# ...or by id, which also finds templates.
data "fieldservice_servicetrade_contract" "standard" {
  id = "4294967319"
}

output "hwy55_expires_on" {
  value = data.fieldservice_servicetrade_contract.hwy55.expires_on
}

# A tax group by the code accounting knows it by (exact, case-sensitive).
data "fieldservice_servicetrade_tax_group" "wake" {
  code = "WAKE2021"
}

# Or by exact name, or by id.
data "fieldservice_servicetrade_tax_group" "nyc" {
  name = "NYC Taxes"
}

output "wake_rate_percent" {
  value = data.fieldservice_servicetrade_tax_group.wake.combined_rate * 100
}

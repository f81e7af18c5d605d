# The sales tax rates ServiceTrade estimates for a postal code: none when
# it knows no rate, several when several tax groups cover the code.
data "fieldservice_servicetrade_tax_rates" "manhattan" {
  postal_code = "10001"
}

output "manhattan_rates_percent" {
  value = { for r in data.fieldservice_servicetrade_tax_rates.manhattan.tax_rates : r.tax_group_code => format("%.2f %%", r.combined_rate * 100) }
}

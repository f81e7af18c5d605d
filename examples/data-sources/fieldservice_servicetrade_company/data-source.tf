# By exact name (the API's own filter matches substrings; the data source
# keeps only the exact match and fails if there are none or several).
data "fieldservice_servicetrade_company" "customer" {
  name = "Hwy 55 Burgers"
}

# Or by id, for companies that share a name.
data "fieldservice_servicetrade_company" "by_id" {
  id = "4294967298"
}

output "customer_city" {
  value = data.fieldservice_servicetrade_company.customer.address.city
}

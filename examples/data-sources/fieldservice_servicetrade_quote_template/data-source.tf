# By exact name (the API's own filter matches substrings; the data source
# keeps only the exact match and fails if there are none or several).
data "fieldservice_servicetrade_quote_template" "quarterly" {
  name = "Quarterly Inspection"
}

# Or by id, for templates that share a name.
data "fieldservice_servicetrade_quote_template" "by_id" {
  id = "4294967301"
}

output "quarterly_line_items" {
  value = [for item in data.fieldservice_servicetrade_quote_template.quarterly.items : "${item.quantity} x ${item.description}"]
}

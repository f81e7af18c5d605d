# By exact name; the API cannot filter terms, so all of them are read.
data "fieldservice_servicetrade_terms" "standard" {
  name = "Standard Terms"
}

output "standard_terms_text" {
  value = data.fieldservice_servicetrade_terms.standard.content
}

data "fieldservice_servicetrade_payment_terms" "net30" {
  name = "Net 30"
}

output "net30_id" {
  value = data.fieldservice_servicetrade_payment_terms.net30.id
}

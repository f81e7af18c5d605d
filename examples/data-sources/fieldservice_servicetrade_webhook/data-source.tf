# By exact URL (fails if no webhook, or several, have it).
data "fieldservice_servicetrade_webhook" "accounting" {
  hook_url = "https://integrations.example.com/servicetrade/events"
}

# Or by id.
data "fieldservice_servicetrade_webhook" "by_id" {
  id = "4294967302"
}

output "accounting_webhook_enabled" {
  value = data.fieldservice_servicetrade_webhook.accounting.enabled
}

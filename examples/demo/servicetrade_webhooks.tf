# ServiceTrade pushes every change to this webhook, with job changesets.
resource "fieldservice_servicetrade_webhook" "demo" {
  hook_url           = "https://hooks.example.com/fieldservice-demo/servicetrade"
  include_changesets = true
}

# The accounting system that integrations record external ids under.
# ServiceTrade cannot delete external systems: destroying this only removes
# it from the state.
resource "fieldservice_servicetrade_external_system" "demo" {
  name           = "fieldservice-demo-ledger"
  label          = "Demo Ledger"
  syncable_types = ["invoice"]
}

output "servicetrade_webhook_id" {
  value = fieldservice_servicetrade_webhook.demo.id
}

output "servicetrade_external_system_id" {
  value = fieldservice_servicetrade_external_system.demo.id
}

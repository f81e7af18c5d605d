# A standard external system: its name is the key of the external ids that
# integrations record (/externalid/{entity}/{id}/acme-ledger).
resource "fieldservice_servicetrade_external_system" "ledger" {
  name           = "acme-ledger"
  label          = "Acme Ledger"
  syncable_types = ["invoice", "job"]
}

# A QuickBooks system: ServiceTrade computes its syncable types, so they are
# not set here.
resource "fieldservice_servicetrade_external_system" "quickbooks" {
  name  = "quickbooks-online"
  label = "QuickBooks Online"
  type  = "quickbooks"
}

# ServiceTrade cannot delete external systems: `terraform destroy` only
# removes them from the state, with a warning, and they stay in ServiceTrade.

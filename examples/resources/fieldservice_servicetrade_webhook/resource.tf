# Every change to jobs, appointments, invoices and the other notifying
# entities is POSTed to this URL, with the changed fields of jobs and job
# items.
resource "fieldservice_servicetrade_webhook" "accounting" {
  hook_url           = "https://integrations.example.com/servicetrade/events"
  include_changesets = true
}

# A second webhook, created disabled: it receives nothing until enabled.
resource "fieldservice_servicetrade_webhook" "staging" {
  hook_url = "https://staging.example.com/servicetrade/events"
  enabled  = false
}

# `confirmed` is false in the state right after creation; the next refresh
# records ServiceTrade's confirmation without planning any change.

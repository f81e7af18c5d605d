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

# A webhook replaced with each release of its receiver, the new one created
# before the old one is deleted so that no event is missed. Meanwhile both
# have the same hook URL, so each event arrives twice; Terraform refuses a
# second webhook with the same hook URL unless allow_duplicate is true.
resource "terraform_data" "receiver_release" {
  input = "2024-06"
}

resource "fieldservice_servicetrade_webhook" "receiver" {
  hook_url        = "https://receiver.example.com/servicetrade/events"
  allow_duplicate = true

  lifecycle {
    create_before_destroy = true
    replace_triggered_by  = [terraform_data.receiver_release]
  }
}

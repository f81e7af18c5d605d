# Kimoby POSTs every event (messages created or updated, customers
# unsubscribed or resubscribed) to this https endpoint.
resource "fieldservice_kimoby_webhook" "events" {
  url = "https://hooks.example.com/kimoby/events"

  # Change this value to rotate the signing key: the webhook is replaced by a
  # new one, with a new id and a new authentication_key.
  rotate_key = "2024-06"

  # Rotate without a gap in deliveries: the new webhook is created before the
  # old one is deleted. Meanwhile both have the same url, so each event
  # arrives twice, signed with either key (the receiver must accept both
  # keys, or ignore the repeat). Terraform refuses a second webhook with the
  # same url unless allow_duplicate is true.
  allow_duplicate = true

  lifecycle {
    create_before_destroy = true
  }
}

# The key signs every delivery (X-Kimoby-Signature); hand it to the receiver.
output "kimoby_webhook_key" {
  value     = fieldservice_kimoby_webhook.events.authentication_key
  sensitive = true
}

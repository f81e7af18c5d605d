# Look a webhook up by its exact url...
data "fieldservice_kimoby_webhook" "by_url" {
  url = "https://hooks.example.com/kimoby/events"
}

# ...or by its id.
data "fieldservice_kimoby_webhook" "by_id" {
  id = "WH487d9d59d5511879e2eda871b5cac50c"
}

output "kimoby_webhook_created_at" {
  value = data.fieldservice_kimoby_webhook.by_url.created_at
}

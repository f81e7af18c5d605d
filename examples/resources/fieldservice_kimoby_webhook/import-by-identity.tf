import {
  to = fieldservice_kimoby_webhook.events
  identity = {
    id = "WH487d9d59d5511879e2eda871b5cac50c"
  }
}

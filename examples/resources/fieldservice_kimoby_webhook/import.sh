# Import a Kimoby webhook by its id. Kimoby never returns the
# authentication_key after creation, so it is null in state after an import.
terraform import fieldservice_kimoby_webhook.events WH487d9d59d5511879e2eda871b5cac50c

company = "Emulated Fire Pros, Inc."

people = {
  "jsmith" = {
    first_name = "Jo"
    last_name  = "Smith"
    email      = "jo.smith@example.com"
    office     = "Raleigh Office"
    roles      = ["Account Tech"]
  }
  "pchen" = {
    first_name = "Pat"
    last_name  = "Chen"
    email      = "pat.chen@example.com"
    office     = "Charlotte Satellite Office"
    roles      = ["Account Tech", "Account Manager"]
    timezone   = "America/New_York"
  }
}

# In a real repository, keep passwords out of Git: set them with
# TF_VAR_initial_passwords, or read them from a secret store.
initial_passwords = {
  "jsmith" = "Welcome-2026-js"
  "pchen"  = "Welcome-2026-pc"
}

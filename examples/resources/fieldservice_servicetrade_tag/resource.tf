# A tag that users and integrations attach to locations, jobs, contracts
# and other entities. Tag names are unique in the account, ignoring case:
# if a tag of that name already exists, the create fails with the way to
# import it (ServiceTrade's create would otherwise hand over the existing
# tag silently).
resource "fieldservice_servicetrade_tag" "after_hours" {
  name = "After Hours Access"
}

# Renaming a tag changes it in place: every entity keeps it.
resource "fieldservice_servicetrade_tag" "key_account" {
  name = "Key Account"
}

# Destroying a tag deletes it from ServiceTrade, which removes it from every
# entity it is attached to, including those tagged outside Terraform.
# Guard the tags that many entities carry:
resource "fieldservice_servicetrade_tag" "mall" {
  name = "Mall"

  lifecycle {
    prevent_destroy = true
  }
}

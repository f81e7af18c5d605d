# The combined sales tax of Wake County, NC (7.25 %), for the postal codes
# it applies to. ServiceTrade uses tax groups when the account's sales tax
# source is "taxgroup".
resource "fieldservice_servicetrade_tax_group" "wake" {
  code          = "WAKE2024"
  name          = "Wake County"
  state         = "NC"
  combined_rate = 0.0725 # a decimal fraction: 7.25 %
  postal_codes  = ["27513", "27601", "27603", "27607"]
}

# Postal codes are strings, so that leading zeros stay. Every attribute,
# the code included, changes in place; the postal codes are replaced as a
# whole on every update.
resource "fieldservice_servicetrade_tax_group" "boston" {
  code          = "BOS"
  name          = "Boston"
  state         = "MA"
  combined_rate = 0.0625
  postal_codes  = ["02108", "02109", "02110", "02111", "02113"]
}

# By exact name (the API's own filter matches substrings; the data source
# keeps only the exact match and fails if there are none or several).
data "fieldservice_servicetrade_region" "triangle" {
  name = "Triangle"
}

# Or by id.
data "fieldservice_servicetrade_region" "by_id" {
  id = "4294967301"
}

output "triangle_offices" {
  value = data.fieldservice_servicetrade_region.triangle.office_ids
}

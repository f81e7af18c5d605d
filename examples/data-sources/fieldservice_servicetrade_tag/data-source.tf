# A tag by name (the whole name, ignoring case)...
data "fieldservice_servicetrade_tag" "mall" {
  name = "mall"
}

# ...or by id.
data "fieldservice_servicetrade_tag" "by_id" {
  id = "4294967302"
}

output "mall_tag_id" {
  value = data.fieldservice_servicetrade_tag.mall.id
}

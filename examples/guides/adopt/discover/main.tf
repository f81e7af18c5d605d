# Step 1 of adopting an existing account: list what is there and write one
# import block per object. Run `terraform apply` here (it only reads), then
# `terraform output -raw import_blocks > ../imports.tf`.
terraform {
  required_providers {
    fieldservice = {
      source = "fieldservice/fieldservice"
    }
  }
}

provider "fieldservice" {}

# Brands belong to a company: name the companies whose brands you adopt, for
# instance with -var='brand_companies=["Hwy 55 Burgers"]'.
variable "brand_companies" {
  description = "Exact names of the companies whose brands are adopted."
  type        = set(string)
  default     = []
}

data "fieldservice_servicetrade_regions" "all" {}
data "fieldservice_servicetrade_webhooks" "all" {}
data "fieldservice_servicetrade_quote_templates" "all" {}
data "fieldservice_servicetrade_external_systems" "all" {}
data "fieldservice_servicetrade_lib_items" "all" {}
data "fieldservice_servicetrade_terms_list" "all" {}
data "fieldservice_servicetrade_tax_groups" "all" {}
data "fieldservice_servicetrade_tags" "all" {}
data "fieldservice_servicetrade_service_templates" "all" {}
data "fieldservice_servicetrade_warehouses" "all" {} # active ones; status = "all" adds the inactive

data "fieldservice_servicetrade_company" "brand_owner" {
  for_each = var.brand_companies
  name     = each.key
}

data "fieldservice_servicetrade_brands" "of" {
  for_each   = data.fieldservice_servicetrade_company.brand_owner
  company_id = each.value.id
}

locals {
  # Resource names must be valid identifiers: derive them from the ids,
  # which never change (rename them in the generated file later if you like).
  imports = concat(
    [for r in data.fieldservice_servicetrade_regions.all.regions :
    { to = "fieldservice_servicetrade_region.region_${r.id}", id = r.id }],
    [for w in data.fieldservice_servicetrade_webhooks.all.webhooks :
    { to = "fieldservice_servicetrade_webhook.webhook_${w.id}", id = w.id }],
    [for q in data.fieldservice_servicetrade_quote_templates.all.quote_templates :
    { to = "fieldservice_servicetrade_quote_template.quote_template_${q.id}", id = q.id }],
    [for s in data.fieldservice_servicetrade_external_systems.all.external_systems :
    { to = "fieldservice_servicetrade_external_system.external_system_${s.id}", id = s.id }],
    [for l in data.fieldservice_servicetrade_lib_items.all.lib_items :
    { to = "fieldservice_servicetrade_lib_item.lib_item_${l.id}", id = l.id }],
    [for t in data.fieldservice_servicetrade_terms_list.all.terms_list :
    { to = "fieldservice_servicetrade_terms.terms_${t.id}", id = t.id }],
    [for g in data.fieldservice_servicetrade_tax_groups.all.tax_groups :
    { to = "fieldservice_servicetrade_tax_group.tax_group_${g.id}", id = g.id }],
    [for t in data.fieldservice_servicetrade_tags.all.tags :
    { to = "fieldservice_servicetrade_tag.tag_${t.id}", id = t.id }],
    [for t in data.fieldservice_servicetrade_service_templates.all.service_templates :
    { to = "fieldservice_servicetrade_service_template.service_template_${t.id}", id = t.id }],
    [for w in data.fieldservice_servicetrade_warehouses.all.warehouses :
    { to = "fieldservice_servicetrade_warehouse.warehouse_${w.id}", id = w.id }],
    flatten([for company in data.fieldservice_servicetrade_brands.of : [for b in company.brands :
    { to = "fieldservice_servicetrade_brand.brand_${b.id}", id = b.import_id }]]),
  )
}

output "import_blocks" {
  description = "One import block per existing object, ready for -generate-config-out."
  value = join("\n", [for i in local.imports : <<-EOT
    import {
      to = ${i.to}
      id = "${i.id}"
    }
  EOT
  ])
}

output "count" {
  value = length(local.imports)
}

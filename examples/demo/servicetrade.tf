# Sales regions of a fire-protection contractor in the Carolinas.
locals {
  regions = {
    "Triangle" = {
      color = "#ff9000"
      points = [
        { lat = 36.10, lon = -79.10 },
        { lat = 36.10, lon = -78.40 },
        { lat = 35.60, lon = -78.40 },
        { lat = 35.60, lon = -79.10 },
      ]
    }
    "Charlotte Metro" = {
      color = "#1e90ff"
      points = [
        { lat = 35.50, lon = -81.10 },
        { lat = 35.50, lon = -80.50 },
        { lat = 35.00, lon = -80.50 },
        { lat = 35.00, lon = -81.10 },
      ]
    }
    "Lowcountry" = {
      color = null
      points = [
        { lat = 33.20, lon = -80.30 },
        { lat = 33.10, lon = -79.70 },
        { lat = 32.60, lon = -79.80 },
        { lat = 32.70, lon = -80.40 },
      ]
    }
  }
}

resource "fieldservice_servicetrade_region" "sales" {
  for_each = local.regions

  name   = each.key
  color  = each.value.color
  points = each.value.points
}

output "servicetrade_region_ids" {
  description = "Region ids by name."
  value       = { for name, r in fieldservice_servicetrade_region.sales : name => r.id }
}

data "fieldservice_servicetrade_location" "raleigh" {
  name        = "Raleigh Office"
  office_only = true
}

resource "fieldservice_servicetrade_region" "triangle" {
  name  = "Triangle"
  color = "#ff9000"

  # At least three points, in order; the polygon closes itself.
  points = [
    { lat = 36.10, lon = -79.10 },
    { lat = 36.10, lon = -78.40 },
    { lat = 35.60, lon = -78.40 },
    { lat = 35.60, lon = -79.10 },
  ]

  office_ids = [data.fieldservice_servicetrade_location.raleigh.id]
}

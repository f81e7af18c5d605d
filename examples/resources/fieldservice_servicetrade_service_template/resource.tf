data "fieldservice_servicetrade_service_line" "alarm" {
  name = "Fire Alarm"
}

data "fieldservice_servicetrade_user" "terry" {
  username = "ttech"
}

# A quarterly alarm inspection on the 1st Tuesday of every third month,
# about two hours long, preferably done by Terry.
resource "fieldservice_servicetrade_service_template" "quarterly_alarm" {
  name               = "Quarterly Alarm Inspection"
  description        = "Inspect and test every alarm panel, pull station and horn strobe"
  service_line_id    = data.fieldservice_servicetrade_service_line.alarm.id
  frequency          = "monthly"
  interval           = 3
  repeat_weekday     = true
  duration           = 7200 # seconds
  estimated_price    = 350
  preferred_tech_ids = [data.fieldservice_servicetrade_user.terry.id]
}

# An annual service with only what ServiceTrade requires: no price,
# duration or preferred technicians (null in ServiceTrade).
resource "fieldservice_servicetrade_service_template" "annual_alarm" {
  name            = "Annual Alarm Certification"
  description     = "Yearly certification of the alarm system"
  service_line_id = data.fieldservice_servicetrade_service_line.alarm.id
  frequency       = "yearly"
  interval        = 1
}

package validationtest_test

// The fieldservice_servicetrade_service_template rows of the shared table.

const serviceTemplate = "fieldservice_servicetrade_service_template"

// serviceTemplateRequired are the attributes ServiceTrade requires on
// create, valid.
const serviceTemplateRequired = `name = "t"
  description = "d"
  service_line_id = 4294967302`

func init() {
	invalidConfigs = append(invalidConfigs,
		invalid{serviceTemplate, "no description", `name = "t"
  service_line_id = 4294967302`, text(`The argument "description" is required, but no definition was found.`)},
		invalid{serviceTemplate, "no service line", `name = "t"
  description = "d"`, text(`The argument "service_line_id" is required, but no definition was found.`)},
		invalid{serviceTemplate, "empty name", `name = ""
  description = "d"
  service_line_id = 4294967302`, text(`Attribute name string length must be at least 1, got: 0`)},
		invalid{serviceTemplate, "empty description", `name = "t"
  description = ""
  service_line_id = 4294967302`, text(`Attribute description string length must be at least 1, got: 0`)},
		invalid{serviceTemplate, "zero service line", `name = "t"
  description = "d"
  service_line_id = 0`, text(`Attribute service_line_id value must be at least 1, got: 0`)},
		invalid{serviceTemplate, "negative price", serviceTemplateRequired + `
  estimated_price = -1.5`, re(`Attribute estimated_price value must be at least 0\.0+, got: -1\.50*`)},
		invalid{serviceTemplate, "negative duration", serviceTemplateRequired + `
  duration = -60`, text(`Attribute duration value must be at least 0, got: -60`)},
		invalid{serviceTemplate, "zero tech", serviceTemplateRequired + `
  preferred_tech_ids = [0]`, re(`Attribute preferred_tech_ids\[Value\(0\)\] value must be at least 1, got: 0`)},
		invalid{serviceTemplate, "zero vendor", serviceTemplateRequired + `
  preferred_vendor_id = 0`, text(`Attribute preferred_vendor_id value must be at least 1, got: 0`)},
		invalid{serviceTemplate, "unknown frequency", serviceTemplateRequired + `
  frequency = "hourly"`, text(`Attribute frequency value must be one of: ["daily" "weekly" "monthly" "yearly"], got: "hourly".`)},
		invalid{serviceTemplate, "quarterly frequency (returned, not taken)", serviceTemplateRequired + `
  frequency = "quarterly"`, text(`ServiceTrade returns "quarterly" for templates made in its application but does not take it: set frequency = "monthly" and interval = 3`)},
		invalid{serviceTemplate, "semiannually frequency (returned, not taken)", serviceTemplateRequired + `
  frequency = "semiannually"`, text(`set frequency = "monthly" and interval = 6`)},
		invalid{serviceTemplate, "zero interval", serviceTemplateRequired + `
  interval = 0`, text(`Attribute interval value must be at least 1, got: 0`)},
		invalid{serviceTemplate, "repeat_weekday on a yearly template", serviceTemplateRequired + `
  frequency = "yearly"
  repeat_weekday = true`, text(`repeat_weekday = true ties a monthly recurrence to a weekday (the 3rd Friday); ServiceTrade applies it only when frequency is "monthly", and frequency is "yearly".`)},
		invalid{serviceTemplate, "repeat_weekday without frequency", serviceTemplateRequired + `
  repeat_weekday = true`, text(`and frequency is left out. Set frequency = "monthly", or remove repeat_weekday.`)},
	)
	malformedImports = append(malformedImports,
		malformed{serviceTemplate, "Quarterly Inspection", re(`Invalid import ID for fieldservice_servicetrade_service_template.*a ServiceTrade service template id is a positive whole number such as 4294967297, got "Quarterly Inspection"`)},
		malformed{serviceTemplate, "0", text(`a ServiceTrade service template id is a positive whole number such as 4294967297, got "0"`)},
		malformed{serviceTemplate, "4294967297/4294967302", text(`a ServiceTrade service template id is a positive whole number such as 4294967297, got "4294967297/4294967302"`)},
	)
	validBodies[serviceTemplate] = serviceTemplateRequired
}

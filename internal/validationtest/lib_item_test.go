package validationtest_test

// The fieldservice_servicetrade_lib_item rows of the shared table.

const libItem = "fieldservice_servicetrade_lib_item"

func init() {
	validBodies[libItem] = `name = "Widget"` + "\n  " + `type = "part"`
	invalidConfigs = append(invalidConfigs,
		invalid{libItem, "no type", `name = "Widget"`, text(`The argument "type" is required, but no definition was found.`)},
		invalid{libItem, "capitalised type", `name = "Widget"
  type = "Part"`, re(`Attribute type value must be one of: \[.*"part".*\], got: "Part"`)},
		invalid{libItem, "empty name", `name = ""
  type = "part"`, text(`Attribute name string length must be at least 1, got: 0`)},
		invalid{libItem, "code over 100 characters", `name = "Widget"
  type = "part"
  code = "` + long101 + `"`, text(`Attribute code string length must be between 1 and 100, got: 101`)},
		invalid{libItem, "empty code", `name = "Widget"
  type = "part"
  code = ""`, text(`Attribute code string length must be between 1 and 100, got: 0`)},
		invalid{libItem, "zero service line id", `name = "Widget"
  type = "part"
  service_line_id = 0`, text(`Attribute service_line_id value must be at least 1, got: 0`)},
		invalid{libItem, "negative company id", `name = "Widget"
  type = "part"
  company_id = -5`, text(`Attribute company_id value must be at least 1, got: -5`)},
		invalid{libItem, "cost as text", `name = "Widget"
  type = "part"
  cost = "cheap"`, text(`Inappropriate value for attribute "cost": a number is required.`)},
	)
	malformedImports = append(malformedImports,
		malformed{libItem, "WDGT-L", re(`Invalid import ID for fieldservice_servicetrade_lib_item.*a ServiceTrade lib item id is a positive whole number such as 4294967297, got "WDGT-L"`)},
		malformed{libItem, "0", text(`a ServiceTrade lib item id is a positive whole number such as 4294967297, got "0"`)},
		malformed{libItem, "4294967297/1", text(`a ServiceTrade lib item id is a positive whole number such as 4294967297, got "4294967297/1"`)},
	)
}

// long101 is a code one character over the documented maximum.
const long101 = "CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC"

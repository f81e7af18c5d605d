package validationtest_test

// The fieldservice_servicetrade_warehouse rows of the shared table.

const warehouse = "fieldservice_servicetrade_warehouse"

func init() {
	validBodies[warehouse] = `name = "Van 12"`
	invalidConfigs = append(invalidConfigs,
		invalid{warehouse, "no name", `office_id = 5`, text(`The argument "name" is required, but no definition was found.`)},
		invalid{warehouse, "empty name", `name = ""`, text(`Attribute name must not be blank`)},
		invalid{warehouse, "blank name", `name = "   "`, text(`Attribute name must not be blank`)},
		invalid{warehouse, "unknown status", `name = "Van 12"
  status = "closed"`, re(`Attribute status value must be one of: \["active" "inactive"\], got: "closed"`)},
		invalid{warehouse, "status all (a list filter only)", `name = "Van 12"
  status = "all"`, re(`Attribute status value must be one of: \["active" "inactive"\], got: "all"`)},
		invalid{warehouse, "zero office id", `name = "Van 12"
  office_id = 0`, text(`Attribute office_id value must be at least 1, got: 0`)},
		invalid{warehouse, "office id as text", `name = "Van 12"
  office_id = "main"`, text(`Inappropriate value for attribute "office_id": a number is required.`)},
	)
	malformedImports = append(malformedImports,
		malformed{warehouse, "Van 12", re(`Invalid import ID for fieldservice_servicetrade_warehouse.*a ServiceTrade warehouse id is a positive whole number such as 4294967297, got "Van 12"`)},
		malformed{warehouse, "0", text(`a ServiceTrade warehouse id is a positive whole number such as 4294967297, got "0"`)},
		malformed{warehouse, "4294967297/1", text(`a ServiceTrade warehouse id is a positive whole number such as 4294967297, got "4294967297/1"`)},
	)
}

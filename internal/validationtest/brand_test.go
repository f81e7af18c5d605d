package validationtest_test

// The ServiceTrade brand's cases.
const stBrand = "fieldservice_servicetrade_brand"

func init() {
	invalidConfigs = append(invalidConfigs,
		invalid{stBrand, "no company", `name = "Brand X"`, text(`The argument "company_id" is required, but no definition was found.`)},
		invalid{stBrand, "no name", `company_id = 4294967297`, text(`The argument "name" is required, but no definition was found.`)},
		invalid{stBrand, "zero company id", `company_id = 0
  name       = "Brand X"`, text(`Attribute company_id value must be at least 1, got: 0`)},
		invalid{stBrand, "empty name", `company_id = 4294967297
  name       = ""`, text(`Attribute name string length must be at least 1, got: 0`)},
		invalid{stBrand, "empty display name", `company_id   = 4294967297
  name         = "Brand X"
  display_name = ""`, text(`Attribute display_name string length must be at least 1, got: 0`)},
		invalid{stBrand, "empty web site", `company_id = 4294967297
  name       = "Brand X"
  web_site   = ""`, text(`Attribute web_site string length must be at least 1, got: 0`)},
		invalid{stBrand, "empty details", `company_id = 4294967297
  name       = "Brand X"
  details    = ""`, text(`Attribute details string length must be at least 1, got: 0`)},
		invalid{stBrand, "zero logo id", `company_id = 4294967297
  name       = "Brand X"
  logo_id    = 0`, text(`Attribute logo_id value must be at least 1, got: 0`)},
	)
	malformedImports = append(malformedImports,
		malformed{stBrand, "4294967310", re(`Invalid import ID for fieldservice_servicetrade_brand.*the import ID of a brand is "<company_id>/<brand_id>", such as "4294967301/4294967310"; got "4294967310"`)},
		malformed{stBrand, "4294967301/acme", text(`a ServiceTrade brand id is a positive whole number`)},
		malformed{stBrand, "acme/4294967310", text(`a ServiceTrade company id is a positive whole number`)},
	)
	validBodies[stBrand] = "company_id = 4294967297\n  name = \"Brand X\""
}

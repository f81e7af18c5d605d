package validationtest_test

// stTerms is the ServiceTrade terms resource.
const stTerms = "fieldservice_servicetrade_terms"

func init() {
	invalidConfigs = append(invalidConfigs,
		invalid{stTerms, "no name", `content = "x"`, text(`The argument "name" is required, but no definition was found.`)},
		invalid{stTerms, "no content", `name = "x"`, text(`The argument "content" is required, but no definition was found.`)},
		invalid{stTerms, "empty name", `name = ""
  content = "x"`, text(`Attribute name must not be blank, got: `)},
		invalid{stTerms, "blank name", `name = "   "
  content = "x"`, text(`Attribute name must not be blank`)},
		invalid{stTerms, "blank content", `name = "x"
  content = "\n\t"`, text(`Attribute content must not be blank`)},
		invalid{stTerms, "allow_duplicate not a bool", `name = "x"
  content = "y"
  allow_duplicate = "sometimes"`, text(`Inappropriate value for attribute "allow_duplicate": a bool is required.`)},
	)
	malformedImports = append(malformedImports,
		malformed{stTerms, "Standard Terms", re(`Invalid import ID for fieldservice_servicetrade_terms.*a ServiceTrade terms id is a positive whole number such as 4294967297, got "Standard Terms"`)},
		malformed{stTerms, "0", text(`a ServiceTrade terms id is a positive whole number such as 4294967297, got "0"`)},
		malformed{stTerms, "4294967297/2", text(`a ServiceTrade terms id is a positive whole number such as 4294967297, got "4294967297/2"`)},
	)
	validBodies[stTerms] = `name = "Job Terms"` + "\n  " + `content = "Payment is due on completion."`
}

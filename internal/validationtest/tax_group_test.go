package validationtest_test

import "strings"

const taxGroup = "fieldservice_servicetrade_tax_group"

// taxGroupBody is a valid tax group's arguments, but for overrides, which
// replace the argument of the same name ("" leaves it out).
func taxGroupBody(overrides map[string]string) string {
	args := map[string]string{"code": `"WAKE"`, "name": `"Wake County"`, "state": `"NC"`, "combined_rate": "0.0725"}
	for k, v := range overrides {
		args[k] = v
	}
	var lines []string
	for _, k := range []string{"code", "name", "state", "combined_rate", "postal_codes", "allow_duplicate"} {
		if v, ok := args[k]; ok && v != "" {
			lines = append(lines, k+" = "+v)
		}
	}
	return strings.Join(lines, "\n  ")
}

func init() {
	invalidConfigs = append(invalidConfigs,
		invalid{taxGroup, "no code", taxGroupBody(map[string]string{"code": ""}), text(`The argument "code" is required, but no definition was found.`)},
		invalid{taxGroup, "code of 41 characters", taxGroupBody(map[string]string{"code": `"` + strings.Repeat("Ü", 41) + `"`}),
			text(`Attribute code UTF-8 character count must be between 1 and 40, got: 41`)},
		invalid{taxGroup, "empty code", taxGroupBody(map[string]string{"code": `""`}), text(`Attribute code UTF-8 character count must be between 1 and 40, got: 0`)},
		invalid{taxGroup, "name of 101 characters", taxGroupBody(map[string]string{"name": `"` + strings.Repeat("n", 101) + `"`}),
			text(`Attribute name UTF-8 character count must be between 1 and 100, got: 101`)},
		invalid{taxGroup, "empty state", taxGroupBody(map[string]string{"state": `""`}), text(`Attribute state string length must be at least 1, got: 0`)},
		invalid{taxGroup, "rate as a percentage", taxGroupBody(map[string]string{"combined_rate": "8.5"}),
			re(`Attribute combined_rate value must be between 0\.0+ and 1\.0+, got: 8\.50*`)},
		invalid{taxGroup, "negative rate", taxGroupBody(map[string]string{"combined_rate": "-0.01"}),
			re(`Attribute combined_rate value must be between 0\.0+ and 1\.0+, got: -0\.010*`)},
		invalid{taxGroup, "rate not a number", taxGroupBody(map[string]string{"combined_rate": `"8.5%"`}),
			text(`Inappropriate value for attribute "combined_rate": a number is required.`)},
		invalid{taxGroup, "empty postal code", taxGroupBody(map[string]string{"postal_codes": `["27513", ""]`}),
			re(`Attribute postal_codes\[Value\(""\)\] string length must be at least 1, got: 0`)},
	)
	malformedImports = append(malformedImports,
		malformed{taxGroup, "WAKE2021", re(`Invalid import ID for fieldservice_servicetrade_tax_group.*a ServiceTrade tax group id is a positive whole number such as 4294967297, got "WAKE2021"`)},
		malformed{taxGroup, "0", text(`a ServiceTrade tax group id is a positive whole number such as 4294967297, got "0"`)},
		malformed{taxGroup, "5060/1", text(`a ServiceTrade tax group id is a positive whole number such as 4294967297, got "5060/1"`)},
	)
	validBodies[taxGroup] = taxGroupBody(nil)
}

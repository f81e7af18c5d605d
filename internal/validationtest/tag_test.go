package validationtest_test

// The ServiceTrade tag's cases.
const stTag = "fieldservice_servicetrade_tag"

func init() {
	invalidConfigs = append(invalidConfigs,
		invalid{stTag, "no name", ``, text(`The argument "name" is required, but no definition was found.`)},
		invalid{stTag, "empty name", `name = ""`, text(`Attribute name string length must be at least 1, got: 0`)},
		invalid{stTag, "leading white space", `name = " Mall"`, text(`Attribute name must not be blank, nor start or end with white space, got: Mall`)},
		invalid{stTag, "trailing white space", `name = "Mall\n"`, text(`Attribute name must not be blank, nor start or end with white space`)},
		invalid{stTag, "blank name", `name = "   "`, text(`Attribute name must not be blank, nor start or end with white space`)},
		invalid{stTag, "name not a string", `name = ["Mall"]`, text(`Inappropriate value for attribute "name": string required.`)},
	)
	// Not an id, so taken as a name; no tag has it.
	malformedImports = append(malformedImports,
		malformed{stTag, "no such tag", re(`Invalid import ID for fieldservice_servicetrade_tag.*no ServiceTrade tag has the name "no such tag" \(the match is exact but ignores case\).*The import id is the numeric id or the name of the tag\.`)},
		malformed{stTag, "0", re(`no ServiceTrade tag has the name "0".*The import id is the numeric id or the name of the tag\.`)},
		malformed{stTag, "-7", re(`no ServiceTrade tag has the name "-7".*The import id is the numeric id or the name of the tag\.`)},
	)
	validBodies[stTag] = `name = "Validation Tag"`
}

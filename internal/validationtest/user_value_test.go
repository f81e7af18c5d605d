package validationtest_test

// The ServiceTrade user value's cases.
const stUserValue = "fieldservice_servicetrade_user_value"

func init() {
	const valid = `user_id = 4294967297
  name    = "disableClock"
  value   = "1"`
	// body is a configuration with that name and value (HCL).
	body := func(name, value string) string {
		return "user_id = 4294967297\n  name    = " + name + "\n  value   = " + value
	}
	const settable = `settable names are disableClock, search-<page>-index (where <page> names a list page: letters and digits, ` +
		`words joined by - or _), defaultWarehouse, defaultEnRouteItem, defaultJobPrepItem and defaultOnSiteItem`
	invalidConfigs = append(invalidConfigs,
		invalid{stUserValue, "no value", `user_id = 4294967297
  name    = "disableClock"`, text(`The argument "value" is required, but no definition was found.`)},
		invalid{stUserValue, "no user", `name  = "disableClock"
  value = "1"`, text(`The argument "user_id" is required, but no definition was found.`)},
		invalid{stUserValue, "zero user id", `user_id = 0
  name    = "disableClock"
  value   = "1"`, text(`Attribute user_id value must be at least 1, got: 0`)},
		invalid{stUserValue, "read-only lastLogin", body(`"lastLogin"`, `"2024-05-01"`),
			text(`Attribute name: "lastLogin" is a read-only ServiceTrade user value: ServiceTrade sets it, and the API cannot create, change or delete it, so Terraform cannot manage it. The ` + settable + `.`)},
		invalid{stUserValue, "read-only dismissedWelcome", body(`"dismissedWelcome"`, `"1"`),
			text(`Attribute name: "dismissedWelcome" is a read-only ServiceTrade user value`)},
		invalid{stUserValue, "read-only newQuotesUi", body(`"newQuotesUi"`, `"1"`),
			text(`Attribute name: "newQuotesUi" is a read-only ServiceTrade user value`)},
		invalid{stUserValue, "unknown name", body(`"favouriteColour"`, `"red"`),
			text(`Attribute name: "favouriteColour" is not a settable ServiceTrade user value name: the ` + settable + `.`)},
		invalid{stUserValue, "name in another case", body(`"DisableClock"`, `"1"`),
			text(`Attribute name: "DisableClock" is not a settable ServiceTrade user value name`)},
		invalid{stUserValue, "the reference's pattern itself", body(`"search-*-index"`, `"{}"`),
			text(`Attribute name: "search-*-index" is not a settable ServiceTrade user value name`)},
		invalid{stUserValue, "search name without a page", body(`"search--index"`, `"{}"`),
			text(`Attribute name: "search--index" is not a settable ServiceTrade user value name`)},
		invalid{stUserValue, "search name with a space", body(`"search-job list-index"`, `"{}"`),
			text(`Attribute name: "search-job list-index" is not a settable ServiceTrade user value name`)},
		invalid{stUserValue, "search name with a slash", body(`"search-job/list-index"`, `"{}"`),
			text(`Attribute name: "search-job/list-index" is not a settable ServiceTrade user value name`)},
		invalid{stUserValue, "empty value", body(`"defaultOnSiteItem"`, `""`),
			text(`Attribute value string length must be at least 1, got: 0`)},
		invalid{stUserValue, "disableClock not 1 or 0", body(`"disableClock"`, `"2"`),
			text(`Attribute value: disableClock is "1" (Dispatch Board live-updates disabled) or "0", got "2".`)},
		invalid{stUserValue, "disableClock as a boolean", body(`"disableClock"`, `true`),
			text(`Attribute value: disableClock is "1" (Dispatch Board live-updates disabled) or "0", got "true".`)},
		invalid{stUserValue, "search parameters not a JSON object", body(`"search-job-index"`, `jsonencode(["open"])`),
			text(`Attribute value: search-job-index holds search parameters as a JSON object (use jsonencode({ … })), got "[\"open\"]".`)},
		invalid{stUserValue, "search parameters not JSON", body(`"search-job-index"`, `"status=open"`),
			text(`Attribute value: search-job-index holds search parameters as a JSON object`)},
		invalid{stUserValue, "defaultWarehouse not an id", body(`"defaultWarehouse"`, `"Main"`),
			text(`Attribute value: defaultWarehouse is a warehouse id, a positive whole number such as "4294967297", got "Main".`)},
		invalid{stUserValue, "defaultWarehouse zero", body(`"defaultWarehouse"`, `"0"`),
			text(`Attribute value: defaultWarehouse is a warehouse id`)},
	)
	malformedImports = append(malformedImports,
		malformed{stUserValue, "4294967297", re(`Invalid import ID for fieldservice_servicetrade_user_value.*the import ID of a user value is "<user_id>/<name>", such as "4294967297/disableClock" \(the name is one of the settable user value names\); got "4294967297"`)},
		malformed{stUserValue, "disableClock", text(`the import ID of a user value is "<user_id>/<name>"`)},
		malformed{stUserValue, "4294967297/search-job/list-index", text(`the import ID of a user value is "<user_id>/<name>"`)},
		malformed{stUserValue, "tech/disableClock", text(`in import ID "tech/disableClock" ("<user_id>/<name>"): a ServiceTrade user id is a positive whole number such as 4294967297, got "tech"`)},
		malformed{stUserValue, "4294967297/lastLogin", text(`in import ID "4294967297/lastLogin" ("<user_id>/<name>"): "lastLogin" is a read-only ServiceTrade user value: ServiceTrade sets it, and the API cannot create, change or delete it, so Terraform cannot manage it.`)},
		malformed{stUserValue, "4294967297/favouriteColour", text(`in import ID "4294967297/favouriteColour" ("<user_id>/<name>"): "favouriteColour" is not a settable ServiceTrade user value name`)},
		malformed{stUserValue, "4294967297/", text(`in import ID "4294967297/" ("<user_id>/<name>"): "" is not a settable ServiceTrade user value name`)},
	)
	validBodies[stUserValue] = valid
}

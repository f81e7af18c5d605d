package validationtest_test

// The fieldservice_servicetrade_user rows of the shared table.

const stUser = "fieldservice_servicetrade_user"

// userBody is a valid user but for the lines added.
func userBody(lines string) string {
	return `username = "geordi"
  first_name = "Geordi"
  last_name = "La Forge"
  email = "geordi@example.com"
  company_id = 4294967297
  location_id = 4294967298
  ` + lines
}

func init() {
	validBodies[stUser] = userBody(`password = "tribbles123"`)
	invalidConfigs = append(invalidConfigs,
		invalid{stUser, "no username", `first_name = "a"
  last_name = "b"
  email = "c"
  company_id = 1
  location_id = 1
  password = "tribbles123"`, text(`The argument "username" is required, but no definition was found.`)},
		invalid{stUser, "blank first name", `username = "u"
  first_name = " "
  last_name = "b"
  email = "c"
  company_id = 1
  location_id = 1
  password = "tribbles123"`, text(`Attribute first_name must not be blank`)},
		invalid{stUser, "no password on create", userBody(""), text(`ServiceTrade needs a password to create a user: set password (or password_wo, with Terraform 1.11 or later)`)},
		invalid{stUser, "password too short", userBody(`password = "Short1"`),
			text(`Attribute password must be at least 8 characters long and include at least one letter and at least one digit; the value given is shorter than 8 characters`)},
		invalid{stUser, "password without a digit", userBody(`password = "NoDigitsHere"`), text(`the value given has no digit`)},
		invalid{stUser, "password without a letter", userBody(`password = "1234567890"`), text(`the value given has no letter`)},
		invalid{stUser, "write-only password too short", userBody(`password_wo = "abc1"`), text(`Attribute password_wo must be at least 8 characters long`)},
		invalid{stUser, "both passwords", userBody(`password = "tribbles123"
  password_wo = "tribbles123"`), re(`Attribute "password(_wo)?" cannot be specified when "password(_wo)?" is specified`)},
		invalid{stUser, "password version without password_wo", userBody(`password = "tribbles123"
  password_wo_version = 2`), text(`Attribute "password_wo" must be specified when "password_wo_version" is specified`)},
		invalid{stUser, "unknown time zone", userBody(`password = "tribbles123"
  timezone = "Mars/Olympus_Mons"`), text(`Attribute timezone must be an IANA time zone name such as "America/New_York" or "Europe/Paris" (names are case-sensitive), got: "Mars/Olympus_Mons"`)},
		invalid{stUser, "time zone in lower case", userBody(`password = "tribbles123"
  timezone = "europe/paris"`), text(`got: "europe/paris"`)},
		invalid{stUser, "shadow status", userBody(`password = "tribbles123"
  status = "shadow"`), text(`Attribute status cannot be "shadow": ServiceTrade reserves that status for system users`)},
		invalid{stUser, "unknown status", userBody(`password = "tribbles123"
  status = "deleted"`), re(`Attribute status value must be one of: \["active" "inactive" "pending"\], got: "deleted"`)},
		invalid{stUser, "zero company id", `username = "u"
  first_name = "a"
  last_name = "b"
  email = "c"
  company_id = 0
  location_id = 1
  password = "tribbles123"`, text(`Attribute company_id value must be at least 1, got: 0`)},
		invalid{stUser, "zero location id", `username = "u"
  first_name = "a"
  last_name = "b"
  email = "c"
  company_id = 1
  location_id = 0
  password = "tribbles123"`, text(`Attribute location_id value must be at least 1, got: 0`)},
		invalid{stUser, "zero service line id", userBody(`password = "tribbles123"
  service_line_ids = [0]`), re(`Attribute service_line_ids\[Value\(0\)\] value must be at least 1, got: 0`)},
		invalid{stUser, "empty details", userBody(`password = "tribbles123"
  details = ""`), text(`Attribute details string length must be at least 1, got: 0`)},
		invalid{stUser, "company id as text", `username = "u"
  first_name = "a"
  last_name = "b"
  email = "c"
  company_id = "vendor"
  location_id = 1
  password = "tribbles123"`, text(`Inappropriate value for attribute "company_id": a number is required.`)},
	)
	malformedImports = append(malformedImports,
		malformed{stUser, "geordi", re(`Invalid import ID for fieldservice_servicetrade_user.*a ServiceTrade user id is a positive whole number such as 4294967297, got "geordi"`)},
		malformed{stUser, "0", text(`a ServiceTrade user id is a positive whole number such as 4294967297, got "0"`)},
		malformed{stUser, "4294967297/1", text(`a ServiceTrade user id is a positive whole number such as 4294967297, got "4294967297/1"`)},
	)
}

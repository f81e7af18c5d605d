package validationtest_test

// The ServiceTrade user role's cases.
const stUserRole = "fieldservice_servicetrade_user_role"

func init() {
	invalidConfigs = append(invalidConfigs,
		invalid{stUserRole, "no user", `role_id = 4294967302`, text(`The argument "user_id" is required, but no definition was found.`)},
		invalid{stUserRole, "no role", `user_id = 4294967297`, text(`The argument "role_id" is required, but no definition was found.`)},
		invalid{stUserRole, "zero user id", `user_id = 0
  role_id = 4294967302`, text(`Attribute user_id value must be at least 1, got: 0`)},
		invalid{stUserRole, "negative role id", `user_id = 4294967297
  role_id = -11`, text(`Attribute role_id value must be at least 1, got: -11`)},
		invalid{stUserRole, "role by name", `user_id = 4294967297
  role_id = "Account Tech"`, text(`Inappropriate value for attribute "role_id": a number is required.`)},
	)
	malformedImports = append(malformedImports,
		malformed{stUserRole, "4294967297", re(`Invalid import ID for fieldservice_servicetrade_user_role.*the import ID of a user role is "<user_id>/<role_id>", such as "4294967297/4294967302"; got "4294967297"`)},
		malformed{stUserRole, "4294967297/4294967302/1", text(`the import ID of a user role is "<user_id>/<role_id>"`)},
		malformed{stUserRole, "4294967297/Account Tech", text(`in import ID "4294967297/Account Tech" ("<user_id>/<role_id>"): a ServiceTrade role id is a positive whole number such as 4294967297, got "Account Tech"`)},
		malformed{stUserRole, "0/4294967302", text(`in import ID "0/4294967302" ("<user_id>/<role_id>"): a ServiceTrade user id is a positive whole number such as 4294967297, got "0"`)},
	)
	validBodies[stUserRole] = `user_id = 4294967297
  role_id = 4294967302`
}

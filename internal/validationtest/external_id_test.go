package validationtest_test

// The ServiceTrade external id's cases.
const stExternalID = "fieldservice_servicetrade_external_id"

func init() {
	const valid = `entity_type = "company"
  entity_id   = 4294967297
  system_name = "peachtree"
  value       = "AB-376"`
	invalidConfigs = append(invalidConfigs,
		invalid{stExternalID, "no value", `entity_type = "company"
  entity_id   = 4294967297
  system_name = "peachtree"`, text(`The argument "value" is required, but no definition was found.`)},
		invalid{stExternalID, "unknown entity type", `entity_type = "ticket"
  entity_id   = 4294967297
  system_name = "peachtree"
  value       = "AB-376"`, re(`Attribute entity_type value must be one of: \["asset" "company" "contact" "contract" "deficiency" "location" "job" "jobitem" "libitem" "quote" "user"\], got: "ticket"`)},
		invalid{stExternalID, "capitalised entity type", `entity_type = "LibItem"
  entity_id   = 4294967297
  system_name = "peachtree"
  value       = "AB-376"`, text(`Attribute entity_type value must be one of:`)},
		invalid{stExternalID, "zero entity id", `entity_type = "company"
  entity_id   = 0
  system_name = "peachtree"
  value       = "AB-376"`, text(`Attribute entity_id value must be at least 1, got: 0`)},
		invalid{stExternalID, "entity id not a number", `entity_type = "company"
  entity_id   = "acme"
  system_name = "peachtree"
  value       = "AB-376"`, text(`Inappropriate value for attribute "entity_id": a number is required.`)},
		invalid{stExternalID, "empty system name", `entity_type = "company"
  entity_id   = 4294967297
  system_name = ""
  value       = "AB-376"`, text(`Attribute system_name string length must be at least 1, got: 0`)},
		invalid{stExternalID, "system name with a slash", `entity_type = "company"
  entity_id   = 4294967297
  system_name = "sage/timberline"
  value       = "AB-376"`, text(`Attribute system_name must not contain "/" (the system name is a segment of the API path and of the import ID), got: sage/timberline`)},
		invalid{stExternalID, "empty value", `entity_type = "company"
  entity_id   = 4294967297
  system_name = "peachtree"
  value       = ""`, text(`Attribute value string length must be at least 1, got: 0`)},
	)
	malformedImports = append(malformedImports,
		malformed{stExternalID, "company/4294967297", re(`Invalid import ID for fieldservice_servicetrade_external_id.*the import ID of an external id is "<entity_type>/<entity_id>/<system_name>", such as "company/4294967297/peachtree" \(the system is the external system's name\); got "company/4294967297"`)},
		malformed{stExternalID, "4294967297", text(`the import ID of an external id is "<entity_type>/<entity_id>/<system_name>"`)},
		malformed{stExternalID, "company/4294967297/sage/timberline", text(`the import ID of an external id is "<entity_type>/<entity_id>/<system_name>"`)},
		malformed{stExternalID, "ticket/4294967297/peachtree", re(`in import ID "ticket/4294967297/peachtree" \("<entity_type>/<entity_id>/<system_name>"\): the entity type is one of asset, company, contact, contract, deficiency, location, job, jobitem, libitem, quote, user, got "ticket"`)},
		malformed{stExternalID, "company/acme/peachtree", text(`in import ID "company/acme/peachtree" ("<entity_type>/<entity_id>/<system_name>"): a ServiceTrade entity id is a positive whole number such as 4294967297, got "acme"`)},
		malformed{stExternalID, "company/4294967297/", text(`in import ID "company/4294967297/" ("<entity_type>/<entity_id>/<system_name>"): the system name is the name of a ServiceTrade external system, got ""`)},
	)
	validBodies[stExternalID] = valid
}

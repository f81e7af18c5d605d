package provider_test

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
)

// listCasesVendors are the TestList_protocol cases of this group's list
// resources.
var listCasesVendors = []listCase{
	{
		typeName: "fieldservice_kimoby_webhook", vendor: "kimoby", name: "url",
		create: func(tag string, i int, _ int64) map[string]tftypes.Value {
			return map[string]tftypes.Value{"url": acctest.StrVal(fmt.Sprintf("https://example.com/%s/%d", tag, i))}
		},
		filter: func(tag string, _ int64) map[string]tftypes.Value {
			return map[string]tftypes.Value{"url": acctest.StrVal("/" + tag + "/")}
		},
		// The url filter is case-sensitive.
		others: func(tag string, _ int64) map[string]tftypes.Value {
			return map[string]tftypes.Value{"url": acctest.StrVal("/" + strings.ToUpper(tag) + "/")}
		},
	},
	// Active employees: listed by default (the name filter ignores case),
	// not with active = false.
	{
		typeName: "fieldservice_kickserv_employee", vendor: "kickserv", name: "name",
		create: func(tag string, i int, _ int64) map[string]tftypes.Value {
			return map[string]tftypes.Value{"name": acctest.StrVal(fmt.Sprintf("%s %d", tag, i))}
		},
		filter: func(tag string, _ int64) map[string]tftypes.Value {
			return map[string]tftypes.Value{"name": acctest.StrVal(strings.ToUpper(tag))}
		},
		others: func(tag string, _ int64) map[string]tftypes.Value {
			return map[string]tftypes.Value{"name": acctest.StrVal(tag), "active": acctest.BoolVal(false)}
		},
	},
	// Inactive employees (what a destroy leaves): listed with active =
	// false, not by default.
	{
		typeName: "fieldservice_kickserv_employee", vendor: "kickserv", name: "name",
		create: func(tag string, i int, _ int64) map[string]tftypes.Value {
			return map[string]tftypes.Value{"name": acctest.StrVal(fmt.Sprintf("%s %d", tag, i)), "active": acctest.BoolVal(false)}
		},
		filter: func(tag string, _ int64) map[string]tftypes.Value {
			return map[string]tftypes.Value{"name": acctest.StrVal(tag), "active": acctest.BoolVal(false)}
		},
		others: func(tag string, _ int64) map[string]tftypes.Value {
			return map[string]tftypes.Value{"name": acctest.StrVal(tag)}
		},
	},
}

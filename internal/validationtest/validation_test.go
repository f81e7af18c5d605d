// Package validationtest_test proves, for every resource of the provider,
// that documented constraints are checked at plan time with an error naming
// the attribute, and that a malformed import id is refused with a message
// saying what the id looks like. It is one table, so that a resource added
// without cases fails TestEveryResourceHasCases.
package validationtest_test

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync/atomic"
	"testing"

	fwprovider "github.com/hashicorp/terraform-plugin-framework/provider"
	fwresource "github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/provider"
)

// Resource types, as in configurations.
const (
	region            = "fieldservice_servicetrade_region"
	stWebhook         = "fieldservice_servicetrade_webhook"
	externalSystem    = "fieldservice_servicetrade_external_system"
	quoteTemplate     = "fieldservice_servicetrade_quote_template"
	quoteTemplateItem = "fieldservice_servicetrade_quote_template_item"
	contract          = "fieldservice_servicetrade_contract"
	contractRule      = "fieldservice_servicetrade_contract_rule"
	kimobyWebhook     = "fieldservice_kimoby_webhook"
	employee          = "fieldservice_kickserv_employee"
)

// points is a valid region boundary.
const points = `points = [{ lat = 1, lon = 1 }, { lat = 2, lon = 2 }, { lat = 3, lon = 1 }]`

// invalid is a configuration of one resource that plan must refuse.
type invalid struct {
	resourceType string
	// what is wrong, for the test log.
	what string
	// body is the resource block's arguments.
	body string
	want *regexp.Regexp
}

// text matches a literal message, whatever Terraform's line wrapping.
func text(s string) *regexp.Regexp { return acctest.ErrorText(s) }

// re matches a pattern in which every space matches any white space.
func re(pattern string) *regexp.Regexp {
	return regexp.MustCompile(`(?s)` + strings.ReplaceAll(pattern, " ", `\s+`))
}

var invalidConfigs = []invalid{
	// ServiceTrade region.
	{region, "no name", points, text(`The argument "name" is required, but no definition was found.`)},
	{region, "empty name", `name = ""
  ` + points, text(`Attribute name string length must be at least 1, got: 0`)},
	{region, "two points", `name = "r"
  points = [{ lat = 1, lon = 1 }, { lat = 2, lon = 2 }]`, text(`Attribute points list must contain at least 3 elements, got: 2`)},
	{region, "latitude out of range", `name = "r"
  points = [{ lat = 91, lon = 1 }, { lat = 2, lon = 2 }, { lat = 3, lon = 1 }]`, re(`Attribute points\[0\]\.lat value must be between -90\.0+ and 90\.0+, got: 91\.0+`)},
	{region, "longitude out of range", `name = "r"
  points = [{ lat = 1, lon = 1 }, { lat = 2, lon = -180.5 }, { lat = 3, lon = 1 }]`, re(`Attribute points\[1\]\.lon value must be between -180\.0+ and 180\.0+, got: -180\.50*`)},
	{region, "closed polygon", `name = "r"
  points = [{ lat = 1, lon = 1 }, { lat = 2, lon = 2 }, { lat = 3, lon = 1 }, { lat = 1, lon = 1 }]`,
		text(`Attribute points must not end with its first point (1, 1): ServiceTrade closes the polygon itself. Remove the last point.`)},
	{region, "named color", `name = "r"
  color = "red"
  ` + points, text(`Attribute color must be an HTML hex color such as "#ff9000" or "#000", got: red`)},
	{region, "four-digit hex color", `name = "r"
  color = "#abcd"
  ` + points, text(`Attribute color must be an HTML hex color`)},
	{region, "zero office id", `name = "r"
  office_ids = [0]
  ` + points, re(`Attribute office_ids\[Value\(0\)\] value must be at least 1, got: 0`)},

	// ServiceTrade webhook.
	{stWebhook, "ftp hook", `hook_url = "ftp://hooks.example.com/x"`,
		text(`hook_url must be an absolute URL with scheme http or https, got "ftp://hooks.example.com/x".`)},
	{stWebhook, "relative hook", `hook_url = "hooks.example.com/x"`,
		text(`hook_url must be an absolute URL with scheme http or https, got "hooks.example.com/x".`)},
	{stWebhook, "empty hook", `hook_url = ""`, text(`hook_url must be an absolute URL with scheme http or https, got "".`)},
	{stWebhook, "hook without host", `hook_url = "https:///no-host"`,
		text(`hook_url must be an absolute URL with scheme http or https, got "https:///no-host".`)},
	{stWebhook, "enabled not a bool", `hook_url = "https://hooks.example.com/x"
  enabled = "maybe"`, text(`Inappropriate value for attribute "enabled": a bool is required.`)},

	// ServiceTrade external system.
	{externalSystem, "unknown type", `name = "x"
  label = "X"
  type = "sap"`, text(`Attribute type value must be one of: ["standard" "quickbooks" "intacct" "nearbynow" "dcspectrum" "fattmerchant"], got: "sap"`)},
	{externalSystem, "unknown syncable type", `name = "x"
  label = "X"
  syncable_types = ["bill"]`, text(`Attribute syncable_types[Value("bill")] value must be one of: ["invoice" "job"], got: "bill"`)},
	{externalSystem, "syncable types of a computed type", `name = "x"
  label = "X"
  type = "quickbooks"
  syncable_types = ["invoice"]`, text(`syncable_types can only be set when type is "standard"; ServiceTrade computes it for type "quickbooks".`)},
	{externalSystem, "empty name", `name = ""
  label = "X"`, text(`Attribute name string length must be at least 1, got: 0`)},
	{externalSystem, "empty label", `name = "x"
  label = ""`, text(`Attribute label string length must be at least 1, got: 0`)},

	// ServiceTrade quote template.
	{quoteTemplate, "empty name", `name = ""`, text(`Attribute name string length must be at least 1, got: 0`)},
	{quoteTemplate, "empty description", `name = "t"
  description = ""`, text(`Attribute description string length must be at least 1, got: 0`)},
	{quoteTemplate, "zero company", `name = "t"
  company_id = 0`, text(`Attribute company_id value must be at least 1, got: 0`)},
	{quoteTemplate, "negative terms", `name = "t"
  terms_id = -3`, text(`Attribute terms_id value must be at least 1, got: -3`)},
	{quoteTemplate, "force_delete not a bool", `name = "t"
  force_delete = "always"`, text(`Inappropriate value for attribute "force_delete": a bool is required.`)},

	// ServiceTrade quote template item.
	{quoteTemplateItem, "neither description nor lib item", `quote_template_id = 4294967297
  quantity = 1`, text(`At least one of these attributes must be configured: [description,lib_item_id]`)},
	{quoteTemplateItem, "zero quantity", `quote_template_id = 4294967297
  description = "Labor"
  quantity = 0`, text(`Attribute quantity must be greater than 0, got: 0`)},
	{quoteTemplateItem, "negative quantity", `quote_template_id = 4294967297
  description = "Labor"
  quantity = -1.5`, text(`Attribute quantity must be greater than 0, got: -1.5`)},
	{quoteTemplateItem, "zero template", `quote_template_id = 0
  description = "Labor"
  quantity = 1`, text(`Attribute quote_template_id value must be at least 1, got: 0`)},
	{quoteTemplateItem, "empty description", `quote_template_id = 4294967297
  lib_item_id = 4294967300
  description = ""
  quantity = 1`, text(`Attribute description string length must be at least 1, got: 0`)},
	{quoteTemplateItem, "zero lib item", `quote_template_id = 4294967297
  lib_item_id = 0
  quantity = 1`, text(`Attribute lib_item_id value must be at least 1, got: 0`)},
	{quoteTemplateItem, "zero service line", `quote_template_id = 4294967297
  description = "Labor"
  service_line_id = 0
  quantity = 1`, text(`Attribute service_line_id value must be at least 1, got: 0`)},

	// ServiceTrade contract.
	{contract, "default without vendor", `name = "c"
  type = "default"`, re(`vendor_id is required.*A default contract needs vendor_id`)},
	{contract, "company without customer", `name = "c"
  type = "company"
  vendor_id = 4294967297`, re(`customer_id is required.*A company contract needs customer_id`)},
	{contract, "template with vendor", `name = "c"
  type = "template"
  vendor_id = 4294967297`, text(`vendor_id is not allowed for template contracts`)},
	{contract, "default with customer", `name = "c"
  type = "default"
  vendor_id = 4294967297
  customer_id = 4294967299`, text(`ServiceTrade only takes a customer on company contracts, not on default ones.`)},
	{contract, "template with location", `name = "c"
  type = "template"
  location_id = 4294967299`, text(`location_id is only allowed for company contracts`)},
	{contract, "quote contract", `name = "c"
  type = "quote"`, re(`Attribute type value must be one of: \["default" "company" "template"\], got: "quote"`)},
	{contract, "US date", `name = "c"
  type = "template"
  starts_on = "03/01/2026"`, text(`Attribute starts_on must be a date or a timestamp: "03/01/2026" is neither a date such as 2026-01-31 nor an RFC 3339 timestamp`)},
	{contract, "timestamp without zone", `name = "c"
  type = "template"
  expires_on = "2026-03-01T15:04:05"`, text(`Attribute expires_on must be a date or a timestamp`)},
	{contract, "quote level on invoices", `name = "c"
  type = "template"
  invoice_detail_level = ["by_type"]`, re(`Attribute invoice_detail_level\[Value\("by_type"\)\] value must be one of`)},
	{contract, "invoice level on quotes", `name = "c"
  type = "template"
  quote_detail_level = ["items_by_type"]`, re(`Attribute quote_detail_level\[Value\("items_by_type"\)\] value must be one of`)},
	{contract, "zero owner", `name = "c"
  type = "template"
  owner_id = 0`, text(`Attribute owner_id value must be at least 1, got: 0`)},
	{contract, "empty customer po", `name = "c"
  type = "template"
  customer_po = ""`, text(`Attribute customer_po string length must be at least 1, got: 0`)},
	{contract, "empty name", `name = ""
  type = "template"`, text(`Attribute name string length must be at least 1, got: 0`)},

	// ServiceTrade contract rule.
	{contractRule, "unknown type", `contract_id = 4294967301
  type = "discount"
  name = "r"`, re(`Attribute type value must be one of: \[.*"unit".*\], got: "discount"`)},
	{contractRule, "additional charge without service line", `contract_id = 4294967301
  type = "additionalcharge"
  name = "r"
  lib_item_ids = [4294967300]`, re(`service_line_id is required for additionalcharge rules.*An additionalcharge rule charges per service line: set service_line_id\.`)},
	{contractRule, "additional charge without lib items", `contract_id = 4294967301
  type = "additionalcharge"
  name = "r"
  service_line_id = 4294967302
  lib_item_ids = []`, re(`lib_item_ids is required for additionalcharge rules.*set lib_item_ids to at least one lib item id\.`)},
	{contractRule, "service line on a unit rule", `contract_id = 4294967301
  type = "unit"
  name = "r"
  service_line_id = 4294967302`, text(`ServiceTrade only takes a service line on additionalcharge rules, not on unit rules. Remove service_line_id.`)},
	{contractRule, "fractional threshold on a unit rule", `contract_id = 4294967301
  type = "unit"
  name = "r"
  threshold = 2.5`, text(`The threshold of a unit rule is a quantity, a whole number; got 2.5. Only markup rules take a decimal threshold.`)},
	{contractRule, "zero lib item", `contract_id = 4294967301
  type = "unit"
  name = "r"
  lib_item_ids = [0]`, re(`Attribute lib_item_ids\[Value\(0\)\] value must be at least 1, got: 0`)},
	{contractRule, "zero contract", `contract_id = 0
  type = "unit"
  name = "r"`, text(`Attribute contract_id value must be at least 1, got: 0`)},
	{contractRule, "empty name", `contract_id = 4294967301
  type = "unit"
  name = ""`, text(`Attribute name string length must be at least 1, got: 0`)},

	// Kimoby webhook.
	{kimobyWebhook, "http url", `url = "http://hooks.example.com/plain"`,
		text(`url must be an absolute URL with scheme https, got "http://hooks.example.com/plain".`)},
	{kimobyWebhook, "ftp url", `url = "ftp://hooks.example.com/file"`,
		text(`url must be an absolute URL with scheme https, got "ftp://hooks.example.com/file".`)},
	{kimobyWebhook, "url without scheme", `url = "hooks.example.com/no-scheme"`,
		text(`url must be an absolute URL with scheme https, got "hooks.example.com/no-scheme".`)},
	{kimobyWebhook, "url without host", `url = "https://"`, text(`url must be an absolute URL with scheme https, got "https://".`)},
	{kimobyWebhook, "empty url", `url = ""`, text(`url must be an absolute URL with scheme https, got "".`)},

	// Kickserv employee.
	{employee, "empty name", `name = ""`, text(`Attribute name string length must be at least 1, got: 0`)},
	{employee, "blank name", `name = "   "`, text(`Attribute name must not be blank`)},
	{employee, "empty username", `name = "x"
  username = ""`, text(`Attribute username string length must be at least 1, got: 0`)},
	{employee, "empty zip code", `name = "x"
  zip_code = ""`, text(`Attribute zip_code string length must be at least 1, got: 0`)},
	{employee, "login without username", `name = "x"
  can_login = true
  password = "secret-1"`, text(`A Kickserv employee with can_login = true needs a username.`)},
	{employee, "empty password", `name = "x"
  password = ""`, text(`Attribute password string length must be at least 1, got: 0`)},
	{employee, "both passwords", `name = "x"
  password = "a-password"
  password_wo = "b-password"`, re(`Attribute "password(_wo)?" cannot be specified when "password(_wo)?" is specified`)},
	{employee, "version without write-only password", `name = "x"
  password_wo_version = 1`, re(`Attribute "password_wo" must be specified when "password_wo_version" is specified`)},
}

// malformed is an import id that terraform import must refuse, for a
// resource declared with a valid configuration.
type malformed struct {
	resourceType string
	id           string
	want         *regexp.Regexp
}

// validBodies are valid configurations, which terraform import needs.
var validBodies = map[string]string{
	region:            `name = "r"` + "\n  " + points,
	stWebhook:         `hook_url = "https://hooks.example.com/import"`,
	externalSystem:    `name = "x"` + "\n  " + `label = "X"`,
	quoteTemplate:     `name = "t"`,
	quoteTemplateItem: "quote_template_id = 4294967297\n  description = \"Labor\"\n  quantity = 1",
	contract:          `name = "c"` + "\n  " + `type = "template"`,
	contractRule:      "contract_id = 4294967301\n  type = \"unit\"\n  name = \"r\"",
	kimobyWebhook:     `url = "https://hooks.example.com/import"`,
	employee:          `name = "x"`,
}

var malformedImports = []malformed{
	{region, "north", re(`Invalid import ID for fieldservice_servicetrade_region.*a ServiceTrade region id is a positive whole number such as 4294967297, got "north"`)},
	{region, "0", text(`a ServiceTrade region id is a positive whole number such as 4294967297, got "0"`)},
	{region, "12/34", text(`a ServiceTrade region id is a positive whole number such as 4294967297, got "12/34"`)},

	{stWebhook, "https://hooks.example.com/x", re(`Invalid import ID for fieldservice_servicetrade_webhook.*a ServiceTrade webhook id is a positive whole number such as 4294967297, got "https://hooks\.example\.com/x"`)},
	{stWebhook, "-7", text(`a ServiceTrade webhook id is a positive whole number such as 4294967297, got "-7"`)},

	// Not an id, so taken as a name; no system has it.
	{externalSystem, "no such system", re(`Invalid import ID for fieldservice_servicetrade_external_system.*no ServiceTrade external system has the name "no such system".*The import id is the numeric id or the exact name of the external system\.`)},
	{externalSystem, "0", re(`no ServiceTrade external system has the name "0".*The import id is the numeric id or the exact name`)},

	{quoteTemplate, "4294967297/4294967302", re(`Invalid import ID for fieldservice_servicetrade_quote_template.*a ServiceTrade quote template id is a positive whole number such as 4294967297, got "4294967297/4294967302"`)},
	{quoteTemplate, "1.5", text(`a ServiceTrade quote template id is a positive whole number such as 4294967297, got "1.5"`)},

	{quoteTemplateItem, "4294967302", re(`Invalid import ID for fieldservice_servicetrade_quote_template_item.*the import ID of a quote template item is "<quote_template_id>/<item_id>", such as "4294967297/4294967302".*got "4294967302"`)},
	{quoteTemplateItem, "4294967297/4294967302/1", text(`the import ID of a quote template item is "<quote_template_id>/<item_id>"`)},
	{quoteTemplateItem, "labor/4294967302", re(`in import ID "labor/4294967302" \("<quote_template_id>/<item_id>"\): a ServiceTrade quote template id is a positive whole number`)},
	{quoteTemplateItem, "4294967297/0", re(`in import ID "4294967297/0" \("<quote_template_id>/<item_id>"\): a ServiceTrade quote template item id is a positive whole number`)},

	{contract, "standard-price-list", re(`Invalid import ID for fieldservice_servicetrade_contract.*a ServiceTrade contract id is a positive whole number such as 4294967297, got "standard-price-list"`)},
	{contract, "0", text(`a ServiceTrade contract id is a positive whole number such as 4294967297, got "0"`)},

	{contractRule, "4294967310", re(`Invalid import ID for fieldservice_servicetrade_contract_rule.*the import ID of a contract rule is "<contract_id>/<rule_id>", such as "4294967301/4294967310"; got "4294967310"`)},
	{contractRule, "4294967301/unit", text(`in import ID "4294967301/unit" ("<contract_id>/<rule_id>"): a ServiceTrade contract rule id is a positive whole number such as 4294967297, got "unit"`)},
	{contractRule, "/4294967310", text(`in import ID "/4294967310" ("<contract_id>/<rule_id>"): a ServiceTrade contract id is a positive whole number such as 4294967297, got ""`)},
	{contractRule, "1/2/3", text(`the import ID of a contract rule is "<contract_id>/<rule_id>", such as "4294967301/4294967310"; got "1/2/3"`)},

	{kimobyWebhook, "webhooks/WH487d9d59", re(`Invalid import ID for fieldservice_kimoby_webhook.*a Kimoby webhook id is a string such as "WH487d9d59d5511879e2eda871b5cac50c", got "webhooks/WH487d9d59"`)},
	{kimobyWebhook, "WH487d 9d59", text(`a Kimoby webhook id is a string such as "WH487d9d59d5511879e2eda871b5cac50c", got "WH487d 9d59"`)},
	{kimobyWebhook, "WH487d9d59?x=1", text(`a Kimoby webhook id is a string such as "WH487d9d59d5511879e2eda871b5cac50c", got "WH487d9d59?x=1"`)},

	{employee, "jdoe", re(`Invalid import ID for fieldservice_kickserv_employee.*a Kickserv employee number is a positive whole number such as 12 \(the number in the employee's URL, not the internal employee id\), got "jdoe"`)},
	{employee, "0", text(`a Kickserv employee number is a positive whole number such as 12 (the number in the employee's URL, not the internal employee id), got "0"`)},
	{employee, "12.xml", text(`a Kickserv employee number is a positive whole number such as 12 (the number in the employee's URL, not the internal employee id), got "12.xml"`)},
}

// block renders a resource block named "bad".
func block(resourceType, body string) string {
	return fmt.Sprintf("resource %q \"bad\" {\n  %s\n}\n", resourceType, body)
}

// resourceTypes lists the provider's resource types.
func resourceTypes(t *testing.T) []string {
	t.Helper()
	ctx := context.Background()
	p := provider.New("test")()
	var pm fwprovider.MetadataResponse
	p.Metadata(ctx, fwprovider.MetadataRequest{}, &pm)
	var out []string
	for _, f := range p.Resources(ctx) {
		var m fwresource.MetadataResponse
		f().Metadata(ctx, fwresource.MetadataRequest{ProviderTypeName: pm.TypeName}, &m)
		out = append(out, m.TypeName)
	}
	sort.Strings(out)
	return out
}

// Every resource has at least 3 invalid configurations and at least 2
// malformed import ids in the table, and the table names no other type.
func TestEveryResourceHasCases(t *testing.T) {
	types := resourceTypes(t)
	configs, imports := map[string]int{}, map[string]int{}
	for _, c := range invalidConfigs {
		configs[c.resourceType]++
	}
	for _, m := range malformedImports {
		imports[m.resourceType]++
	}
	known := map[string]bool{}
	for _, typ := range types {
		known[typ] = true
		if configs[typ] < 3 {
			t.Errorf("%s has %d invalid configurations in the table, want at least 3", typ, configs[typ])
		}
		if imports[typ] < 2 {
			t.Errorf("%s has %d malformed import ids in the table, want at least 2", typ, imports[typ])
		}
		if validBodies[typ] == "" {
			t.Errorf("%s has no valid configuration for its import cases", typ)
		}
	}
	for typ := range configs {
		if !known[typ] {
			t.Errorf("the table has cases for %s, which the provider does not have", typ)
		}
	}
	for typ := range imports {
		if !known[typ] {
			t.Errorf("the table has import cases for %s, which the provider does not have", typ)
		}
	}
}

// Every invalid configuration fails terraform plan with its message, and
// every malformed import id fails terraform import with its message. The
// resources run in parallel, each as one test case of plan-only steps
// followed by import steps.
func TestAccValidation_planTimeAndImportIDs(t *testing.T) {
	acctest.PreCheck(t, "SERVICETRADE_BASE_URL", "KIMOBY_API_KEY", "KICKSERV_ACCOUNT")
	var configsRefused, importsRefused atomic.Int64
	t.Run("resources", func(t *testing.T) {
		for _, typ := range resourceTypes(t) {
			t.Run(typ, func(t *testing.T) {
				t.Parallel()
				var steps []resource.TestStep
				var nConfigs, nImports int64
				for _, c := range invalidConfigs {
					if c.resourceType != typ {
						continue
					}
					steps = append(steps, resource.TestStep{
						Config:      block(typ, c.body),
						PlanOnly:    true,
						ExpectError: c.want,
					})
					nConfigs++
					t.Logf("invalid configuration: %s", c.what)
				}
				for _, m := range malformedImports {
					if m.resourceType != typ {
						continue
					}
					steps = append(steps, resource.TestStep{
						Config:        block(typ, validBodies[typ]),
						ResourceName:  typ + ".bad",
						ImportState:   true,
						ImportStateId: m.id,
						ExpectError:   m.want,
					})
					nImports++
					t.Logf("malformed import id: %q", m.id)
				}
				resource.Test(t, resource.TestCase{
					ProtoV6ProviderFactories: acctest.ProviderFactories(),
					Steps:                    steps,
				})
				if !t.Failed() {
					configsRefused.Add(nConfigs)
					importsRefused.Add(nImports)
					t.Logf("%s: %d invalid configurations and %d malformed import ids refused", typ, nConfigs, nImports)
				}
			})
		}
	})
	if t.Failed() {
		return
	}
	if got, want := configsRefused.Load(), int64(len(invalidConfigs)); got != want {
		t.Errorf("%d invalid configurations refused, but the table has %d: some resource type of the table is missing from the provider", got, want)
	}
	if got, want := importsRefused.Load(), int64(len(malformedImports)); got != want {
		t.Errorf("%d malformed import ids refused, but the table has %d", got, want)
	}
	t.Logf("%d invalid configurations and %d malformed import ids refused", configsRefused.Load(), importsRefused.Load())
}

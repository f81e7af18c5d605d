package provider_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
)

// listCasesHooks are the TestList_protocol cases of this group's list
// resources. Webhooks, external systems and terms have no list filter (the
// API's lists take none), so their filter is empty and the account must
// hold only the test's objects and what was there before: the isolated
// emulator seeds no webhook, and its seeded external systems are removed
// first, so that the list's paging is tested on the test's objects alone.
var listCasesHooks = []listCase{
	{
		typeName: "fieldservice_servicetrade_webhook", vendor: "servicetrade", name: "hook_url",
		create: func(tag string, i int, _ int64) map[string]tftypes.Value {
			return map[string]tftypes.Value{"hook_url": acctest.StrVal(fmt.Sprintf("https://hooks.example.com/%s/%d", tag, i))}
		},
		filter: noListFilter,
	},
	{
		typeName: "fieldservice_servicetrade_external_system", vendor: "servicetrade", name: "label",
		// The API cannot delete external systems: the emulator's hook
		// removes the seeded ones as ServiceTrade support would.
		parent: func(t *testing.T, run *emulator.Running) int64 {
			systems, err := stClient(t, run).ListExternalSystems(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range systems {
				run.ServiceTrade.RemoveExternalSystem(s.ID)
			}
			return 0
		},
		create: func(tag string, i int, _ int64) map[string]tftypes.Value {
			return map[string]tftypes.Value{"name": acctest.StrVal(fmt.Sprintf("%s-%d", tag, i)), "label": acctest.StrVal(fmt.Sprintf("%s %d", tag, i))}
		},
		filter: noListFilter,
	},
	// Every account has terms the test cannot remove (the default terms,
	// which the API refuses to delete): they are listed before and after.
	{
		typeName: "fieldservice_servicetrade_terms", vendor: "servicetrade", name: "name",
		create: func(tag string, i int, _ int64) map[string]tftypes.Value {
			return map[string]tftypes.Value{"name": acctest.StrVal(fmt.Sprintf("%s %d", tag, i)), "content": acctest.StrVal("Payment is due on receipt.")}
		},
		filter: noListFilter,
	},
	{
		typeName: "fieldservice_servicetrade_tag", vendor: "servicetrade", name: "name",
		create: func(tag string, i int, _ int64) map[string]tftypes.Value {
			return map[string]tftypes.Value{"name": acctest.StrVal(fmt.Sprintf("%s %d", tag, i))}
		},
		filter: func(tag string, _ int64) map[string]tftypes.Value {
			return map[string]tftypes.Value{"name": acctest.StrVal(tag)}
		},
		others: func(tag string, _ int64) map[string]tftypes.Value {
			return map[string]tftypes.Value{"name": acctest.StrVal(tag + " none")}
		},
	},
}

// noListFilter is the configuration of a list resource without a filter.
func noListFilter(string, int64) map[string]tftypes.Value { return map[string]tftypes.Value{} }

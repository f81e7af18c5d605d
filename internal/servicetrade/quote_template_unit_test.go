package servicetrade

import (
	"errors"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

func TestParseItemImportID(t *testing.T) {
	tid, id, err := parseItemImportID("4294967297/4294967302")
	if err != nil || tid != 4294967297 || id != 4294967302 {
		t.Fatalf("parseItemImportID = %d, %d, %v", tid, id, err)
	}
	for raw, want := range map[string]string{
		"4294967302":             `the import ID of a quote template item is "<quote_template_id>/<item_id>"`,
		"1/2/3":                  `got "1/2/3"`,
		"":                       `got ""`,
		"towels/4294967302":      `a ServiceTrade quote template id is a positive whole number such as 4294967297, got "towels"`,
		"4294967297/":            `a ServiceTrade quote template item id is a positive whole number`,
		"4294967297/-5":          `got "-5"`,
		"99999999999999999999/1": `quote template id is a positive whole number`,
	} {
		if _, _, err := parseItemImportID(raw); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("parseItemImportID(%q) = %v, want an error containing %q", raw, err, want)
		}
	}
}

func TestRemainingItemsMessage(t *testing.T) {
	apiErr := errors.New("ServiceTrade API DELETE /quotetemplate/7 returned 409 Conflict: quotetemplate still has child items")
	one := remainingItemsMessage(7, 1, apiErr)
	three := remainingItemsMessage(7, 3, apiErr)
	for _, want := range []string{"still has 1 line item that", `"7/<item id>"`, "force_delete = true", "quotetemplate still has child items"} {
		if !strings.Contains(one, want) {
			t.Errorf("message for 1 item lacks %q:\n%s", want, one)
		}
	}
	if !strings.Contains(three, "still has 3 line items that") {
		t.Errorf("message for 3 items:\n%s", three)
	}
}

// Items read back keep what the response leaves out: the parent when no
// parent key is present, order_index when there is no orderIndex member.
func TestQuoteTemplateItemFromAPIKeepsWhatIsMissing(t *testing.T) {
	m := quoteTemplateItemModel{QuoteTemplateID: types.Int64Value(45), OrderIndex: types.Int64Value(2)}
	m.fromAPI(&api.QuoteTemplateItem{ID: 11, Description: "Towel", Quantity: 2})
	if m.QuoteTemplateID.ValueInt64() != 45 || m.OrderIndex.ValueInt64() != 2 || !m.LibItemID.IsNull() || m.Description.ValueString() != "Towel" {
		t.Errorf("fromAPI without parent or orderIndex = %+v", m)
	}
	m.fromAPI(&api.QuoteTemplateItem{ID: 11, Quantity: 2, QuoteTemplate: &api.Reference{ID: 46}, OrderIndexKnown: true})
	if m.QuoteTemplateID.ValueInt64() != 46 || !m.OrderIndex.IsNull() || !m.Description.IsNull() {
		t.Errorf("fromAPI with parent 46 and a null orderIndex = %+v", m)
	}
}

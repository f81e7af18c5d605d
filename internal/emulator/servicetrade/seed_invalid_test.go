package servicetrade

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/seedfile"
)

// Invalid seeds are refused, each error naming the entry (path and name)
// and what is wrong, every error reported.
func TestSeedInvalid(t *testing.T) {
	// vendor is an account company, for cases about something else.
	const vendor = `{"id":1,"name":"Us","vendor":true}`
	cases := []struct {
		name, section string
		// want are the error lines, each given by a part of it.
		want []string
	}{
		{"unknown kind", `{"compnies":[]}`,
			[]string{`servicetrade.compnies: is not a kind of ServiceTrade seed; the kinds are `}},
		{"not a list", `{"tags":{"name":"x"}}`,
			[]string{`servicetrade.tags: is an object, expected a list`}},
		{"unknown member", `{"companies":[{"name":"Us","vendor":true,"colour":"red"}]}`,
			// The wording of what seedfile.Decode finds is seedfile's.
			[]string{`servicetrade.companies[0] ("Us"): unknown member "colour"`}},
		{"wrong type", `{"users":[{"username":5,"firstName":"A","lastName":"B","email":"e"}]}`,
			[]string{`servicetrade.users[0] ("e"): username is the number 5`}},
		{"missing required fields", `{"terms":[{"name":"T"}],"webhooks":[{"enabled":true}]}`,
			[]string{`servicetrade.terms[0] ("T"): content is required`, `servicetrade.webhooks[0]: hookUrl is required`}},
		{"duplicate ids across kinds", `{"companies":[` + vendor + `],"terms":[{"id":1,"name":"T","content":"C"}]}`,
			[]string{`servicetrade.terms[0] ("T"): id 1 is already the id of servicetrade.companies[0] ("Us"): ids are unique across every kind`}},
		{"negative id", `{"tags":[{"id":-3,"name":"x"}]}`,
			[]string{`servicetrade.tags[0] ("x"): id -3 is not a positive integer`}},
		{"dangling reference", `{"companies":[` + vendor + `],"locations":[{"name":"Acme Tower","companyId":42}]}`,
			[]string{`servicetrade.locations[0] ("Acme Tower"): companyId 42 is not a company of this seed (servicetrade.companies has ids 1)`}},
		{"missing reference", `{"brands":[{"name":"B"}]}`,
			[]string{`servicetrade.brands[0] ("B"): companyId is required: the id of a company`}},
		{"reference to a kind with no entries", `{"lib_items":[{"name":"L","type":"part","serviceLineId":9}]}`,
			[]string{`servicetrade.lib_items[0] ("L"): serviceLineId 9 is not a service line of this seed (servicetrade.service_lines has no entries)`}},
		{"enum", `{"lib_items":[{"name":"L","type":"Part"}],"warehouses":[{"name":"W","status":"closed"}]}`,
			[]string{`servicetrade.lib_items[0] ("L"): type "Part" is not one of inspection, service, part,`,
				`servicetrade.warehouses[0] ("W"): status "closed" is not one of active, inactive`}},
		{"office that is not one", `{"companies":[` + vendor + `,{"id":2,"name":"C"}],"locations":[{"id":3,"name":"Shop","companyId":2}],"regions":[{"name":"R","points":[[1,2]],"officeIds":[3]}]}`,
			[]string{`servicetrade.regions[0] ("R"): officeIds[0] 3 is not an office of this seed (the offices are the locations of the account company 1: none)`}},
		{"list given twice", `{"service_lines":[{"id":5,"name":"S","abbr":"S"}],"users":[{"username":"u","firstName":"A","lastName":"B","email":"e","serviceLineIds":[5,5]}]}`,
			[]string{`servicetrade.users[0] ("u"): serviceLineIds[1] 5 is given twice`}},
		{"username taken ignoring case", `{"users":[{"username":"sam","firstName":"A","lastName":"B","email":"e"},{"username":"SAM","firstName":"A","lastName":"B","email":"e"}]}`,
			[]string{`servicetrade.users[1] ("SAM"): username "SAM" is already user `}},
		{"contract cycle", `{"companies":[` + vendor + `],"contracts":[{"id":7,"type":"default","name":"A","vendorId":1,"parentId":8},{"id":8,"type":"default","name":"B","vendorId":1,"parentId":7}]}`,
			[]string{`servicetrade.contracts[0] ("A"): parentId 8: a contract cannot be its own parent or ancestor`,
				`servicetrade.contracts[1] ("B"): parentId 7: a contract cannot be its own parent or ancestor`}},
		{"contract type rules", `{"companies":[` + vendor + `],"contracts":[{"type":"template","name":"T","vendorId":1}]}`,
			[]string{`servicetrade.contracts[0] ("T"): vendorId is only allowed on types default and company`}},
		{"rule threshold", `{"companies":[` + vendor + `],"contracts":[{"id":7,"type":"default","name":"A","vendorId":1}],"contract_rules":[{"contractId":7,"type":"unit","name":"R","threshold":1.5}]}`,
			[]string{`servicetrade.contract_rules[0] ("R"): threshold 1.5 is not a whole number`}},
		{"asset property", `{"asset_definitions":[{"type":"pump","properties":{"flow":{"type":"liters","colour":1}}}]}`,
			[]string{`servicetrade.asset_definitions[0].properties.flow ("pump"): unknown member "colour"`}},
		{"asset property type", `{"asset_definitions":[{"type":"pump","properties":{"flow":{"type":"liters"}}}]}`,
			[]string{`servicetrade.asset_definitions[0].properties.flow ("pump"): type "liters" is not one of string, text,`}},
		{"external id to nothing", `{"external_ids":[{"entityType":"job","entityId":1,"systemName":"qb","value":"x"}]}`,
			[]string{`servicetrade.external_ids[0] ("x"): entityType "job": the emulator has no job objects`,
				`servicetrade.external_ids[0] ("x"): systemName "qb" is not the name of an external system of this seed`}},
		{"user value format and duplicate", `{"users":[{"id":9,"username":"u","firstName":"A","lastName":"B","email":"e"}],"user_values":[{"userId":9,"name":"disableClock","value":"yes"},{"userId":9,"name":"lastLogin","value":"x"},{"userId":9,"name":"lastLogin","value":"y"}]}`,
			[]string{`servicetrade.user_values[0] ("disableClock"): value "yes": disableClock must be 1 or 0`,
				`servicetrade.user_values[2] ("lastLogin"): user 9 already has a value named "lastLogin"`}},
		{"bad time zone", `{"users":[{"username":"u","firstName":"A","lastName":"B","email":"e","timezone":"Mars/Olympus"}]}`,
			[]string{`servicetrade.users[0] ("u"): timezone "Mars/Olympus" is not an IANA time zone identifier`}},
		{"several errors, all reported", `{"tags":[{"name":"a"},{"name":"A"}],"terms":[{"content":"x"}],"webhooks":[{"hookUrl":"ftp://x"}]}`,
			[]string{`servicetrade.tags[1] ("A"): name "A" is already tag `, `servicetrade.terms[0]: name is required`,
				`servicetrade.webhooks[0] ("ftp://x"): hookUrl must be an absolute http or https URL`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := NewSeeded(Options{}, json.RawMessage(tc.section))
			var se *seedfile.Error
			if !errors.As(err, &se) {
				t.Fatalf("NewSeeded = %v, want the seed's errors", err)
			}
			if len(se.Lines) != len(tc.want) {
				t.Errorf("%d errors, want %d:\n%v", len(se.Lines), len(tc.want), err)
			}
			for _, want := range tc.want {
				found := false
				for _, line := range se.Lines {
					found = found || strings.Contains(line, want)
				}
				if !found {
					t.Errorf("no error says %q:\n%v", want, err)
				}
			}
		})
	}
}

// Past seedfile.MaxErrors errors, the rest are counted.
func TestSeedInvalidManyErrors(t *testing.T) {
	var tags []string
	for i := range 30 {
		tags = append(tags, fmt.Sprintf(`{"id":%d}`, i+1))
	}
	_, err := NewSeeded(Options{}, json.RawMessage(`{"tags":[`+strings.Join(tags, ",")+`]}`))
	if err == nil || !strings.Contains(err.Error(), "servicetrade.tags[19]: name is required") || !strings.Contains(err.Error(), "and 10 more errors") {
		t.Errorf("NewSeeded = %v, want the first 20 errors and a count of the rest", err)
	}
}

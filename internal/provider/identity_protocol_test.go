package provider_test

import (
	"context"
	"math/big"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/acctest"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emuks "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/kickserv"
	emukimoby "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/kimoby"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	stapi "github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// identityCase is one resource type driven through the protocol as
// Terraform 1.12+ does with identity.
type identityCase struct {
	typeName, vendor string
	// parts are the identity's attributes in the order of the import id.
	parts []string
	// config is the resource's configuration, built against run.
	config func(t *testing.T, run *emulator.Running) map[string]tftypes.Value
	// gone is true when a destroy deletes the object (false: the API
	// cannot delete it and it stays, deactivated).
	gone bool
	// badIdentity is an identity value that the type's id format refuses.
	badIdentity map[string]tftypes.Value
	// notImported are the attributes an import cannot read back (secrets
	// the API gives only on create), as ImportStateVerifyIgnore.
	notImported []string
	// change, when set, is an in-place update of the configuration.
	change map[string]tftypes.Value
}

// The representative kinds: flat ids (ServiceTrade tag, with an
// ImportState of its own that also takes a name; Kimoby webhook, a string
// id; Kickserv employee, a number), ChildOf (brand: company_id + id; user
// role: user_id + role_id, both numbers) and Triple (external id).
var identityCases = []identityCase{
	{
		typeName: "fieldservice_servicetrade_tag", vendor: "servicetrade", parts: []string{"id"}, gone: true,
		config: func(*testing.T, *emulator.Running) map[string]tftypes.Value {
			return map[string]tftypes.Value{"name": acctest.StrVal(acctest.RandomName("identity"))}
		},
		badIdentity: map[string]tftypes.Value{"id": acctest.StrVal("twelve")},
		change:      map[string]tftypes.Value{"name": acctest.StrVal(acctest.RandomName("renamed"))},
	},
	{
		// The API cannot delete brands: a destroy forgets the brand.
		typeName: "fieldservice_servicetrade_brand", vendor: "servicetrade", parts: []string{"company_id", "id"}, gone: false,
		config: func(t *testing.T, run *emulator.Running) map[string]tftypes.Value {
			companies, err := stClient(t, run).ListCompanies(context.Background(), stapi.CompanyFilter{Name: emust.SeedCustomerCompanies[0]})
			if err != nil || len(companies) == 0 {
				t.Fatalf("company %q: %v, %v", emust.SeedCustomerCompanies[0], companies, err)
			}
			return map[string]tftypes.Value{"company_id": acctest.NumVal(companies[0].ID), "name": acctest.StrVal(acctest.RandomName("identity"))}
		},
		badIdentity: map[string]tftypes.Value{"company_id": acctest.NumVal(-3), "id": acctest.StrVal("5")},
	},
	{
		typeName: "fieldservice_servicetrade_user_role", vendor: "servicetrade", parts: []string{"user_id", "role_id"}, gone: true,
		config: func(t *testing.T, run *emulator.Running) map[string]tftypes.Value {
			ctx, c := context.Background(), stClient(t, run)
			users, err := c.ListUsers(ctx, stapi.UserFilter{})
			if err != nil || len(users) == 0 {
				t.Fatalf("users: %v, %v", users, err)
			}
			held, err := c.ListUserRoles(ctx, users[0].ID)
			if err != nil {
				t.Fatal(err)
			}
			roles, err := c.ListRoles(ctx, stapi.RoleFilter{})
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range roles {
				if !containsRole(held, r.ID) {
					return map[string]tftypes.Value{"user_id": acctest.NumVal(users[0].ID), "role_id": acctest.NumVal(r.ID)}
				}
			}
			t.Fatalf("user %d holds every role", users[0].ID)
			return nil
		},
		badIdentity: map[string]tftypes.Value{"user_id": acctest.NumVal(7), "role_id": acctest.NumVal(0)},
	},
	{
		typeName: "fieldservice_servicetrade_external_id", vendor: "servicetrade", parts: []string{"entity_type", "entity_id", "system_name"}, gone: true,
		config: func(t *testing.T, run *emulator.Running) map[string]tftypes.Value {
			ctx, c := context.Background(), stClient(t, run)
			companies, err := c.ListCompanies(ctx, stapi.CompanyFilter{Name: emust.SeedCustomerCompanies[0]})
			if err != nil || len(companies) == 0 {
				t.Fatalf("company %q: %v, %v", emust.SeedCustomerCompanies[0], companies, err)
			}
			system, none := acctest.RandomName("identity"), []string{}
			if _, err := c.CreateExternalSystem(ctx, stapi.ExternalSystemInput{Name: system, Label: "Identity " + system, SyncableTypes: &none}); err != nil {
				t.Fatal(err)
			}
			return map[string]tftypes.Value{"entity_type": acctest.StrVal("company"), "entity_id": acctest.NumVal(companies[0].ID),
				"system_name": acctest.StrVal(system), "value": acctest.StrVal("AB-376")}
		},
		badIdentity: map[string]tftypes.Value{"entity_type": acctest.StrVal("spaceship"), "entity_id": acctest.NumVal(5), "system_name": acctest.StrVal("x")},
	},
	{
		typeName: "fieldservice_kimoby_webhook", vendor: "kimoby", parts: []string{"id"}, gone: true,
		config: func(*testing.T, *emulator.Running) map[string]tftypes.Value {
			return map[string]tftypes.Value{"url": acctest.StrVal("https://example.com/" + acctest.RandomName("identity"))}
		},
		badIdentity: map[string]tftypes.Value{"id": acctest.StrVal("has space")},
		notImported: []string{"authentication_key"},
	},
	{
		typeName: "fieldservice_kickserv_employee", vendor: "kickserv", parts: []string{"id"}, gone: false,
		config: func(*testing.T, *emulator.Running) map[string]tftypes.Value {
			return map[string]tftypes.Value{"name": acctest.StrVal("Identity " + acctest.RandomName("employee"))}
		},
		badIdentity: map[string]tftypes.Value{"id": acctest.StrVal("0")},
		change:      map[string]tftypes.Value{"name": acctest.StrVal("Identity Renamed")},
	},
}

func stClient(t *testing.T, run *emulator.Running) *stapi.Client {
	t.Helper()
	c, err := stapi.New(stapi.Config{BaseURL: run.ServiceTradeURL(), ClientID: emust.ClientID, ClientSecret: emust.ClientSecret})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func containsRole(roles []stapi.Role, id int64) bool {
	for _, r := range roles {
		if r.ID == id {
			return true
		}
	}
	return false
}

func vendorSettings(vendor string, run *emulator.Running) map[string]string {
	switch vendor {
	case "servicetrade":
		return map[string]string{"base_url": run.ServiceTradeURL(), "client_id": emust.ClientID, "client_secret": emust.ClientSecret}
	case "kimoby":
		return map[string]string{"base_url": run.KimobyURL(), "api_key": emukimoby.APIKey, "api_secret": emukimoby.APISecret}
	case "kickserv":
		return map[string]string{"base_url": run.KickservURL(), "account": emuks.Account, "api_token": emuks.APIToken}
	}
	panic("unknown vendor " + vendor)
}

// Against the emulator, through the protocol as Terraform 1.12+ drives
// it: the create returns the identity (the id's attributes of the new
// state); a refresh returns the same one, and sets it for a state saved
// before identity existed; an import by identity alone imports the object,
// whose refresh reads it back as created; an update keeps it; an import by id string returns
// the identity too; an identity missing an attribute, or with one the id
// format refuses, is an error; and a refresh of an object gone after a
// destroy, from a state without identity, leaves the state without error.
func TestIdentity_protocol(t *testing.T) {
	for _, c := range identityCases {
		t.Run(c.typeName, func(t *testing.T) {
			run := acctest.Isolated(t, emulator.Options{})
			h := newIdentityHarness(t, c.typeName, c.vendor, vendorSettings(c.vendor, run))
			attrs := c.config(t, run)
			config := h.Config(attrs)

			planned, private := h.Plan(h.Null(), config)
			state, identity := h.apply(h.Null(), planned, config, private, nil)
			if state.IsNull() {
				t.Fatal("the create left no state")
			}
			want := h.identityOf(state)
			if !identity.Equal(want) {
				t.Fatalf("create: identity %s, want the state's %s", identity, want)
			}
			for _, name := range c.parts {
				if acctest.Attr(t, identity, name).IsNull() {
					t.Fatalf("create: identity attribute %s is null", name)
				}
			}

			// Refresh, with the stored identity and with none (a state
			// written by a provider version without identity).
			for _, current := range []*tftypes.Value{&identity, nil} {
				newState, newIdentity, _ := h.read(state, current, nil)
				if !newIdentity.Equal(identity) {
					t.Errorf("read (identity given: %v): identity %s, want %s", current != nil, newIdentity, identity)
				}
				if !newState.Equal(state) {
					t.Errorf("read: state %s, want %s", newState, state)
				}
			}

			// An in-place update keeps the identity, and sets it for a
			// state without one.
			if c.change != nil {
				for k, v := range c.change {
					attrs[k] = v
				}
				changed := h.Config(attrs)
				for _, prior := range []*tftypes.Value{&identity, nil} {
					planned, private := h.Plan(state, changed)
					updated, newIdentity := h.apply(state, planned, changed, private, prior)
					if !newIdentity.Equal(identity) {
						t.Errorf("update (identity given: %v): identity %s, want %s", prior != nil, newIdentity, identity)
					}
					state = updated
				}
			}

			// Import by identity alone, then the refresh that follows.
			imported := h.importResource("", &identity)
			importedState := h.Value(imported.State)
			if got := h.identityValue(imported.Identity); !got.Equal(identity) {
				t.Errorf("import by identity: identity %s, want %s", got, identity)
			}
			for _, name := range c.parts {
				if got, want := acctest.Attr(t, importedState, name), acctest.Attr(t, state, name); !got.Equal(want) {
					t.Errorf("import by identity: %s = %s, want %s", name, got, want)
				}
			}
			readBack, readIdentity, _ := h.read(importedState, &identity, imported.Private)
			if !readIdentity.Equal(identity) {
				t.Errorf("read after import: identity %s, want %s", readIdentity, identity)
			}
			if !readBack.Equal(h.without(state, c.notImported)) {
				t.Errorf("read after import by identity:\n got %s\nwant %s", readBack, state)
			}

			// Import by id string: the identity comes back too.
			importID := make([]string, len(c.parts))
			for i, name := range c.parts {
				importID[i] = valueString(t, acctest.Attr(t, state, name))
			}
			byID := h.importResource(strings.Join(importID, "/"), nil)
			if got := h.identityValue(byID.Identity); !got.Equal(identity) {
				t.Errorf("import by id %q: identity %s, want %s", strings.Join(importID, "/"), got, identity)
			}

			// Identities that cannot name an object.
			missing := h.identityObject(map[string]tftypes.Value{})
			if d := h.importErrors("", &missing); !strings.Contains(d, "needs") || !strings.Contains(d, c.parts[0]) {
				t.Errorf("import by an empty identity: %q, want an error naming %s", d, c.parts[0])
			}
			bad := h.identityObject(c.badIdentity)
			if d := h.importErrors("", &bad); !strings.Contains(d, "Invalid import identity") {
				t.Errorf("import by identity %s: %q, want an invalid import identity error", bad, d)
			}

			// Destroy, then refresh from a state without identity.
			h.apply(state, h.Null(), h.Null(), nil, &identity)
			after, afterIdentity, diags := h.read(state, nil, nil)
			acctest.NoErrors(t, "ReadResource after destroy", diags)
			if c.gone && !after.IsNull() {
				t.Errorf("read after destroy: state %s, want none", after)
			}
			if !after.IsNull() && !afterIdentity.Equal(identity) {
				t.Errorf("read after destroy: identity %s, want %s", afterIdentity, identity)
			}
		})
	}
}

// identityHarness is acctest.Protocol with the resource type's identity.
type identityHarness struct {
	*acctest.Protocol
	idType tftypes.Object
}

func newIdentityHarness(t *testing.T, typeName, vendor string, settings map[string]string) *identityHarness {
	t.Helper()
	p := acctest.NewProtocol(t, typeName, vendor, settings)
	resp, err := p.Srv.GetResourceIdentitySchemas(p.Ctx, &tfprotov6.GetResourceIdentitySchemasRequest{})
	if err != nil {
		t.Fatal(err)
	}
	acctest.NoErrors(t, "GetResourceIdentitySchemas", resp.Diagnostics)
	s := resp.IdentitySchemas[typeName]
	if s == nil {
		t.Fatalf("%s has no identity schema", typeName)
	}
	typ, ok := s.ValueType().(tftypes.Object)
	if !ok {
		t.Fatalf("identity type %s is not an object", s.ValueType())
	}
	return &identityHarness{Protocol: p, idType: typ}
}

// without is state with the attributes names null.
func (h *identityHarness) without(state tftypes.Value, names []string) tftypes.Value {
	var vals map[string]tftypes.Value
	if err := state.As(&vals); err != nil {
		h.T.Fatal(err)
	}
	for _, name := range names {
		vals[name] = tftypes.NewValue(h.Typ.AttributeTypes[name], nil)
	}
	return tftypes.NewValue(h.Typ, vals)
}

// identityObject is an identity: the given attributes, the rest null.
func (h *identityHarness) identityObject(vals map[string]tftypes.Value) tftypes.Value {
	return acctest.Object(h.idType, vals)
}

// identityOf is the identity a state should have: its attributes of the
// identity's names.
func (h *identityHarness) identityOf(state tftypes.Value) tftypes.Value {
	vals := map[string]tftypes.Value{}
	for name := range h.idType.AttributeTypes {
		vals[name] = acctest.Attr(h.T, state, name)
	}
	return h.identityObject(vals)
}

func (h *identityHarness) identityData(v *tftypes.Value) *tfprotov6.ResourceIdentityData {
	if v == nil {
		return nil
	}
	return &tfprotov6.ResourceIdentityData{IdentityData: acctest.Dynamic(h.T, h.idType, *v)}
}

// identityValue decodes an identity the provider returned; none is a
// null object.
func (h *identityHarness) identityValue(d *tfprotov6.ResourceIdentityData) tftypes.Value {
	h.T.Helper()
	if d == nil || d.IdentityData == nil {
		return tftypes.NewValue(h.idType, nil)
	}
	v, err := d.IdentityData.Unmarshal(h.idType)
	if err != nil {
		h.T.Fatal(err)
	}
	return v
}

// apply runs ApplyResourceChange with a planned identity (nil for a
// create) and returns the new state and identity.
func (h *identityHarness) apply(prior, planned, config tftypes.Value, private []byte, plannedIdentity *tftypes.Value) (tftypes.Value, tftypes.Value) {
	h.T.Helper()
	resp, err := h.Srv.ApplyResourceChange(h.Ctx, &tfprotov6.ApplyResourceChangeRequest{
		TypeName: h.TypeName, PriorState: acctest.Dynamic(h.T, h.Typ, prior), PlannedState: acctest.Dynamic(h.T, h.Typ, planned),
		Config: acctest.Dynamic(h.T, h.Typ, config), PlannedPrivate: private, PlannedIdentity: h.identityData(plannedIdentity),
	})
	if err != nil {
		h.T.Fatal(err)
	}
	acctest.NoErrors(h.T, "ApplyResourceChange", resp.Diagnostics)
	return h.Value(resp.NewState), h.identityValue(resp.NewIdentity)
}

// read runs ReadResource with the current identity (nil: none) and
// returns the new state and identity and the diagnostics; an error fails
// the test.
func (h *identityHarness) read(state tftypes.Value, identity *tftypes.Value, private []byte) (tftypes.Value, tftypes.Value, []*tfprotov6.Diagnostic) {
	h.T.Helper()
	resp, err := h.Srv.ReadResource(h.Ctx, &tfprotov6.ReadResourceRequest{
		TypeName: h.TypeName, CurrentState: acctest.Dynamic(h.T, h.Typ, state), CurrentIdentity: h.identityData(identity), Private: private,
	})
	if err != nil {
		h.T.Fatal(err)
	}
	acctest.NoErrors(h.T, "ReadResource", resp.Diagnostics)
	return h.Value(resp.NewState), h.identityValue(resp.NewIdentity), resp.Diagnostics
}

func (h *identityHarness) importResponse(id string, identity *tftypes.Value) *tfprotov6.ImportResourceStateResponse {
	h.T.Helper()
	resp, err := h.Srv.ImportResourceState(h.Ctx, &tfprotov6.ImportResourceStateRequest{TypeName: h.TypeName, ID: id, Identity: h.identityData(identity)})
	if err != nil {
		h.T.Fatal(err)
	}
	return resp
}

// importResource imports one object by id string or identity.
func (h *identityHarness) importResource(id string, identity *tftypes.Value) *tfprotov6.ImportedResource {
	h.T.Helper()
	resp := h.importResponse(id, identity)
	acctest.NoErrors(h.T, "ImportResourceState", resp.Diagnostics)
	if len(resp.ImportedResources) != 1 {
		h.T.Fatalf("ImportResourceState returned %d resources, want 1", len(resp.ImportedResources))
	}
	return resp.ImportedResources[0]
}

// importErrors is the text of an import's error diagnostics.
func (h *identityHarness) importErrors(id string, identity *tftypes.Value) string {
	h.T.Helper()
	var b strings.Builder
	for _, d := range h.importResponse(id, identity).Diagnostics {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			b.WriteString(d.Summary + ": " + d.Detail + "\n")
		}
	}
	return b.String()
}

// valueString is a string or number value as an import id part.
func valueString(t *testing.T, v tftypes.Value) string {
	t.Helper()
	if v.Type().Is(tftypes.Number) {
		var n big.Float
		if err := v.As(&n); err != nil {
			t.Fatal(err)
		}
		return n.Text('f', 0)
	}
	var s string
	if err := v.As(&s); err != nil {
		t.Fatal(err)
	}
	return s
}

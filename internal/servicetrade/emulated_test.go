package servicetrade

import (
	"net/http/httptest"
	"testing"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
)

// EmulatedClient starts an in-process emulator, stopped with the test, and
// returns it with a ServiceTrade client of it: for tests that call a
// resource's methods directly, because terraform-plugin-testing does not
// expose warnings. Exported for the external test package.
func EmulatedClient(t *testing.T) (*emulator.Emulator, *api.Client) {
	t.Helper()
	e := emulator.New(emulator.Options{})
	srv := httptest.NewServer(e)
	t.Cleanup(srv.Close)
	c, err := api.New(api.Config{BaseURL: srv.URL + emulator.ServiceTradePrefix, ClientID: emust.ClientID, ClientSecret: emust.ClientSecret})
	if err != nil {
		t.Fatal(err)
	}
	return e, c
}

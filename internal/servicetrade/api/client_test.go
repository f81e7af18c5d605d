package api_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fieldservice/terraform-provider-fieldservice/internal/emulator"
	emust "github.com/fieldservice/terraform-provider-fieldservice/internal/emulator/servicetrade"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/servicetrade/api"
	"github.com/fieldservice/terraform-provider-fieldservice/internal/transport"
)

type flow struct {
	name string
	cfg  func(base string) api.Config
	// issued reads the emulator counter that this flow increments.
	issued func(emust.Stats) int
}

var flows = []flow{
	{"oauth2", func(base string) api.Config {
		return api.Config{BaseURL: base, ClientID: emust.ClientID, ClientSecret: emust.ClientSecret}
	}, func(s emust.Stats) int { return s.TokensIssued }},
	{"session", func(base string) api.Config {
		return api.Config{BaseURL: base, Username: emust.Username, Password: emust.Password}
	}, func(s emust.Stats) int { return s.SessionsCreated }},
}

func newEmulator(t *testing.T, opts emulator.Options) (*emulator.Emulator, string) {
	t.Helper()
	e := emulator.New(opts)
	srv := httptest.NewServer(e)
	t.Cleanup(srv.Close)
	return e, srv.URL + emulator.ServiceTradePrefix
}

func newClient(t *testing.T, cfg api.Config) *api.Client {
	t.Helper()
	cfg.HTTP.Retry = transport.RetryPolicy{MinDelay: time.Millisecond, MaxDelay: 5 * time.Millisecond}
	c, err := api.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func sampleRegion(name string) api.RegionInput {
	return api.RegionInput{Name: name, Points: []api.Point{{36.125, -115.45}, {36.125, -115.56}, {37.175, -115.56}}}
}

func TestAuthFlowsShareOneCredentialUnderParallelism(t *testing.T) {
	for _, f := range flows {
		t.Run(f.name, func(t *testing.T) {
			e, base := newEmulator(t, emulator.Options{})
			c := newClient(t, f.cfg(base))
			ctx := context.Background()
			var wg sync.WaitGroup
			errs := make(chan error, 40)
			for i := 0; i < 40; i++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					_, err := c.CreateRegion(ctx, sampleRegion("parallel"))
					errs <- err
				}()
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				if err != nil {
					t.Fatal(err)
				}
			}
			if got := f.issued(e.ServiceTrade.Stats()); got != 1 {
				t.Errorf("40 parallel calls obtained %d credentials, want 1", got)
			}
			if c.AuthCount() != 1 {
				t.Errorf("client AuthCount = %d, want 1", c.AuthCount())
			}
		})
	}
}

func TestExpiredCredentialIsReestablishedOnce(t *testing.T) {
	for _, f := range flows {
		t.Run(f.name, func(t *testing.T) {
			e, base := newEmulator(t, emulator.Options{})
			c := newClient(t, f.cfg(base))
			ctx := context.Background()
			r, err := c.CreateRegion(ctx, sampleRegion("expiry"))
			if err != nil {
				t.Fatal(err)
			}
			e.ServiceTrade.ExpireCredentials()
			var wg sync.WaitGroup
			for i := 0; i < 10; i++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					if _, err := c.GetRegion(ctx, r.ID); err != nil {
						t.Error(err)
					}
				}()
			}
			wg.Wait()
			if got := f.issued(e.ServiceTrade.Stats()); got != 2 {
				t.Errorf("credentials obtained = %d, want 2 (one login, one re-login after expiry)", got)
			}
		})
	}
}

func TestWrongCredentialsGiveAClearError(t *testing.T) {
	_, base := newEmulator(t, emulator.Options{})
	cases := []struct {
		name string
		cfg  api.Config
		want []string
	}{
		{"oauth2", api.Config{BaseURL: base, ClientID: emust.ClientID, ClientSecret: "wrong-secret"},
			[]string{"OAuth2 client credentials", "401", "invalid_client", "SERVICETRADE_"}},
		{"session", api.Config{BaseURL: base, Username: emust.Username, Password: "wrong-password"},
			[]string{"username/password session", "403", "Invalid credentials provided", "SERVICETRADE_"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := newClient(t, tc.cfg)
			_, err := c.GetRegion(context.Background(), 1)
			var authErr *api.AuthError
			if !errors.As(err, &authErr) {
				t.Fatalf("got %v, want an *api.AuthError", err)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
			if strings.Contains(err.Error(), "wrong-") {
				t.Errorf("error %q leaks the secret", err)
			}
		})
	}
}

func TestTokenIsRenewedBeforeExpiry(t *testing.T) {
	st := emust.New(emust.Options{TokenTTL: time.Second})
	srv := httptest.NewServer(st)
	defer srv.Close()
	c := newClient(t, api.Config{BaseURL: srv.URL, ClientID: emust.ClientID, ClientSecret: emust.ClientSecret})
	ctx := context.Background()
	if _, err := c.ListRegions(ctx, api.RegionFilter{}); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Second) // let the one-second token reach its renewal margin
	if _, err := c.ListRegions(ctx, api.RegionFilter{}); err != nil {
		t.Fatal(err)
	}
	stats := st.Stats()
	if stats.TokensIssued != 2 || stats.Unauthorized != 0 {
		t.Errorf("tokens issued = %d, 401s = %d; want 2 tokens and no 401 (renewed before expiry)", stats.TokensIssued, stats.Unauthorized)
	}
}

func TestRegionLifecycleAndNotFound(t *testing.T) {
	_, base := newEmulator(t, emulator.Options{PageSize: 2})
	c := newClient(t, flows[0].cfg(base))
	ctx := context.Background()
	offices, err := c.ListOffices(ctx, "")
	if err != nil || len(offices) != len(emust.SeedOffices) {
		t.Fatalf("ListOffices = %d offices, %v; want %d", len(offices), err, len(emust.SeedOffices))
	}
	in := sampleRegion("Area 51")
	in.OfficeIDs = []int64{offices[0].ID}
	r, err := c.CreateRegion(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if r.ID <= 1<<32 {
		t.Errorf("id %d does not exercise 64-bit ids", r.ID)
	}
	if r.Color != nil || len(r.Offices) != 1 || r.Offices[0].ID != offices[0].ID || !strings.HasSuffix(r.URI, "/region/"+strconv.FormatInt(r.ID, 10)) {
		t.Errorf("created region = %+v", r)
	}
	color := "#000"
	in.Color = &color
	in.OfficeIDs = []int64{}
	r, err = c.UpdateRegion(ctx, r.ID, in)
	if err != nil || r.Color == nil || *r.Color != "#000" || len(r.Offices) != 0 {
		t.Fatalf("updated region = %+v, %v", r, err)
	}
	if err := c.DeleteRegion(ctx, r.ID); err != nil {
		t.Fatal(err)
	}
	_, err = c.GetRegion(ctx, r.ID)
	if !api.IsNotFound(err) {
		t.Errorf("GetRegion after delete: %v, want not found", err)
	}
	if err := c.DeleteRegion(ctx, r.ID); !api.IsNotFound(err) {
		t.Errorf("second delete: %v, want not found", err)
	}
}

func TestListRegionsPagesAndFilters(t *testing.T) {
	_, base := newEmulator(t, emulator.Options{PageSize: 2})
	c := newClient(t, flows[0].cfg(base))
	ctx := context.Background()
	for _, n := range []string{"North", "North East", "South", "West", "Far North"} {
		if _, err := c.CreateRegion(ctx, sampleRegion(n)); err != nil {
			t.Fatal(err)
		}
	}
	all, err := c.ListRegions(ctx, api.RegionFilter{})
	if err != nil || len(all) != 5 {
		t.Fatalf("ListRegions = %d, %v; want 5 across 3 pages", len(all), err)
	}
	north, err := c.ListRegions(ctx, api.RegionFilter{Name: "north"})
	if err != nil || len(north) != 3 {
		t.Fatalf("ListRegions(name=north) = %d, %v; want 3 (case-insensitive substring)", len(north), err)
	}
}

func TestValidationErrorsCarryTheAPIMessages(t *testing.T) {
	_, base := newEmulator(t, emulator.Options{})
	c := newClient(t, flows[0].cfg(base))
	_, err := c.CreateRegion(context.Background(), api.RegionInput{Name: "x", Points: []api.Point{}, OfficeIDs: []int64{42}})
	var apiErr *api.Error
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 400 {
		t.Fatalf("got %v, want a 400 *api.Error", err)
	}
	for _, w := range []string{"points", "officeIds: 42 is not an office"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q does not mention %q", err, w)
		}
	}
}

func TestInsecureBaseURLIsRefused(t *testing.T) {
	_, err := api.New(api.Config{BaseURL: "http://api.example.com/api", ClientID: "a", ClientSecret: "b"})
	if err == nil || !strings.Contains(err.Error(), "plain http") {
		t.Fatalf("got %v, want a refusal of plain http", err)
	}
}

func TestListStopsWhenTheServerIgnoresThePage(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/oauth2/token" {
			_, _ = w.Write([]byte(`{"access_token":"t","token_type":"Bearer","expires_in":3600}`))
			return
		}
		_, _ = w.Write([]byte(`{"data":{"totalPages":5,"page":1,"regions":[{"id":1,"name":"a"}]}}`))
	}))
	defer srv.Close()
	c := newClient(t, api.Config{BaseURL: srv.URL, ClientID: "id", ClientSecret: "secret"})
	_, err := c.ListRegions(context.Background(), api.RegionFilter{})
	if err == nil || !strings.Contains(err.Error(), "answered page 1 when page 2 was asked") {
		t.Fatalf("err = %v; want the ignored page parameter reported", err)
	}
}
